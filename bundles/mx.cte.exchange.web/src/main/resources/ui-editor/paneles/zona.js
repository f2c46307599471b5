// The exchange module's panel on the supervisor's home: the zone's exchange groups, suggested from the schools'
// published presentations with the reasons (and why a school has no pair), changed school by school and confirmed.
// Loaded by the shell from this module's editor.js, on that home only (the session screen does not ask for the files
// under paneles/); it leaves with the module. Texts are set as text, never as HTML.

import {presentationDetails} from '../editor.js';

/**
 * The supervisor forms the zone's exchange groups: the platform suggests groups of schools with common problems and
 * says why; the supervisor takes the suggestion or changes it school by school, and confirms.
 */
export async function zona(ctx) {
  const {el, api, send} = ctx;
  const zoneKey = ctx.zone;
  const level = zoneKey.split('-')[1];
  // The guides the zone's schools are offered: their level's and those for every level (básica).
  const [catalog, zoneSchools] = await Promise.all([api(`/api/v1/guides?nivel=${encodeURIComponent(level)}`),
    api(`/api/v1/zones/${encodeURIComponent(zoneKey)}/schools`)]);
  const sessions = catalog.guides.filter((g) => g.activeVersion);
  sessions.sort((a, b) => Number(b.key.startsWith('SEP:')) - Number(a.key.startsWith('SEP:')));
  const names = new Map(zoneSchools.escuelas.map((s) => [s.cct, s.nombre]));
  const session = el('select', {id: 'intercambio-sesion'},
      ...sessions.map((g) => el('option', {value: g.key}, `${g.title} (${g.key})`)));
  const size = el('select', {id: 'intercambio-tamano'},
      ...[2, 3, 4, 5, 6].map((n) => el('option', {value: String(n)}, `Hasta ${n} escuelas`)));
  size.value = '3';
  const suggestion = el('div', {id: 'intercambio-sugerencia'});
  const assignment = el('div', {id: 'intercambio-grupos'});
  const result = el('p', {id: 'intercambio-resultado', role: 'status'});
  const base = `/api/v1/exchange/zones/${encodeURIComponent(zoneKey)}`;
  const school = (cct) => `${cct} ${names.get(cct) || ''}`.trim();
  const choosers = new Map();

  function applyGroups(groups) {
    for (const [cct, chooser] of choosers) {
      const index = groups.findIndex((g) => g.escuelas.includes(cct));
      chooser.value = index < 0 ? '' : String(index + 1);
    }
  }

  function assignmentForm() {
    choosers.clear();
    const count = zoneSchools.escuelas.length;
    const rows = zoneSchools.escuelas.map((s) => {
      const chooser = el('select', {id: `intercambio-grupo-${s.cct}`, 'aria-label': `Grupo de ${school(s.cct)}`},
          el('option', {value: ''}, 'Sin grupo'),
          ...Array.from({length: Math.floor(count / 2)}, (x, i) => el('option', {value: String(i + 1)}, `Grupo ${i + 1}`)));
      choosers.set(s.cct, chooser);
      return el('tr', {}, el('th', {scope: 'row'}, school(s.cct)), el('td', {}, chooser));
    });
    const confirm = el('button', {type: 'submit'}, 'Confirmar los grupos');
    const formed = el('form', {id: 'intercambio-formar'},
        el('table', {class: 'tabla'}, el('caption', {}, 'Grupos de intercambio de la zona'),
            el('thead', {}, el('tr', {}, el('th', {scope: 'col'}, 'Escuela'), el('th', {scope: 'col'}, 'Grupo'))),
            el('tbody', {}, ...rows)), confirm);
    formed.addEventListener('submit', async (event) => {
      event.preventDefault();
      const byNumber = new Map();
      for (const [cct, chooser] of choosers) {
        if (chooser.value) {
          byNumber.set(chooser.value, [...(byNumber.get(chooser.value) || []), cct]);
        }
      }
      const alone = [...byNumber].filter(([, members]) => members.length < 2).map(([number]) => `Grupo ${number}`);
      if (alone.length) {
        result.textContent = `${alone.join(', ')}: un grupo necesita al menos dos escuelas.`;
        return;
      }
      const answer = await send('Grupos de intercambio de la zona', 'PUT', `${base}/groups`,
          {sesion: session.value, grupos: [...byNumber.values()]});
      result.textContent = answer ? `Grupos confirmados: ${answer.grupos.length}.` : '';
    });
    assignment.replaceChildren(formed);
  }

  // What each school published, to read before forming the groups (and during the zone's council).
  const readings = el('div', {id: 'intercambio-presentaciones'});

  async function loadPresentations() {
    let answer;
    try {
      answer = await api(`${base}/presentations?sesion=${encodeURIComponent(session.value)}`);
    } catch (problem) {
      readings.replaceChildren(el('p', {class: 'aviso-modulo'}, `No se pudieron leer las presentaciones: ${
        problem.message}`));
      return;
    }
    readings.replaceChildren(el('h3', {}, `Presentaciones publicadas (${answer.presentaciones.length} de ${
      zoneSchools.escuelas.length} escuelas)`), ...(answer.presentaciones.length ? answer.presentaciones.map((p) =>
      presentationDetails(el, p, school(p.escuela), 'h4'))
      : [el('p', {}, 'Ninguna escuela de la zona ha publicado su presentación en esta sesión.')]));
  }

  async function loadConfirmed() {
    loadPresentations();
    try {
      const confirmed = await api(`${base}/groups?sesion=${encodeURIComponent(session.value)}`);
      applyGroups(confirmed.grupos);
      result.textContent = confirmed.grupos.length ? `Hay ${confirmed.grupos.length} grupos confirmados.` : '';
    } catch (problem) {
      result.textContent = problem.message;
    }
  }

  const suggest = el('button', {type: 'button'}, 'Sugerir grupos');
  suggest.addEventListener('click', async () => {
    let matching;
    try {
      matching = await api(`${base}/suggestion?sesion=${encodeURIComponent(session.value)}&tamano=${size.value}`);
    } catch (problem) {
      suggestion.replaceChildren(el('p', {class: 'error', role: 'alert'}, problem.message));
      return;
    }
    const items = matching.grupos.map((g, i) => el('li', {},
        el('strong', {}, `Grupo ${i + 1} (afinidad ${Math.round(100 * g.puntaje)} %): `), g.escuelas.map(school).join(', '),
        el('ul', {}, ...g.razones.map((r) => el('li', {}, r)))));
    const notes = [];
    if (matching.sinPareja.length) {
      const why = new Map((matching.motivosSinPareja || []).map((m) => [m.cct, m.motivo]));
      notes.push(el('p', {}, 'Sin escuela afín:'), el('ul', {id: 'intercambio-sin-pareja'},
          ...matching.sinPareja.map((cct) => el('li', {}, el('strong', {}, school(cct)),
              why.has(cct) ? `: ${why.get(cct)}` : ''))));
    }
    if (matching.sinPublicar.length) {
      notes.push(el('p', {}, `Aún no publican su problemática: ${matching.sinPublicar.map(school).join(', ')}.`));
    }
    const take = el('button', {type: 'button'}, 'Usar esta sugerencia');
    take.addEventListener('click', () => {
      applyGroups(matching.grupos);
      result.textContent = 'Sugerencia aplicada: revise los grupos y confírmelos.';
    });
    suggestion.replaceChildren(...(items.length ? [el('ol', {}, ...items), take]
      : [el('p', {}, 'Ninguna pareja de escuelas tiene problemáticas parecidas todavía.')]), ...notes);
  });
  session.addEventListener('change', loadConfirmed);
  assignmentForm();
  const section = el('section', {'aria-labelledby': 'titulo-intercambio'},
      el('label', {for: session.id}, 'Sesión'), session, el('label', {for: size.id}, 'Tamaño de los grupos'), size,
      suggest, suggestion, assignment, result, readings);
  if (sessions.length) {
    await loadConfirmed();
  }
  return {orden: 20, contenido: [el('h2', {id: 'titulo-intercambio'}, 'Intercambio entre escuelas'), section]};
}
