// Editor of the products a guide lays out itself: a table ("tabla"), a short form ("formulario"), a checklist
// ("lista-cotejo") and a rubric ("rubrica"), drawn from the layout the guide gives (ctx.product.form). Served by the
// guide-configured products module (mx.cte.forms.web) at /ui/modulos/{tipo}/editor.js. Writes go through the UI's
// outbox (ctx.send), which keeps them while offline; texts from the server are set as text, never as HTML.

const KIND_INPUT = {
  'texto': () => ({tag: 'input', attributes: {type: 'text', maxlength: '300'}}),
  'texto-largo': () => ({tag: 'textarea', attributes: {rows: '2', maxlength: '4000'}}),
  'numero': () => ({tag: 'input', attributes: {type: 'text', inputmode: 'decimal'}}),
  'fecha': () => ({tag: 'input', attributes: {type: 'date'}}),
};

/** The control for one field: a select for choices and yes/no, an input or a text area otherwise. */
function control(el, field, id, value) {
  let input;
  if (field.kind === 'opcion' || field.kind === 'si-no') {
    const options = field.kind === 'si-no' ? ['sí', 'no'] : field.options;
    input = el('select', {id}, el('option', {value: ''}, '—'),
        ...options.map((option) => el('option', {value: option}, field.kind === 'si-no'
          ? option.charAt(0).toUpperCase() + option.slice(1) : option)));
  } else {
    const {tag, attributes} = (KIND_INPUT[field.kind] || KIND_INPUT['texto'])();
    input = el(tag, {id, ...attributes});
  }
  input.value = value || '';
  input.dataset.campo = field.name;
  if (field.required) {
    input.setAttribute('aria-required', 'true');
  }
  return input;
}

function describe(type, form, content) {
  if (type === 'tabla') {
    const rows = content.filas || [];
    return rows.length ? `${rows.length} filas: ${rows.map((row) => row[form.fields[0].name]).join(', ')}`
      : 'sin filas';
  }
  if (type === 'formulario') {
    return form.fields.map((field) => `${field.label}: ${content.valores?.[field.name] || '—'}`).join('; ');
  }
  return form.items.map((item, i) => `${item}: ${content.respuestas?.[i]?.nivel || '—'}`).join('; ');
}

export async function render(container, ctx) {
  const {el, api, send, pendingEdits, school, session, activity, product} = ctx;
  const type = product.type;
  const form = product.form;
  const path = `/api/v1/forms/${encodeURIComponent(school)}/sessions/${encodeURIComponent(session)}`
    + `/activities/${activity}/${encodeURIComponent(type)}`;
  const id = (name) => `producto-${activity}-${type}-${name}`;
  const note = el('p', {class: 'aviso-modulo'});
  const saved = el('p', {class: 'detalle'});
  const area = el('div', {});
  let version = 0;

  /** The table: one row of controls per row, a button to add one and one to remove each. */
  function tableForm(rows) {
    const body = el('tbody', {});
    let next = 0;
    const addRow = (values) => {
      const n = next++;
      const cells = form.fields.map((field) => el('td', {},
          control(el, field, id(`fila-${n}-${field.name}`), values[field.name])));
      const remove = el('button', {type: 'button', class: 'secundario',
        'aria-label': `Quitar la fila ${body.children.length + 1}`}, 'Quitar');
      const row = el('tr', {}, ...cells, el('td', {}, remove));
      remove.addEventListener('click', () => row.remove());
      body.append(row);
      // Each cell's control is labelled by its column heading, for screen readers.
      form.fields.forEach((field, i) => cells[i].firstChild.setAttribute('aria-label', field.label));
    };
    rows.forEach(addRow);
    if (!rows.length) {
      addRow({});
    }
    const add = el('button', {type: 'button', class: 'secundario'}, 'Agregar fila');
    add.addEventListener('click', () => {
      addRow({});
      body.lastElementChild.querySelector('input, select, textarea')?.focus();
    });
    const table = el('table', {class: 'tabla', tabindex: '0'},
        el('thead', {}, el('tr', {}, ...form.fields.map((field) => el('th', {scope: 'col'},
            field.label + (field.required ? ' *' : ''))), el('th', {scope: 'col'}, 'Fila'))), body);
    const read = () => ({filas: [...body.children].map((row) => Object.fromEntries(
        [...row.querySelectorAll('[data-campo]')].map((input) => [input.dataset.campo, input.value.trim()])))});
    return {controls: [table, add], read};
  }

  /** The short form: one labelled control per field. */
  function fieldsForm(values) {
    const controls = form.fields.flatMap((field) => {
      const input = control(el, field, id(`campo-${field.name}`), values[field.name]);
      return [el('label', {for: input.id}, field.label + (field.required ? ' *' : '')), input];
    });
    const read = () => ({valores: Object.fromEntries(controls.filter((c) => c.dataset?.campo)
        .map((input) => [input.dataset.campo, input.value.trim()]))});
    return {controls, read};
  }

  /** A checklist or a rubric: each item with its level among the guide's and a comment. */
  function levelsForm(answers) {
    const rows = form.items.map((item, i) => {
      const level = el('select', {id: id(`nivel-${i}`), 'aria-label': `${item}: nivel`},
          el('option', {value: ''}, '—'), ...form.levels.map((name) => el('option', {value: name}, name)));
      level.value = answers[i]?.nivel || '';
      const comment = el('input', {type: 'text', id: id(`comentario-${i}`), maxlength: '1000',
        'aria-label': `${item}: comentario`});
      comment.value = answers[i]?.comentario || '';
      return el('tr', {}, el('th', {scope: 'row'}, item), el('td', {}, level), el('td', {}, comment));
    });
    const table = el('table', {class: 'tabla', tabindex: '0'},
        el('thead', {}, el('tr', {}, el('th', {scope: 'col'}, type === 'rubrica' ? 'Criterio' : 'Elemento'),
            el('th', {scope: 'col'}, type === 'rubrica' ? 'Nivel' : 'Respuesta'),
            el('th', {scope: 'col'}, 'Comentario'))),
        el('tbody', {}, ...rows));
    const read = () => ({respuestas: rows.map((row) => ({nivel: row.querySelector('select').value,
      comentario: row.querySelector('input').value.trim()}))});
    return {controls: [table], read};
  }

  function draw(content, pending) {
    const drawn = type === 'tabla' ? tableForm(content.filas || [])
      : type === 'formulario' ? fieldsForm(content.valores || {}) : levelsForm(content.respuestas || []);
    const error = el('p', {class: 'error', id: id('error'), role: 'alert'});
    const editor = el('form', {class: 'editor-producto', id: id('formulario'), novalidate: ''},
        ...drawn.controls, error, el('button', {type: 'submit'}, 'Guardar'));
    editor.addEventListener('submit', async (event) => {
      event.preventDefault();
      const body = {...drawn.read(), version};
      const missing = type === 'formulario' ? form.fields.filter((f) => f.required && !body.valores[f.name])
        .map((f) => f.label) : [];
      error.textContent = missing.length ? `Falta: ${missing.join(', ')}.` : '';
      if (missing.length) {
        return;
      }
      // Drawn again from the server only once saved: a refused save leaves what was typed to correct.
      if (await send(`${product.title || type}: ${describe(type, form, body)}`, 'PUT', path, body)) {
        await refresh();
      }
    });
    area.replaceChildren(...ctx.conflictBoxes(path, (c) => describe(type, form, c), refresh), editor);
    note.textContent = pending ? 'Hay cambios de este equipo pendientes de enviar; se muestran aquí.' : note.textContent;
  }

  async function refresh() {
    note.textContent = '';
    let content = {};
    try {
      const stored = await api(path);
      version = stored.version;
      content = stored;
      saved.textContent = stored.actualizadoPor ? `Guardado por ${(ctx.personName || ((u) => u))(
        stored.actualizadoPor)} el ${new Date(stored.actualizado).toLocaleString('es-MX',
        {dateStyle: 'long', timeStyle: 'short'})}` : 'Aún sin guardar.';
    } catch (failure) {
      if (failure.status === 404 || failure.status === 403) {
        area.replaceChildren(el('p', {class: 'error'}, failure.message));
        return;
      }
      note.textContent = 'Sin conexión: se muestra lo último que este equipo tenía.';
    }
    const waiting = pendingEdits(path);
    draw(waiting.length ? waiting[waiting.length - 1].body : content, waiting.length > 0);
  }

  ctx.refreshOnOutbox(container, (changed) => changed === path, refresh);
  // The page already shows the product's title and description above the editor; the evidence module, if installed,
  // keeps the photos and PDFs that go with the product.
  container.replaceChildren(note, area, saved,
      ...(ctx.evidence?.({tipo: 'producto', id: `${session}|${activity}|${type}`}) || []));
  await refresh();
}
