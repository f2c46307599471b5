// Editor of the "acuerdo-bitacora" product (activities 13 and 21 of the third session): the session's agreements in
// the Cuaderno de Bitácora and a form to record one. Served by the logbook module (mx.cte.logbook.web) and loaded by
// the UI at /ui/modulos/acuerdo-bitacora/editor.js. Writes go through the UI's outbox (ctx.send), which keeps them
// while offline; texts from the server are set as text, never as HTML.

const STATUS = {'pendiente': 'Pendiente', 'en-curso': 'En curso', 'cumplido': 'Cumplido',
  'reprogramado': 'Reprogramado'};
const DAY_MS = 24 * 60 * 60 * 1000;

function inAMonth() {
  return new Date(Date.now() + 30 * DAY_MS).toISOString().slice(0, 10);
}

export async function render(container, ctx) {
  const {el, api, send, pendingEdits, school, session, activity, user} = ctx;
  const path = `/api/v1/logbook/${encodeURIComponent(school)}/agreements`;
  const id = (name) => `bitacora-${activity}-${name}`;
  const list = el('ul', {class: 'acuerdos', id: id('lista')});
  const note = el('p', {class: 'aviso-modulo'});

  let staff;
  try {
    staff = (await api(`/api/v1/logbook/${encodeURIComponent(school)}/staff`)).personal;
  } catch (offline) {
    staff = [{usuario: user.usuario, nombre: user.nombre}];
  }
  const text = el('textarea', {id: id('acuerdo'), rows: '3', maxlength: '2000', 'aria-describedby': id('error')});
  const commitments = el('textarea', {id: id('compromisos'), rows: '2', maxlength: '4000'});
  const deadline = el('input', {id: id('fecha'), type: 'date', value: inAMonth(), 'aria-describedby': id('error')});
  const people = el('fieldset', {}, el('legend', {}, 'Responsables'), ...staff.map((person) => {
    const box = el('input', {type: 'checkbox', id: id(`responsable-${person.usuario}`), value: person.usuario});
    box.checked = person.usuario === user.usuario;
    return el('div', {class: 'opcion'}, box, el('label', {for: box.id}, person.nombre));
  }));
  const error = el('p', {class: 'error', id: id('error'), role: 'alert'});
  const form = el('form', {class: 'editor-bitacora', novalidate: ''},
      el('label', {for: text.id}, 'Acuerdo'), text, people,
      el('label', {for: commitments.id}, 'Compromisos (opcional)'), commitments,
      el('label', {for: deadline.id}, 'Fecha límite'), deadline, error,
      el('button', {type: 'submit'}, 'Registrar acuerdo'));

  function entry(agreement, pending) {
    const parts = [`Responsables: ${(agreement.responsables || []).join(', ')}`,
      `fecha límite ${agreement.fechaLimite}`];
    parts.push(pending ? 'pendiente de enviar' : STATUS[agreement.estado] || agreement.estado);
    return el('li', {class: pending ? 'pendiente' : 'guardado'},
        el('strong', {}, agreement.actividad ? `Actividad ${agreement.actividad}: ` : ''), agreement.acuerdo,
        el('br'), el('span', {class: 'detalle'}, parts.join(' · ')));
  }

  async function refresh() {
    let saved = [];
    note.textContent = '';
    try {
      saved = (await api(`${path}?sesion=${encodeURIComponent(session)}`)).acuerdos;
    } catch (offline) {
      note.textContent = 'Sin conexión: se muestran solo los acuerdos que este equipo aún no envía.';
    }
    const waiting = pendingEdits(path).filter((edit) => edit.body.sesion === session).map((edit) => edit.body);
    const items = [...saved.map((a) => entry(a, false)), ...waiting.map((a) => entry(a, true))];
    list.replaceChildren(...(items.length ? items
      : [el('li', {}, 'Aún no hay acuerdos registrados en esta sesión.')]));
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const responsables = [...people.querySelectorAll('input:checked')].map((box) => box.value);
    const problems = [];
    if (!text.value.trim()) {
      problems.push('Escriba el acuerdo.');
    }
    if (!responsables.length) {
      problems.push('Elija al menos un responsable.');
    }
    if (!deadline.value) {
      problems.push('Indique la fecha límite.');
    }
    error.textContent = problems.join(' ');
    if (problems.length) {
      (text.value.trim() ? deadline : text).focus();
      return;
    }
    const body = {sesion: session, actividad: activity, acuerdo: text.value.trim(), responsables,
      compromisos: commitments.value.trim(), fechaLimite: deadline.value};
    text.value = '';
    commitments.value = '';
    const sending = send(`Acuerdo: ${body.acuerdo}`, 'POST', path, body);
    await refresh();
    await sending;
    await refresh();
  });

  // An agreement added or changed here or on a colleague's device (its path, or one of its own under it).
  ctx.refreshOnOutbox(container, (changed) => changed === path || changed.startsWith(`${path}/`), refresh);
  container.replaceChildren(el('h4', {}, 'Acuerdos de la sesión en el Cuaderno de Bitácora'), note, list, form);
  await refresh();
}
