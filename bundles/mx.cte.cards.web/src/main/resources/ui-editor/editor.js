// Editors of the intervention cards (activities 10 to 12 of the third session): "propuesta-intervencion" designs a
// card for a challenge of the school's concentrate, "comentarios-propuesta" gathers the collective's comments and
// suggestions on each, "decision-estrategia-global" records whether it joins the Estrategia Global or is redesigned.
// Served by the cards module (mx.cte.cards.web) at /ui/modulos/{tipo}/editor.js. Writes go through the UI's outbox;
// a card changed meanwhile by someone else is shown next to the person's own version. Texts are set as text.

const DECISIONS = [['pendiente', 'Pendiente'], ['estrategia-global', 'Incluir en la Estrategia Global'],
  ['redisenar', 'Diseñar una nueva']];

function list(text) {
  return text.split(',').map((part) => part.trim()).filter(Boolean);
}

function summary(el, card, ctx) {
  const name = ctx.personName || ((username) => username);
  const parts = [`${card.grados.map((g) => `${g}.º`).join(', ')}${card.grupos.length ? ` ${card.grupos.join(', ')}` : ''}`,
    `${card.semanas} ${card.semanas === 1 ? 'semana' : 'semanas'}`,
    `responsables: ${card.responsables.map(name).join(', ')}`];
  return [el('h5', {}, card.titulo),
    el('p', {class: 'detalle'}, `Desafíos: ${card.desafios.map((d) => d.texto).join('; ')}`),
    el('p', {class: 'detalle'}, parts.join(' · ')),
    ...(card.accionesAula ? [el('p', {}, `En el aula: ${card.accionesAula}`)] : []),
    ...(card.accionesEscuela ? [el('p', {}, `En la escuela: ${card.accionesEscuela}`)] : []),
    ...(card.materiales.length ? [el('p', {}, `Materiales: ${card.materiales.map((m) => m.titulo).join(', ')}`)] : [])];
}

async function cardsOfPeriod(ctx, period) {
  return (await ctx.api(`/api/v1/cards/${encodeURIComponent(ctx.school)}?periodo=${encodeURIComponent(period)}`))
      .tarjetas;
}

/** Activity 10: the card form, with the period's challenges from the concentrate when the results module is there. */
async function design(container, ctx) {
  const {el, api, send, school, session, activity, user} = ctx;
  const base = `/api/v1/cards/${encodeURIComponent(school)}`;
  const id = (name) => `tarjeta-${activity}-${name}`;
  let period = ctx.period();
  const mine = el('div', {id: id('lista')});
  const challenges = el('fieldset', {id: id('desafios')});
  const written = el('input', {id: id('desafio-texto'), maxlength: '1000', 'aria-describedby': id('ayuda-desafio')});
  const title = el('input', {id: id('titulo'), maxlength: '200'});
  const classroomActions = el('textarea', {id: id('aula'), rows: '3', maxlength: '4000'});
  const schoolActions = el('textarea', {id: id('escuela'), rows: '2', maxlength: '4000'});
  const materials = el('input', {id: id('materiales'), maxlength: '2000', 'aria-describedby': id('ayuda-lista')});
  const adequations = el('textarea', {id: id('adecuaciones'), rows: '2', maxlength: '4000'});
  const instruments = el('input', {id: id('instrumentos'), maxlength: '1000'});
  const grades = el('input', {id: id('grados'), maxlength: '20', 'aria-describedby': id('ayuda-lista')});
  const groups = el('input', {id: id('grupos'), maxlength: '50', 'aria-describedby': id('ayuda-lista')});
  const weeks = el('input', {id: id('semanas'), type: 'number', min: '1', max: '40', value: '4'});
  const error = el('p', {class: 'error', role: 'alert'});
  const heading = el('h5', {id: id('titulo-formulario')}, 'Nueva tarjeta de intervención');
  const submit = el('button', {type: 'submit'}, 'Guardar la tarjeta');
  const cancel = el('button', {type: 'button', class: 'secundario', hidden: ''}, 'Cancelar el cambio');
  // The card being changed, or null while the form writes a new one.
  let changing = null;
  const form = el('form', {class: 'tarjeta-nueva', novalidate: ''}, heading,
      challenges, el('label', {for: written.id}, 'O un desafío con sus palabras'), written,
      el('p', {class: 'ayuda', id: id('ayuda-desafio')}, 'Úselo si el desafío no está en el concentrado.'),
      el('label', {for: title.id}, 'Título de la propuesta'), title,
      el('label', {for: classroomActions.id}, 'Acciones en el aula'), classroomActions,
      el('label', {for: schoolActions.id}, 'Acciones en la escuela (opcional)'), schoolActions,
      el('label', {for: materials.id}, 'Materiales'), materials,
      el('label', {for: adequations.id}, 'Adecuaciones para atender la diversidad'), adequations,
      el('label', {for: instruments.id}, 'Instrumentos de evaluación'), instruments,
      el('label', {for: grades.id}, 'Grados'), grades, el('label', {for: groups.id}, 'Grupos (opcional)'), groups,
      el('p', {class: 'ayuda', id: id('ayuda-lista')}, 'Separe con comas: 2, 3 · A, B · un material, otro material.'),
      el('label', {for: weeks.id}, 'Duración (semanas)'), weeks, error, submit, ' ', cancel);

  /** Back to writing a new card. */
  function stopChanging() {
    changing = null;
    form.reset();
    heading.textContent = 'Nueva tarjeta de intervención';
    submit.textContent = 'Guardar la tarjeta';
    cancel.hidden = true;
  }

  /** The card's content in the form, to change it and save it over the version it had. */
  function startChanging(card) {
    changing = card;
    heading.textContent = `Cambiar la tarjeta «${card.titulo}»`;
    submit.textContent = 'Guardar los cambios';
    cancel.hidden = false;
    const linked = new Set(card.desafios.filter((d) => d.renglon).map((d) => String(d.renglon)));
    challenges.querySelectorAll('input[type=checkbox]').forEach((box) => {
      box.checked = linked.has(box.value);
    });
    written.value = card.desafios.filter((d) => !d.renglon || !challenges.querySelector(
        `input[value="${d.renglon}"]`)).map((d) => d.texto).join('; ');
    title.value = card.titulo;
    classroomActions.value = card.accionesAula || '';
    schoolActions.value = card.accionesEscuela || '';
    materials.value = card.materiales.map((m) => m.titulo).join(', ');
    adequations.value = card.adecuaciones || '';
    instruments.value = card.instrumentos || '';
    grades.value = card.grados.join(', ');
    groups.value = card.grupos.join(', ');
    weeks.value = String(card.semanas);
    title.focus();
  }
  cancel.addEventListener('click', stopChanging);

  /** A card of the list with what may be done with it: change it, remove it, or settle a conflicting change. */
  function saved(card) {
    const own = `${base}/${card.id}`;
    const change = el('button', {type: 'button', class: 'secundario',
      'aria-label': `Cambiar la tarjeta «${card.titulo}»`}, 'Cambiar');
    change.addEventListener('click', () => startChanging(card));
    const remove = el('button', {type: 'button', class: 'secundario',
      'aria-label': `Eliminar la tarjeta «${card.titulo}»`}, 'Eliminar');
    remove.addEventListener('click', async () => {
      if (await ctx.confirmInPlace(remove, `¿Eliminar la tarjeta «${card.titulo}»? Se quitan también sus comentarios`
          + ' y la decisión del colectivo.', 'Sí, eliminar')) {
        if (changing?.id === card.id) {
          stopChanging();
        }
        await send(`Eliminar tarjeta: ${card.titulo}`, 'DELETE', `${own}?version=${card.version}`);
        await refresh();
      }
    });
    return el('article', {class: 'tarjeta'}, ...summary(el, card, ctx),
        ...ctx.conflictBoxes(own, (c) => c.titulo, refresh), el('div', {class: 'acciones'}, change, ' ', remove));
  }

  async function refresh() {
    let lines = [];
    try {
      lines = (await api(`/api/v1/results/${encodeURIComponent(school)}/concentrate?periodo=${
        encodeURIComponent(period)}`)).renglones.filter((line) => line.tipo === 'desafio');
    } catch (absent) {
      // Without the results module challenges are written in words.
    }
    // A colleague's save redraws the list: the challenges this person ticked stay ticked.
    const ticked = new Set([...challenges.querySelectorAll('input:checked')].map((box) => box.value));
    challenges.replaceChildren(el('legend', {}, 'Desafíos del concentrado que atiende'), ...(lines.length
      ? lines.map((line) => {
        const box = el('input', {type: 'checkbox', id: id(`desafio-${line.id}`), value: String(line.id)});
        box.checked = ticked.has(box.value);
        return el('div', {class: 'opcion'}, box, el('label', {for: box.id}, line.texto));
      }) : [el('p', {}, 'El concentrado de este periodo aún no tiene desafíos.')]));
    try {
      const cards = await cardsOfPeriod(ctx, period);
      mine.replaceChildren(...(cards.length ? cards.map(saved)
        : [el('p', {}, 'Aún no hay tarjetas en este periodo.')]));
    } catch (problem) {
      mine.replaceChildren(el('p', {class: 'aviso-modulo'}, `No se pudieron leer las tarjetas: ${problem.message}`));
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const linked = [...challenges.querySelectorAll('input:checked')].map((box) => Number(box.value));
    const chosen = written.value.trim() ? [...linked, written.value.trim()] : linked;
    const gradeList = list(grades.value);
    const problems = [];
    if (!chosen.length) {
      problems.push('Elija o escriba al menos un desafío.');
    }
    if (!title.value.trim()) {
      problems.push('Escriba el título.');
    }
    if (!gradeList.length || gradeList.some((g) => !/^[1-3]$/.test(g))) {
      problems.push('Indique los grados, del 1 al 3.');
    }
    error.textContent = problems.join(' ');
    if (problems.length) {
      return;
    }
    const card = changing;
    // A material chosen from the catalogue keeps its link while its title stays in the list.
    const chosenMaterials = list(materials.value).map((name) => card?.materiales.find((m) => m.titulo === name
        && m.recurso) || name);
    const body = {periodo: card ? card.periodo : period, sesion: card ? card.sesion : session,
      desafios: chosen, titulo: title.value.trim(), accionesAula: classroomActions.value.trim(),
      accionesEscuela: schoolActions.value.trim(), materiales: chosenMaterials,
      adecuaciones: adequations.value.trim(),
      instrumentos: instruments.value.trim(), grados: gradeList.map(Number), grupos: list(groups.value),
      semanas: Number(weeks.value), responsables: card ? card.responsables : [user.usuario]};
    const answer = card
      ? await send(`Cambiar tarjeta: ${body.titulo}`, 'PUT', `${base}/${card.id}`, {...body, version: card.version})
      : await send(`Tarjeta: ${body.titulo}`, 'POST', base, body);
    if (answer) {
      stopChanging();
    }
    await refresh();
  });
  ctx.refreshOnOutbox(container, (path) => path.startsWith(base), refresh);
  container.replaceChildren(el('h4', {}, 'Tarjetas de propuesta de intervención'),
      ...ctx.periodPicker(id('periodo'), 'Periodo (mes)', (value) => {
        period = value;
        refresh();
      }), mine, form);
  await refresh();
}

/** Activities 11 (comments and suggestions) and 12 (the decision), card by card. */
async function review(container, ctx) {
  const {el, send, school, activity} = ctx;
  const deciding = ctx.product.type === 'decision-estrategia-global';
  const base = `/api/v1/cards/${encodeURIComponent(school)}`;
  const id = (name) => `${deciding ? 'decision' : 'comentarios'}-${activity}-${name}`;
  let period = ctx.period();
  const cardsList = el('div', {id: id('lista')});

  function commentForm(card) {
    const text = el('textarea', {id: id(`${card.id}-texto`), rows: '2', maxlength: '2000'});
    const suggestion = el('input', {type: 'checkbox', id: id(`${card.id}-sugerencia`)});
    const form = el('form', {class: 'comentario'}, el('label', {for: text.id}, 'Comentario'), text,
        el('div', {class: 'opcion'}, suggestion, el('label', {for: suggestion.id}, 'Es una sugerencia de cambio')),
        el('button', {type: 'submit'}, 'Agregar comentario'));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (!text.value.trim()) {
        text.focus();
        return;
      }
      await send(`Comentario a «${card.titulo}»`, 'POST', `${base}/${card.id}/comments`,
          {sugerencia: suggestion.checked, texto: text.value.trim()});
      await refresh();
    });
    return [el('ul', {class: 'comentarios'}, ...card.comentarios.map((c) => commentItem(card, c))), form];
  }

  // The comments whose editor is open: a redraw (a colleague's save) keeps it open, and the drafts keep the text.
  const editingComments = new Set();

  /** A comment, with Cambiar for its author and Quitar for its author or the director. */
  function commentItem(card, comment) {
    const path = `${base}/${card.id}/comments/${comment.id}`;
    if (editingComments.has(comment.id)) {
      return commentEditor(card, comment, path);
    }
    const mine = comment.autor === ctx.user?.usuario;
    const item = el('li', {}, `${comment.sugerencia ? 'Sugerencia' : 'Comentario'} de ${
      ctx.personName ? ctx.personName(comment.autor) : comment.autor}: ${comment.texto}`);
    if (mine) {
      const change = el('button', {type: 'button', class: 'secundario'}, 'Cambiar');
      change.addEventListener('click', () => {
        editingComments.add(comment.id);
        item.replaceWith(commentEditor(card, comment, path));
      });
      item.append(' ', change);
    }
    if (mine || ctx.directs) {
      const remove = el('button', {type: 'button', class: 'secundario'}, 'Quitar');
      remove.addEventListener('click', async () => {
        if (await ctx.confirmInPlace(remove, `¿Quitar este comentario de «${card.titulo}»?`, 'Sí, quitar')) {
          await send(`Quitar comentario a «${card.titulo}»`, 'DELETE', path);
          await refresh();
        }
      });
      item.append(' ', remove);
    }
    return item;
  }

  function commentEditor(card, comment, path) {
    const text = el('textarea', {id: id(`${card.id}-comentario-${comment.id}`), rows: '2', maxlength: '2000'});
    text.value = comment.texto;
    const suggestion = el('input', {type: 'checkbox', id: id(`${card.id}-comentario-${comment.id}-sugerencia`)});
    suggestion.checked = comment.sugerencia;
    const cancel = el('button', {type: 'button', class: 'secundario'}, 'Cancelar el cambio');
    const form = el('form', {class: 'comentario'}, el('label', {for: text.id}, 'Su comentario'), text,
        el('div', {class: 'opcion'}, suggestion, el('label', {for: suggestion.id}, 'Es una sugerencia de cambio')),
        el('button', {type: 'submit'}, 'Guardar el comentario'), ' ', cancel);
    cancel.addEventListener('click', () => {
      editingComments.delete(comment.id);
      form.closest('li').replaceWith(commentItem(card, comment));
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (!text.value.trim()) {
        text.focus();
        return;
      }
      const saved = await send(`Cambiar comentario a «${card.titulo}»`, 'PUT', path,
          {sugerencia: suggestion.checked, texto: text.value.trim()});
      if (saved) {
        editingComments.delete(comment.id);
      }
      await refresh();
    });
    return el('li', {}, form);
  }

  function decisionForm(card) {
    const path = `${base}/${card.id}/decision`;
    const choice = el('select', {id: id(`${card.id}-decision`)}, ...DECISIONS.map(([key, name]) =>
      el('option', {value: key}, name)));
    choice.value = card.decision;
    const note = el('input', {id: id(`${card.id}-nota`), maxlength: '1000', value: card.notaDecision || ''});
    const form = el('form', {class: 'decision'}, el('label', {for: choice.id}, 'Decisión del colectivo'), choice,
        el('label', {for: note.id}, 'Nota'), note, el('button', {type: 'submit'}, 'Guardar decisión'),
        ...ctx.conflictBoxes(path, (c) => `${DECISIONS.find(([key]) => key === c.decision)?.[1] || c.decision}${
          c.nota || c.notaDecision ? `: ${c.nota || c.notaDecision}` : ''}`, refresh));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      await send(`Decisión sobre «${card.titulo}»`, 'PUT', path, {decision: choice.value, nota: note.value.trim(),
        version: card.version});
      await refresh();
    });
    return [form];
  }

  async function refresh() {
    let cards;
    try {
      cards = await cardsOfPeriod(ctx, period);
    } catch (problem) {
      cardsList.replaceChildren(el('p', {class: 'aviso-modulo'}, `No se pudieron leer las tarjetas: ${problem.message}`));
      return;
    }
    cardsList.replaceChildren(...(cards.length ? cards.map((card) => el('article', {class: 'tarjeta'},
        ...summary(el, card, ctx), ...(deciding ? decisionForm(card) : commentForm(card))))
      : [el('p', {}, 'Aún no hay tarjetas en este periodo: se diseñan en la actividad 10.')]));
  }

  ctx.refreshOnOutbox(container, (path) => path.startsWith(base), refresh);
  container.replaceChildren(el('h4', {}, deciding ? 'Decisión sobre cada propuesta' : 'Comentarios y sugerencias'),
      ...ctx.periodPicker(id('periodo'), 'Periodo (mes)', (value) => {
        period = value;
        refresh();
      }), cardsList);
  await refresh();
}

export async function render(container, ctx) {
  await (ctx.product.type === 'propuesta-intervencion' ? design : review)(container, ctx);
}
