// The exchange between the schools of a group (the fourth session): the school's group as the zone's supervision
// formed it ("agrupacion-escuelas") and the peers screen ("recomendaciones-escuelas"), where the collective reads each
// peer's presentation, sends it recommendations, strategies, resources and proposals, reads what the peers sent, and
// copies a peer's intervention card into its own library. Texts are set as text, never as HTML.

import {presentationDetails} from './editor.js';

const KINDS = [['recomendacion', 'Recomendación'], ['estrategia', 'Estrategia'], ['recurso', 'Recurso'],
  ['propuesta', 'Propuesta']];
const KIND_TITLES = new Map(KINDS);

function peerName(peer) {
  return peer.nombre ? `${peer.nombre} (${peer.escuela})` : peer.escuela;
}

function presentationOf(el, peer) {
  return peer.presentacion
    ? presentationDetails(el, peer.presentacion, 'Su presentación de la problemática', 'h6')
    : el('p', {class: 'aviso-modulo'}, 'Esta escuela aún no publica su presentación de la problemática.');
}

async function readPeers(ctx) {
  return ctx.api(`/api/v1/exchange/${encodeURIComponent(ctx.school)}/peers?sesion=${encodeURIComponent(ctx.session)}`);
}

const NO_GROUP = 'La supervisión de la zona aún no forma los grupos de intercambio de esta sesión, o esta escuela no'
  + ' está en ninguno. Cuando los confirme, aquí aparecerán las escuelas de su grupo.';

/** The school's exchange group: who is in it and what each peer presented. */
export async function group(container, ctx) {
  const {el} = ctx;
  const list = el('div', {id: `grupo-${ctx.activity}`, role: 'status'});
  container.replaceChildren(el('h4', {}, ctx.product.title), list);
  let answer;
  try {
    answer = await readPeers(ctx);
  } catch (problem) {
    list.replaceChildren(el('p', {class: 'error'}, `No se pudo leer el grupo de intercambio: ${problem.message}`));
    return;
  }
  list.replaceChildren(...(answer.pares.length
    ? [el('p', {}, `Su escuela intercambia con ${answer.pares.length === 1 ? 'una escuela' : `${answer.pares.length}`
        + ' escuelas'}:`), el('ul', {class: 'pares'}, ...answer.pares.map((peer) => el('li', {},
        el('strong', {}, peerName(peer)), presentationOf(el, peer))))]
    : [el('p', {class: 'aviso-modulo'}, NO_GROUP)]));
}

/** The peers screen: per peer, its presentation, its cards to copy, and the messages both ways. */
export async function recommendations(container, ctx) {
  const {el, api, send, school, session, activity} = ctx;
  const base = `/api/v1/exchange/${encodeURIComponent(school)}`;
  const area = el('div', {id: `pares-${activity}`});
  container.replaceChildren(el('h4', {}, ctx.product.title), area);
  const when = (iso) => (ctx.longDate ? ctx.longDate(iso.slice(0, 10)) : iso.slice(0, 10));

  async function peerSection(peer, messages) {
    const id = (name) => `par-${activity}-${peer.escuela}-${name}`;
    const exchanged = messages.filter((m) => m.de === peer.escuela || m.para === peer.escuela);
    const kind = el('select', {id: id('tipo')}, ...KINDS.map(([value, label]) => el('option', {value}, label)));
    const text = el('textarea', {id: id('texto'), rows: '3', maxlength: '4000'});
    const form = el('form', {class: 'mensaje-par'}, el('label', {for: kind.id}, 'Qué envía'), kind,
        el('label', {for: text.id}, `Para ${peerName(peer)}`), text, el('button', {type: 'submit'}, 'Enviar'));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (!text.value.trim()) {
        text.focus();
        return;
      }
      await send(`${KIND_TITLES.get(kind.value)} para ${peerName(peer)}`, 'POST', `${base}/messages`,
          {sesion: session, para: peer.escuela, tipo: kind.value, texto: text.value.trim()});
      text.value = '';
      await refresh();
    });
    const cards = el('ul', {id: id('tarjetas'), class: 'tarjetas-par'});
    try {
      const found = await api(`${base}/peers/${encodeURIComponent(peer.escuela)}/cards`
          + `?sesion=${encodeURIComponent(session)}`);
      cards.replaceChildren(...(found.tarjetas.length ? found.tarjetas.map((card) => {
        const copy = el('button', {type: 'button', class: 'secundario'}, 'Copiar a nuestras tarjetas');
        copy.addEventListener('click', async () => {
          const copied = await send(`Copiar la tarjeta «${card.titulo}»`, 'POST', `${base}/cards`,
              {sesion: session, escuela: peer.escuela, tarjeta: card.id});
          if (copied) {
            copy.replaceWith(el('span', {class: 'detalle'}, 'Copiada a las tarjetas de la escuela (actividad de'
                + ' propuestas de intervención), con el nombre de la escuela de donde viene.'));
          }
        });
        return el('li', {}, el('strong', {}, card.titulo), card.descripcion ? ` — ${card.descripcion}` : '',
            card.accionesAula ? el('p', {class: 'detalle'}, `En el aula: ${card.accionesAula}`) : '', copy);
      }) : [el('li', {}, 'Esta escuela aún no tiene propuestas de intervención.')]));
    } catch (problem) {
      cards.replaceChildren(el('li', {class: 'error'}, `No se pudieron leer sus tarjetas: ${problem.message}`));
    }
    const log = el('ul', {id: id('mensajes'), class: 'mensajes-par'}, ...(exchanged.length ? exchanged.map((m) =>
      el('li', {class: m.de === school ? 'enviado' : 'recibido'},
          el('strong', {}, `${KIND_TITLES.get(m.tipo) || m.tipo} ${m.de === school ? 'enviada' : 'recibida'}: `),
          m.texto, el('span', {class: 'detalle'}, ` (${m.de === school && ctx.personName ? ctx.personName(m.autor)
            : m.autor}, ${when(m.fecha)})`)))
      : [el('li', {}, 'Aún no han intercambiado nada.')]));
    return el('section', {class: 'par', 'aria-labelledby': id('titulo')},
        el('h5', {id: id('titulo')}, peerName(peer)), presentationOf(el, peer),
        el('h6', {}, 'Sus propuestas de intervención'), cards,
        el('h6', {}, 'Lo que se han enviado'), log, form);
  }

  async function refresh() {
    let peers;
    let messages;
    try {
      [peers, messages] = await Promise.all([readPeers(ctx),
        api(`${base}/messages?sesion=${encodeURIComponent(session)}`)]);
    } catch (problem) {
      area.replaceChildren(el('p', {class: 'error'}, `No se pudo leer el intercambio: ${problem.message}`));
      return;
    }
    if (!peers.pares.length) {
      area.replaceChildren(el('p', {class: 'aviso-modulo'}, NO_GROUP));
      return;
    }
    area.replaceChildren(...await Promise.all(peers.pares.map((peer) => peerSection(peer, messages.mensajes))));
  }

  ctx.refreshOnOutbox(container, (changed) => changed.startsWith(`${base}/messages`), refresh);
  await refresh();
}
