// Activities 1 and 2: the table of expected results of a period with the traffic light by grade and by area, and each
// group's rating of its expected results (a rating changed meanwhile by someone else is shown next to the person's own).

import {PERIOD_LABEL, PROGRESS, PROGRESS_NAME, periodRead} from './comun.js';

/** Sums the groups' ratings of a period by grade and by area, from the coincidences of each grade. */
function tallies(coincidences) {
  const byGrade = new Map();
  const byArea = new Map();
  for (const grade of coincidences.grados) {
    for (const result of grade.resultados) {
      for (const [map, label] of [[byGrade, `${grade.grado}.º grado`], [byArea, result.area]]) {
        const counts = map.get(label) || {};
        for (const [key] of PROGRESS) {
          counts[key] = (counts[key] || 0) + (result.conteo[key] || 0);
          counts.total = (counts.total || 0) + (result.conteo[key] || 0);
        }
        map.set(label, counts);
      }
    }
  }
  return {byGrade: [...byGrade], byArea: [...byArea]};
}

export async function expectedTable(container, ctx) {
  const {el, api, send, school, activity} = ctx;
  const base = `/api/v1/results/${encodeURIComponent(school)}`;
  const id = (name) => `resultados-${activity}-${name}`;
  const note = el('p', {class: 'aviso-modulo', role: 'status'});
  const table = el('div', {id: id('tabla')});
  const charts = el('div', {id: id('semaforo')});
  const areas = el('datalist', {id: id('areas')});
  let period = ctx.period();

  const grade = el('select', {id: id('grado')}, ...[1, 2, 3].map((g) => el('option', {value: String(g)}, `${g}.º`)));
  const group = el('input', {id: id('grupo'), maxlength: '10', 'aria-describedby': id('ayuda-grupo')});
  const area = el('input', {id: id('area'), list: areas.id, maxlength: '60'});
  const text = el('textarea', {id: id('resultado'), rows: '2', maxlength: '500'});
  const objective = el('input', {id: id('objetivo'), maxlength: '500'});
  const goal = el('input', {id: id('meta'), maxlength: '500'});
  const error = el('p', {class: 'error', id: id('error'), role: 'alert'});
  const form = el('form', {novalidate: ''},
      el('label', {for: grade.id}, 'Grado'), grade,
      el('label', {for: group.id}, 'Grupo (opcional)'), group,
      el('p', {class: 'ayuda', id: id('ayuda-grupo')}, 'Déjelo vacío si el resultado es de todo el grado.'),
      el('label', {for: area.id}, 'Área o indicador'), area, areas,
      el('label', {for: text.id}, 'Resultado esperado'), text,
      el('label', {for: objective.id}, 'Objetivo de la Ruta de Mejora (opcional)'), objective,
      el('label', {for: goal.id}, 'Meta (opcional)'), goal, error,
      el('button', {type: 'submit'}, 'Agregar al cuadro'));

  async function refresh() {
    // Both reads at once: one round trip instead of two on a slow link.
    const coincidences = api(periodRead(school, 'coincidences', period));
    coincidences.catch(() => {}); // said below, if the table was read
    let data;
    try {
      data = await api(periodRead(school, 'expected', period));
    } catch (problem) {
      note.textContent = `No se pudo leer el cuadro: ${problem.message}`;
      return;
    }
    note.textContent = '';
    areas.replaceChildren(...data.areasSugeridas.map((a) => el('option', {value: a})));
    const rows = data.resultados.map((r) => {
      const remove = el('button', {type: 'button', 'aria-label': `Quitar «${r.resultado}» del cuadro`}, 'Quitar');
      remove.addEventListener('click', async () => {
        await send(`Quitar resultado: ${r.resultado}`, 'DELETE', `${base}/expected/${r.id}?version=${r.version}`);
        await refresh();
      });
      return el('tr', {}, el('td', {}, `${r.grado}.º`), el('td', {}, r.grupo || 'Todo el grado'),
          el('td', {}, r.area), el('td', {}, r.resultado), el('td', {}, r.objetivo || ''), el('td', {}, r.meta || ''),
          el('td', {}, remove));
    });
    table.replaceChildren(el('table', {class: 'tabla'},
        el('caption', {}, `Resultados esperados de ${data.nombrePeriodo}`),
        el('thead', {}, el('tr', {}, ...['Grado', 'Grupo', 'Área', 'Resultado esperado', 'Objetivo', 'Meta', '']
            .map((h) => el('th', {scope: 'col'}, h)))),
        el('tbody', {}, ...(rows.length ? rows : [el('tr', {}, el('td', {colspan: '7'},
            'El cuadro de este periodo está vacío: agregue sus resultados esperados o cópielos del periodo anterior.'))]))));
    try {
      const light = tallies(await coincidences);
      charts.replaceChildren(...(light.byGrade.length ? [
        ctx.lightTable(id('por-grado'), 'Semáforo por grado (valoraciones de los grupos)', 'Grado', light.byGrade),
        ctx.lightTable(id('por-area'), 'Semáforo por área o indicador', 'Área', light.byArea)]
        : [el('p', {}, 'Aún no hay valoraciones de los grupos en este periodo.')]));
    } catch (problem) {
      charts.replaceChildren(el('p', {class: 'aviso-modulo'}, `El semáforo no está disponible: ${problem.message}`));
    }
  }

  const copy = el('button', {type: 'button'}, 'Copiar los resultados del mes anterior');
  copy.addEventListener('click', async () => {
    const [year, month] = period.split('-').map(Number);
    const before = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
    const answer = await send(`Copiar resultados de ${before}`, 'POST', `${base}/expected/copy`,
        {desde: before, hacia: period});
    note.textContent = answer ? `Se copiaron ${answer.copiados} resultados de ${before}.` : '';
    await refresh();
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const problems = [];
    if (!area.value.trim()) {
      problems.push('Indique el área o indicador.');
    }
    if (!text.value.trim()) {
      problems.push('Escriba el resultado esperado.');
    }
    error.textContent = problems.join(' ');
    if (problems.length) {
      (area.value.trim() ? text : area).focus();
      return;
    }
    const body = {periodo: period, grado: Number(grade.value), grupo: group.value.trim() || null,
      area: area.value.trim(), resultado: text.value.trim(), objetivo: objective.value.trim(),
      meta: goal.value.trim()};
    const answer = await send(`Resultado esperado: ${body.resultado}`, 'POST', `${base}/expected`, body);
    if (answer) {
      text.value = '';
      objective.value = '';
      goal.value = '';
    }
    await refresh();
  });

  container.replaceChildren(el('h4', {}, 'Cuadro de Resultados esperados'),
      ...ctx.periodPicker(id('periodo'), PERIOD_LABEL, (value) => {
        period = value;
        refresh();
      }), note, table, copy, charts, el('h5', {}, 'Agregar un resultado esperado'), form);
  // The table and its traffic light follow what the collective adds and rates, here or on other devices.
  ctx.refreshOnOutbox(container, (path) => path.startsWith(`${base}/expected`) || path.startsWith(`${base}/ratings/`),
      refresh);
  await refresh();
}

export async function groupRatings(container, ctx) {
  const {el, api, send, school, activity} = ctx;
  const base = `/api/v1/results/${encodeURIComponent(school)}`;
  const id = (name) => `valoracion-${activity}-${name}`;
  const note = el('p', {class: 'aviso-modulo', role: 'status'});
  const list = el('div', {id: id('lista')});
  let period = ctx.period();

  let groups = [];
  try {
    groups = (await api(`/api/v1/schools/${encodeURIComponent(school)}`)).grupos
        .flatMap((g) => g.grados.map((grado) => ({grado, grupo: g.nombre})));
  } catch (problem) {
    note.textContent = `No se pudieron leer los grupos de la escuela: ${problem.message}`;
  }
  const chooser = el('select', {id: id('grupo')}, ...groups.map((g, i) => el('option', {value: String(i)},
      `${g.grado}.º ${g.grupo}`)));

  const describe = (r) => `${PROGRESS_NAME[r.avance] || 'Sin valorar'}${r.dificil ? ', de las más difíciles' : ''}${
    r.porque ? `: ${r.porque}` : ''}`;

  function ratingRow(group, result) {
    const rating = result.valoracion;
    const path = `${base}/ratings/${result.id}/${encodeURIComponent(group.grupo)}`;
    const rid = (name) => id(`${result.id}-${name}`);
    const progress = el('select', {id: rid('avance')}, el('option', {value: ''}, 'Sin valorar'),
        ...PROGRESS.map(([key, name]) => el('option', {value: key}, name)));
    progress.value = rating ? rating.avance : '';
    const hardest = el('input', {type: 'checkbox', id: rid('dificil')});
    hardest.checked = Boolean(rating && rating.dificil);
    const reason = el('textarea', {id: rid('porque'), rows: '2', maxlength: '2000'});
    reason.value = rating?.porque || '';
    const save = el('button', {type: 'submit'}, 'Guardar valoración');
    const form = el('form', {class: `valoracion semaforo-${rating ? rating.semaforo : 'ninguno'}`},
        el('h5', {}, `${result.area}: ${result.resultado}`),
        el('label', {for: progress.id}, '¿Cuánto avanzó el grupo?'), progress,
        el('div', {class: 'opcion'}, hardest, el('label', {for: hardest.id}, 'Es de los que más dificultad representan')),
        el('label', {for: reason.id}, '¿Por qué?'), reason, save,
        ...ctx.conflictBoxes(path, describe, refresh));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (!progress.value) {
        note.textContent = 'Elija cuánto avanzó el grupo antes de guardar.';
        progress.focus();
        return;
      }
      await send(`Valoración de ${group.grado}.º ${group.grupo}: ${result.resultado}`, 'PUT', path,
          {avance: progress.value, dificil: hardest.checked, porque: reason.value.trim(),
            version: rating ? rating.version : 0});
      await refresh();
    });
    return form;
  }

  async function refresh() {
    const group = groups[Number(chooser.value)];
    if (!group) {
      list.replaceChildren(el('p', {}, 'La escuela no tiene grupos registrados.'));
      return;
    }
    let assessment;
    try {
      assessment = await api(`${base}/groups/${group.grado}/${encodeURIComponent(group.grupo)}?periodo=${
        encodeURIComponent(period)}`);
    } catch (problem) {
      list.replaceChildren(el('p', {class: 'aviso-modulo'}, `No se pudo leer la valoración: ${problem.message}`));
      return;
    }
    list.replaceChildren(...(assessment.resultados.length ? assessment.resultados.map((r) => ratingRow(group, r))
      : [el('p', {}, 'No hay resultados esperados de este grupo en el periodo: agréguelos en el cuadro (actividad 1).')]));
  }

  chooser.addEventListener('change', refresh);
  ctx.refreshOnOutbox(container, (path) => path.startsWith(`${base}/ratings/`), refresh);
  container.replaceChildren(el('h4', {}, 'Valoración del grupo'),
      ...ctx.periodPicker(id('periodo'), PERIOD_LABEL, (value) => {
        period = value;
        refresh();
      }), el('label', {for: chooser.id}, 'Grupo'), chooser, note, list);
  await refresh();
}
