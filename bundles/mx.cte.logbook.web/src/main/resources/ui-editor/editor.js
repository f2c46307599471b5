// Editor of the "acuerdo-bitacora" product (activities 13 and 21 of the third session): the session's agreements in
// the Cuaderno de Bitácora and a form to record one; and of the "revision-acuerdos" product: the agreements of earlier
// sessions still open, each with what this session concludes of it. Served by the logbook module (mx.cte.logbook.web)
// and loaded by the UI at /ui/modulos/{tipo}/editor.js. Writes go through the UI's outbox (ctx.send), which keeps them
// while offline; texts from the server are set as text, never as HTML.

const STATUS = {'pendiente': 'Pendiente', 'en-curso': 'En curso', 'cumplido': 'Cumplido',
  'reprogramado': 'Reprogramado', 'descartado': 'Descartado'};
/** What a review may conclude, in the order offered. */
const OUTCOMES = {'cumplido': 'Cumplido', 'en-curso': 'En curso', 'descartado': 'Descartado'};
const DAY_MS = 24 * 60 * 60 * 1000;

function inAMonth() {
  return new Date(Date.now() + 30 * DAY_MS).toISOString().slice(0, 10);
}

/** "sesión ordinaria-3, ciclo 2016-2017" from a session key such as SEP:2016-2017:preescolar:ordinaria-3. */
function sessionName(key) {
  const [, cycle, , name] = (key || '').split(':');
  return name ? `sesión ${name}, ciclo ${cycle}` : key;
}

/** The agreements of earlier sessions still open, each with what this session concludes of it and a comment. */
async function renderReview(container, ctx) {
  const {el, api, send, school, session, activity} = ctx;
  const base = `/api/v1/logbook/${encodeURIComponent(school)}`;
  const list = el('ul', {class: 'acuerdos revision', id: `revision-${activity}-lista`});
  const note = el('p', {class: 'aviso-modulo'});
  const name = ctx.personName || ((username) => username);
  const day = ctx.longDate || ((date) => date);
  const describe = (review) => `${OUTCOMES[review.resultado] || review.resultado}`
    + (review.comentario ? `: ${review.comentario}` : '');

  function entry(agreement) {
    const id = (part) => `revision-${activity}-${agreement.id}-${part}`;
    const review = agreement.revision;
    const outcome = el('select', {id: id('resultado')}, el('option', {value: ''}, 'Elija…'),
        ...Object.entries(OUTCOMES).map(([key, label]) => el('option', {value: key}, label)));
    outcome.value = review?.resultado || '';
    const comment = el('input', {type: 'text', id: id('comentario'), maxlength: '1000'});
    comment.value = review?.comentario || '';
    const error = el('p', {class: 'error', role: 'alert'});
    const form = el('form', {class: 'revisar-acuerdo', novalidate: ''},
        el('label', {for: outcome.id}, 'En esta sesión, el acuerdo está'), outcome,
        el('label', {for: comment.id}, 'Comentario (opcional)'), comment, error,
        el('button', {type: 'submit'}, review ? 'Cambiar la revisión' : 'Guardar la revisión'));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      error.textContent = outcome.value ? '' : 'Elija si el acuerdo se cumplió, sigue en curso o se descarta.';
      if (!outcome.value) {
        outcome.focus();
        return;
      }
      const body = {sesion: session, resultado: outcome.value, comentario: comment.value.trim(),
        version: review?.version || 0};
      if (await send(`Revisión del acuerdo: ${agreement.acuerdo}`, 'PUT', `${base}/reviews/${agreement.id}`, body)) {
        await refresh();
      }
    });
    const origin = `${sessionName(agreement.sesion)}${agreement.actividad ? `, actividad ${agreement.actividad}` : ''}`;
    const details = [`Responsables: ${(agreement.responsables || []).map(name).join(', ')}`,
      `fecha límite: ${day(agreement.fechaLimite)}`, `de la ${origin}`];
    return el('li', {class: review ? 'revisado' : 'por-revisar'}, agreement.acuerdo, el('br'),
        el('span', {class: 'detalle'}, details.join(' · ')),
        ...(review ? [el('p', {class: 'detalle'}, `Revisado por ${name(review.revisadoPor)}: ${describe(review)}`)]
          : []),
        ...ctx.conflictBoxes(`${base}/reviews/${agreement.id}`, describe, refresh), form);
  }

  async function refresh() {
    note.textContent = '';
    let agreements = [];
    try {
      agreements = (await api(`${base}/reviews?sesion=${encodeURIComponent(session)}`)).acuerdos;
    } catch (offline) {
      note.textContent = 'Sin conexión: la revisión de acuerdos se muestra al volver la conexión; lo que guarde se'
        + ' envía entonces.';
    }
    list.replaceChildren(...(agreements.length ? agreements.map(entry)
      : [el('li', {}, 'No hay acuerdos abiertos de sesiones anteriores.')]));
  }

  ctx.refreshOnOutbox(container, (changed) => changed.startsWith(`${base}/reviews/`), refresh);
  container.replaceChildren(note, list);
  await refresh();
}

export async function render(container, ctx) {
  if (ctx.product?.type === 'revision-acuerdos') {
    return renderReview(container, ctx);
  }
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

  const editing = new Set();

  /** The agreement's own form: its text, who answers for it, by when, and how it is going. */
  function editForm(agreement) {
    const eid = (name) => id(`editar-${agreement.id}-${name}`);
    const changed = el('textarea', {id: eid('acuerdo'), rows: '3', maxlength: '2000'});
    changed.value = agreement.acuerdo;
    const status = el('select', {id: eid('estado')},
        ...Object.entries(STATUS).map(([key, name]) => el('option', {value: key}, name)));
    status.value = agreement.estado;
    const when = el('input', {id: eid('fecha'), type: 'date', value: agreement.fechaLimite});
    const promised = el('textarea', {id: eid('compromisos'), rows: '2', maxlength: '4000'});
    promised.value = agreement.compromisos || '';
    const who = el('fieldset', {}, el('legend', {}, 'Responsables'), ...staff.map((person) => {
      const box = el('input', {type: 'checkbox', id: eid(`responsable-${person.usuario}`), value: person.usuario});
      box.checked = (agreement.responsables || []).includes(person.usuario);
      return el('div', {class: 'opcion'}, box, el('label', {for: box.id}, person.nombre));
    }));
    const cancel = el('button', {type: 'button', class: 'secundario'}, 'Cancelar');
    const change = el('form', {class: 'editar-acuerdo', novalidate: ''},
        el('label', {for: changed.id}, 'Acuerdo'), changed, who,
        el('label', {for: promised.id}, 'Compromisos (opcional)'), promised,
        el('label', {for: when.id}, 'Fecha límite'), when,
        el('label', {for: status.id}, 'Estado'), status,
        el('button', {type: 'submit'}, 'Guardar cambios'), ' ', cancel);
    cancel.addEventListener('click', () => {
      editing.delete(agreement.id);
      refresh();
    });
    change.addEventListener('submit', async (event) => {
      event.preventDefault();
      const body = {sesion: agreement.sesion || session, actividad: agreement.actividad, acuerdo: changed.value.trim(),
        responsables: [...who.querySelectorAll('input:checked')].map((box) => box.value),
        compromisos: promised.value.trim(), fechaLimite: when.value, estado: status.value,
        version: agreement.version};
      const answer = await send(`Cambiar acuerdo: ${body.acuerdo}`, 'PUT', `${path}/${agreement.id}`, body);
      if (answer) {
        editing.delete(agreement.id);
      }
      await refresh();
    });
    return change;
  }

  function entry(agreement, pending) {
    const name = ctx.personName || ((username) => username);
    const day = ctx.longDate || ((date) => date);
    const parts = [`Responsables: ${(agreement.responsables || []).map(name).join(', ')}`,
      `fecha límite: ${day(agreement.fechaLimite)}`];
    parts.push(pending ? 'pendiente de enviar' : STATUS[agreement.estado] || agreement.estado);
    const item = el('li', {class: pending ? 'pendiente' : 'guardado'},
        el('strong', {}, agreement.actividad ? `Actividad ${agreement.actividad}: ` : ''), agreement.acuerdo,
        el('br'), el('span', {class: 'detalle'}, parts.join(' · ')));
    if (pending) {
      return item;
    }
    const own = `${path}/${agreement.id}`;
    item.append(...ctx.conflictBoxes(own, (a) => `${a.acuerdo} (${STATUS[a.estado] || a.estado})`, refresh),
        ...(ctx.evidence?.({tipo: 'acuerdo', id: agreement.id}) || []));
    if (editing.has(agreement.id)) {
      item.append(editForm(agreement));
      return item;
    }
    const change = el('button', {type: 'button', class: 'secundario',
      'aria-label': `Cambiar el acuerdo «${agreement.acuerdo}»`}, 'Cambiar');
    change.addEventListener('click', () => {
      editing.add(agreement.id);
      refresh();
    });
    const remove = el('button', {type: 'button', class: 'secundario',
      'aria-label': `Eliminar el acuerdo «${agreement.acuerdo}»`}, 'Eliminar');
    remove.addEventListener('click', async () => {
      if (await ctx.confirmInPlace(remove, `¿Eliminar el acuerdo «${agreement.acuerdo}» del Cuaderno de Bitácora?`
          + ' Lo deja de ver todo el colectivo.', 'Sí, eliminar')) {
        await send(`Eliminar acuerdo: ${agreement.acuerdo}`, 'DELETE', `${own}?version=${agreement.version}`);
        await refresh();
      }
    });
    item.append(el('div', {class: 'acciones'}, change, ' ', remove));
    return item;
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

/**
 * The supervisor's home: the agreements of the zone's Consejo Técnico de Zona, the open ones first, each reviewed in
 * a later zone session (cumplido, en curso, descartado, with a comment), and a form to record one. The state's
 * authority reads them.
 */
export async function zona(ctx) {
  const {el, api, zone, user} = ctx;
  const path = `/api/v1/logbook/zonas/${encodeURIComponent(zone)}/agreements`;
  const supervises = (user?.roles || []).some((r) => r.rol === 'supervisor' && r.ambito === zone);
  const list = el('ul', {class: 'acuerdos', id: 'acuerdos-zona'});
  const status = el('p', {class: 'estado-guardado', role: 'status'});
  const field = (id, label, input) => [el('label', {for: id}, label), input];

  function reviewForm(agreement) {
    const id = (part) => `acuerdo-zona-${agreement.id}-${part}`;
    const session = el('input', {type: 'text', id: id('sesion'), maxlength: '100'});
    const outcome = el('select', {id: id('resultado')}, el('option', {value: ''}, 'Elija…'),
        ...Object.entries(OUTCOMES).map(([key, label]) => el('option', {value: key}, label)));
    const comment = el('input', {type: 'text', id: id('comentario'), maxlength: '1000'});
    const error = el('p', {class: 'error', role: 'alert'});
    const form = el('form', {class: 'revisar-acuerdo-zona', novalidate: ''},
        ...field(session.id, 'Sesión del consejo de zona que lo revisa', session),
        ...field(outcome.id, 'El acuerdo está', outcome), ...field(comment.id, 'Comentario (opcional)', comment),
        error, el('button', {type: 'submit'}, 'Guardar la revisión'));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        await api(`${path}/${agreement.id}/review`, {method: 'PUT', body: {sesion: session.value.trim(),
          resultado: outcome.value, comentario: comment.value.trim(), version: agreement.version}});
        status.textContent = 'Revisión guardada.';
        await refresh();
      } catch (failure) {
        error.textContent = `No se guardó: ${failure.message}`;
      }
    });
    return form;
  }

  function entry(agreement) {
    const state = STATUS[agreement.estado] || agreement.estado;
    const details = [`Responsables: ${agreement.responsables}`, `fecha límite: ${agreement.fechaLimite}`,
      `acordado en: ${agreement.sesion}`, agreement.revisadoEn ? `${state} (revisado en ${agreement.revisadoEn}`
        + `${agreement.revision ? `: ${agreement.revision}` : ''})` : state];
    return el('li', {class: agreement.estado === 'pendiente' || agreement.estado === 'en-curso' ? 'por-revisar'
      : 'revisado'}, agreement.acuerdo, el('br'), el('span', {class: 'detalle'}, details.join(' · ')),
    ...(supervises && ['pendiente', 'en-curso', 'reprogramado'].includes(agreement.estado)
      ? [reviewForm(agreement)] : []));
  }

  async function refresh() {
    try {
      const found = (await api(path)).acuerdos;
      list.replaceChildren(...(found.length ? found.map(entry)
        : [el('li', {}, 'Aún no hay acuerdos del consejo técnico de zona.')]));
    } catch (failure) {
      list.replaceChildren(el('li', {}, failure.status ? failure.message
        : 'Sin conexión: los acuerdos de la zona se ven al volver la conexión.'));
    }
  }

  const content = [el('h2', {}, 'Acuerdos del consejo técnico de zona'), list, status];
  if (supervises) {
    const session = el('input', {type: 'text', id: 'zona-acuerdo-sesion', maxlength: '100'});
    const text = el('textarea', {id: 'zona-acuerdo-texto', rows: '2', maxlength: '2000'});
    const responsibles = el('input', {type: 'text', id: 'zona-acuerdo-responsables', maxlength: '500'});
    const deadline = el('input', {type: 'date', id: 'zona-acuerdo-fecha', value: inAMonth()});
    const error = el('p', {class: 'error', role: 'alert'});
    const form = el('form', {class: 'acuerdo-zona', novalidate: ''},
        el('h3', {}, 'Registrar un acuerdo de la sesión'),
        ...field(session.id, 'Sesión (por ejemplo, CTZ de noviembre de 2016)', session),
        ...field(text.id, 'Acuerdo', text), ...field(responsibles.id, 'Responsables', responsibles),
        ...field(deadline.id, 'Fecha límite', deadline), error,
        el('button', {type: 'submit'}, 'Registrar acuerdo'));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        await api(path, {method: 'POST', body: {sesion: session.value.trim(), acuerdo: text.value.trim(),
          responsables: responsibles.value.trim(), fechaLimite: deadline.value}});
        error.textContent = '';
        text.value = '';
        status.textContent = 'Acuerdo registrado.';
        await refresh();
      } catch (failure) {
        error.textContent = `No se registró: ${failure.message}`;
      }
    });
    content.push(form);
  }
  await refresh();
  return {orden: 40, contenido: content};
}
