// Activities 3 to 7 of the third session, the collective's analysis of the period: what each grade's groups have in
// common and the team's synthesis (3 and 5), the Estrategia Global's actions that help (4), and the school's
// concentrate of achievements and challenges with its link to the Ruta de Mejora (6 and 7).

import {PERIOD_LABEL, PROGRESS, periodRead} from './comun.js';

function setup(container, ctx, prefix, title) {
  const {el, school, activity} = ctx;
  const state = {period: ctx.period()};
  const id = (name) => `${prefix}-${activity}-${name}`;
  const note = el('p', {class: 'aviso-modulo', role: 'status'});
  const body = el('div', {id: id('contenido')});
  /** The module's answer for this period, or null after saying on the page what could not be read. */
  const load = async (path, what) => {
    try {
      const data = await ctx.api(periodRead(school, path, state.period));
      note.textContent = '';
      return data;
    } catch (problem) {
      note.textContent = `No se pudo leer ${what}: ${problem.message}`;
      return null;
    }
  };
  return {state, id, note, body, load, base: `/api/v1/results/${encodeURIComponent(school)}`,
    mount: (refresh) => container.replaceChildren(el('h4', {}, title),
        ...ctx.periodPicker(id('periodo'), PERIOD_LABEL, (value) => {
          state.period = value;
          refresh();
        }), note, body)};
}

function counts(results) {
  return PROGRESS.map(([key, name]) => `${results.conteo[key] || 0} ${name.toLowerCase()}`).join(', ');
}

/** Activities 3 (coincidencias-grado) and 5 (sintesis-equipo): one record per grade, written by its team. */
export async function gradeTeams(container, ctx) {
  const {el, send} = ctx;
  const synthesis = ctx.product.type === 'sintesis-equipo';
  const view = setup(container, ctx, synthesis ? 'sintesis' : 'coincidencias',
      synthesis ? 'Síntesis del equipo de cada grado' : 'Coincidencias por grado');
  const describe = (team) => synthesis
    ? Object.values(team.sintesis || {}).filter(Boolean).join(' · ') || '(vacía)'
    : team.coincidencias || '(vacías)';

  function grade(data, g) {
    const team = g.equipo;
    const path = `${view.base}/coincidences/${g.grado}`;
    const rows = g.resultados.map((r) => el('li', {}, `${r.area}: ${r.resultado}. `, el('span', {class: 'detalle'},
        `${counts(r)}${r.dificilEn.length ? `; más difícil en ${r.dificilEn.join(', ')}` : ''}${r.sinValorar.length
          ? `; sin valorar en ${r.sinValorar.join(', ')}` : ''}${r.coinciden ? '; todos los grupos coinciden' : ''}`)));
    const fields = synthesis
      ? data.frases.map((frame) => {
        const area = el('textarea', {id: view.id(`${g.grado}-${frame.clave}`), rows: '2', maxlength: '4000'});
        area.value = team.sintesis[frame.clave] || '';
        return [frame.clave, el('label', {for: area.id}, frame.frase), area];
      })
      : (() => {
        const area = el('textarea', {id: view.id(`${g.grado}-texto`), rows: '3', maxlength: '4000'});
        area.value = team.coincidencias || g.coincidenciasSugeridas || '';
        return [['coincidencias', el('label', {for: area.id}, 'Coincidencias del grado'), area]];
      })();
    const form = el('form', {class: 'equipo-grado'},
        el('h5', {}, `${g.grado}.º grado (grupos ${g.grupos.join(', ')})`),
        el('ul', {}, ...(rows.length ? rows : [el('li', {}, 'No hay resultados esperados de este grado en el periodo.')])),
        ...fields.flatMap(([, label, area]) => [label, area]),
        el('button', {type: 'submit'}, 'Guardar'), ...ctx.conflictBoxes(path, describe, refresh));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const values = Object.fromEntries(fields.map(([key, , area]) => [key, area.value.trim()]));
      const record = synthesis ? {coincidencias: team.coincidencias, sintesis: values}
        : {coincidencias: values.coincidencias, sintesis: team.sintesis};
      await send(`${synthesis ? 'Síntesis' : 'Coincidencias'} de ${g.grado}.º`, 'PUT', path,
          {periodo: view.state.period, ...record, version: team.version});
      await refresh();
    });
    return form;
  }

  async function refresh() {
    const data = await view.load('coincidences', 'el trabajo por grado');
    if (!data) {
      return;
    }
    view.body.replaceChildren(...(data.grados.length ? data.grados.map((g) => grade(data, g))
      : [el('p', {}, 'No hay resultados esperados en el periodo: agréguelos en el cuadro (actividad 1).')]));
  }

  // What the teams read comes from the table and the groups' ratings too (activities 1 and 2).
  ctx.refreshOnOutbox(container, (path) => path.startsWith(`${view.base}/`), refresh);
  view.mount(refresh);
  await refresh();
}

/** Activity 4 (valoracion-estrategia-global): which actions of the Estrategia Global helped, and why. */
export async function strategy(container, ctx) {
  const {el, send} = ctx;
  const view = setup(container, ctx, 'estrategia', 'Acciones de la Estrategia Global');
  const describe = (a) => `${a.accion} (${a.ambito}): ${a.contribuye ? 'contribuye' : 'no contribuye'}${a.porque
    ? `, ${a.porque}` : ''}`;

  function fieldsFor(action, key) {
    const text = el('input', {id: view.id(`${key}-accion`), maxlength: '500', value: action.accion || ''});
    const ambit = el('input', {id: view.id(`${key}-ambito`), maxlength: '100', value: action.ambito || '',
      list: view.id('ambitos')});
    const helps = el('input', {type: 'checkbox', id: view.id(`${key}-contribuye`)});
    helps.checked = Boolean(action.contribuye);
    const reason = el('textarea', {id: view.id(`${key}-porque`), rows: '2', maxlength: '2000'});
    reason.value = action.porque || '';
    return {text, ambit, helps, reason, elements: [el('label', {for: text.id}, 'Acción'), text,
      el('label', {for: ambit.id}, 'Ámbito'), ambit,
      el('div', {class: 'opcion'}, helps, el('label', {for: helps.id}, 'Contribuye al logro de los resultados esperados')),
      el('label', {for: reason.id}, '¿Por qué?'), reason]};
  }

  function values(fields) {
    return {periodo: view.state.period, accion: fields.text.value.trim(), ambito: fields.ambit.value.trim(),
      contribuye: fields.helps.checked, porque: fields.reason.value.trim()};
  }

  async function refresh() {
    const data = await view.load('strategy', 'las acciones');
    if (!data) {
      return;
    }
    const saved = data.acciones.map((action) => {
      const path = `${view.base}/strategy/${action.id}`;
      const fields = fieldsFor(action, action.id);
      const remove = el('button', {type: 'button', 'aria-label': `Quitar la acción «${action.accion}»`}, 'Quitar');
      remove.addEventListener('click', async () => {
        await send(`Quitar acción: ${action.accion}`, 'DELETE', `${path}?version=${action.version}`);
        await refresh();
      });
      const form = el('form', {class: 'accion-estrategia'}, ...fields.elements, el('button', {type: 'submit'}, 'Guardar'),
          ' ', remove, ...ctx.conflictBoxes(path, describe, refresh));
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        await send(`Acción: ${fields.text.value.trim()}`, 'PUT', path, {...values(fields), version: action.version});
        await refresh();
      });
      return form;
    });
    const fresh = fieldsFor({}, 'nueva');
    const error = el('p', {class: 'error', role: 'alert'});
    const add = el('form', {class: 'accion-estrategia nueva'}, el('h5', {}, 'Agregar una acción'), ...fresh.elements, error,
        el('button', {type: 'submit'}, 'Agregar'));
    add.addEventListener('submit', async (event) => {
      event.preventDefault();
      error.textContent = fresh.text.value.trim() && fresh.ambit.value.trim() ? '' : 'Escriba la acción y su ámbito.';
      if (error.textContent) {
        return;
      }
      await send(`Acción: ${fresh.text.value.trim()}`, 'POST', `${view.base}/strategy`, values(fresh));
      await refresh();
    });
    view.body.replaceChildren(el('datalist', {id: view.id('ambitos')}, ...['En el salón de clases', 'En la escuela',
      'Entre maestros', 'Con los padres de familia', 'Para medir avances', 'Asesoría técnica',
      'Materiales e insumos educativos'].map((a) => el('option', {value: a}))), ...saved, add);
  }

  ctx.refreshOnOutbox(container, (path) => path.startsWith(`${view.base}/strategy`), refresh);
  view.mount(refresh);
  await refresh();
}

const KIND = {logro: 'Logro', desafio: 'Desafío'};

/**
 * Activities 6 (concentrado-escuela) and 7 (vinculo-ruta-mejora): the school's achievements and challenges of the
 * period, proposed from the groups' ratings and saved by the collective, each tied to a Ruta de Mejora objective.
 */
export async function concentrate(container, ctx) {
  const {el, send} = ctx;
  const linking = ctx.product.type === 'vinculo-ruta-mejora';
  const view = setup(container, ctx, linking ? 'vinculo' : 'concentrado',
      linking ? 'Vínculo de los desafíos con la Ruta de Mejora' : 'Concentrado de la escuela');
  const describe = (item) => `${KIND[item.tipo]}: ${item.texto}${item.objetivo ? `; objetivo: ${item.objetivo}` : ''}${
    item.contribucion ? `; contribuye: ${item.contribucion}` : ''}`;
  // The school's improvement programme of the period's school year, when its module is installed: its objectives
  // and goals are offered to link each challenge to, so the collective does not write them again.
  const objectives = el('datalist', {id: view.id('objetivos-programa')});
  const goals = el('datalist', {id: view.id('metas-programa')});

  function line(item) {
    const path = `${view.base}/concentrate/${item.id}`;
    const text = el('textarea', {id: view.id(`${item.id}-texto`), rows: '2', maxlength: '1000'});
    text.value = item.texto;
    const objective = el('input', {id: view.id(`${item.id}-objetivo`), maxlength: '500', value: item.objetivo || '',
      list: objectives.id});
    const goal = el('input', {id: view.id(`${item.id}-meta`), maxlength: '500', value: item.meta || '',
      list: goals.id});
    const contribution = el('textarea', {id: view.id(`${item.id}-contribucion`), rows: '2', maxlength: '2000'});
    contribution.value = item.contribucion || '';
    const fields = linking
      ? [el('p', {}, el('strong', {}, `${KIND[item.tipo]} (${item.area}, ${item.grados.map((g) => `${g}.º`).join(', ')}): `),
        item.texto),
      el('label', {for: objective.id}, 'Objetivo de la Ruta de Mejora'), objective,
      el('label', {for: goal.id}, 'Meta'), goal,
      el('label', {for: contribution.id}, '¿Cómo contribuye atenderlo al logro de ese objetivo?'), contribution]
      : [el('p', {}, el('strong', {}, `${KIND[item.tipo]} · ${item.area} · ${item.grados.map((g) => `${g}.º`).join(', ')}`)),
        el('label', {for: text.id}, 'Texto'), text];
    const buttons = [el('button', {type: 'submit'}, 'Guardar')];
    if (!linking) {
      const remove = el('button', {type: 'button', class: 'secundario',
        'aria-label': `Quitar del concentrado «${item.texto}»`}, 'Quitar');
      remove.addEventListener('click', async () => {
        if (await ctx.confirmInPlace(remove, `¿Quitar del concentrado «${item.texto}»? Se quita también su vínculo con`
            + ' la Ruta de Mejora.', 'Sí, quitar')) {
          await send(`Quitar del concentrado: ${item.texto}`, 'DELETE', `${path}?version=${item.version}`);
          await refresh();
        }
      });
      buttons.push(' ', remove);
    }
    const form = el('form', {class: `renglon ${item.tipo}`}, ...fields, ...buttons,
        ...ctx.conflictBoxes(path, describe, refresh));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      await send(`Concentrado: ${item.texto}`, 'PUT', path, {periodo: view.state.period, tipo: item.tipo,
        area: item.area, grados: item.grados, texto: linking ? item.texto : text.value.trim(),
        objetivo: objective.value.trim(), meta: goal.value.trim(), contribucion: contribution.value.trim(),
        version: item.version});
      await refresh();
    });
    return form;
  }

  async function offerTheProgramme() {
    const [year, month] = (view.state.period || '').split('-').map(Number);
    const cycle = month >= 8 ? `${year}-${year + 1}` : `${year - 1}-${year}`;
    try {
      const programme = await ctx.api(`/api/v1/programme/${encodeURIComponent(ctx.school)}/${cycle}`);
      objectives.replaceChildren(...programme.objetivos.map((o) => el('option', {value: o.enunciado})));
      goals.replaceChildren(...programme.objetivos.flatMap((o) => o.metas).map((m) => el('option',
          {value: m.descripcion})));
    } catch (away) {
      // no programme module, or none published to this reader: the fields stay free text
      objectives.replaceChildren();
      goals.replaceChildren();
    }
  }

  async function refresh() {
    const data = await view.load('concentrate', 'el concentrado');
    if (!data) {
      return;
    }
    view.note.textContent = data.publicado ? `Compartido con la supervisión por ${ctx.personName ? ctx.personName(data.publicadoPor) : data.publicadoPor}.` : '';
    const shown = linking ? data.renglones.filter((item) => item.tipo === 'desafio') : data.renglones;
    const content = shown.map(line);
    if (linking) {
      await offerTheProgramme();
      content.push(objectives, goals);
    }
    if (!linking && data.propuesta.length) {
      const take = el('button', {type: 'button'}, 'Guardar la propuesta en el concentrado');
      take.addEventListener('click', async () => {
        const answer = await send('Propuesta del concentrado', 'POST', `${view.base}/concentrate/prefill`,
            {periodo: view.state.period});
        view.note.textContent = answer ? `Se agregaron ${answer.agregados} renglones.` : '';
        await refresh();
      });
      content.push(el('h5', {}, 'Propuesta calculada de las valoraciones de los grupos'),
          el('ul', {class: 'propuesta'}, ...data.propuesta.map((item) => el('li', {},
              `${KIND[item.tipo]} (${item.area}, ${item.grados.map((g) => `${g}.º`).join(', ')}): ${item.texto}`))), take);
    }
    if (!linking && !ctx.directs) {
      content.push(el('p', {class: 'nota'}, data.publicado ? 'La dirección de la escuela lo compartió con la supervisión.'
        : 'La dirección de la escuela comparte el análisis con la supervisión.'));
    } else if (!linking && !data.publicado) {
      const publish = el('button', {type: 'button'}, 'Compartir el análisis del periodo con la supervisión');
      publish.addEventListener('click', async () => {
        if (await ctx.confirmInPlace(publish, `¿Compartir el análisis de ${view.state.period} con la supervisión? Lo`
            + ' verán la supervisión de la zona y la autoridad educativa del estado, sumado al de las demás escuelas.',
        'Sí, compartir')) {
          await send('Compartir el análisis', 'PUT', `${view.base}/publication`,
              {periodo: view.state.period, publicado: true});
          await refresh();
        }
      });
      content.push(publish);
    } else if (!linking) {
      const withdraw = el('button', {type: 'button', class: 'secundario'}, 'Dejar de compartir el análisis');
      withdraw.addEventListener('click', async () => {
        if (await ctx.confirmInPlace(withdraw, '¿Dejar de compartir el análisis? La supervisión y el estado dejarán de'
            + ' contarlo hasta que lo comparta de nuevo.', 'Sí, dejar de compartir')) {
          await send('Dejar de compartir el análisis', 'PUT', `${view.base}/publication`,
              {periodo: view.state.period, publicado: false});
          await refresh();
        }
      });
      content.push(withdraw);
    }
    view.body.replaceChildren(...(content.length ? content : [el('p', {}, linking
      ? 'El concentrado aún no tiene desafíos: guárdelos en la actividad 6.'
      : 'Aún no hay valoraciones de los grupos de las que proponer logros y desafíos.')]));
  }

  // The proposal comes from the ratings and the teams' synthesis (activities 2 and 5).
  ctx.refreshOnOutbox(container, (path) => path.startsWith(`${view.base}/`), refresh);
  view.mount(refresh);
  await refresh();
}
