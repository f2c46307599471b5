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

function summary(el, card) {
  const parts = [`${card.grados.map((g) => `${g}.º`).join(', ')}${card.grupos.length ? ` ${card.grupos.join(', ')}` : ''}`,
    `${card.semanas} semanas`, `responsables: ${card.responsables.join(', ')}`];
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
  const form = el('form', {class: 'tarjeta-nueva', novalidate: ''}, el('h5', {}, 'Nueva tarjeta de intervención'),
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
      el('label', {for: weeks.id}, 'Duración (semanas)'), weeks, error,
      el('button', {type: 'submit'}, 'Guardar la tarjeta'));

  async function refresh() {
    let lines = [];
    try {
      lines = (await api(`/api/v1/results/${encodeURIComponent(school)}/concentrate?periodo=${
        encodeURIComponent(period)}`)).renglones.filter((line) => line.tipo === 'desafio');
    } catch (absent) {
      // Without the results module challenges are written in words.
    }
    challenges.replaceChildren(el('legend', {}, 'Desafíos del concentrado que atiende'), ...(lines.length
      ? lines.map((line) => {
        const box = el('input', {type: 'checkbox', id: id(`desafio-${line.id}`), value: String(line.id)});
        return el('div', {class: 'opcion'}, box, el('label', {for: box.id}, line.texto));
      }) : [el('p', {}, 'El concentrado de este periodo aún no tiene desafíos.')]));
    try {
      const cards = await cardsOfPeriod(ctx, period);
      mine.replaceChildren(...(cards.length ? cards.map((card) => el('article', {class: 'tarjeta'}, ...summary(el, card)))
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
    const answer = await send(`Tarjeta: ${title.value.trim()}`, 'POST', base, {periodo: period, sesion: session,
      desafios: chosen, titulo: title.value.trim(), accionesAula: classroomActions.value.trim(),
      accionesEscuela: schoolActions.value.trim(), materiales: list(materials.value),
      adecuaciones: adequations.value.trim(),
      instrumentos: instruments.value.trim(), grados: gradeList.map(Number), grupos: list(groups.value),
      semanas: Number(weeks.value), responsables: [user.usuario]});
    if (answer) {
      form.reset();
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
    return [el('ul', {class: 'comentarios'}, ...card.comentarios.map((c) => el('li', {},
        `${c.sugerencia ? 'Sugerencia' : 'Comentario'} de ${ctx.personName ? ctx.personName(c.autor) : c.autor}: ${c.texto}`))), form];
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
        ...summary(el, card), ...(deciding ? decisionForm(card) : commentForm(card))))
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
