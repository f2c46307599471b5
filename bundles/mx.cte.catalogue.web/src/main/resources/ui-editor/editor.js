// Editors of the catalogue's products: "clasificacion-recursos" (activity 8: find, add and classify the materials,
// resources and sources the school has, by the criteria of the guide) and "seleccion-recursos" (activity 9: the ones
// chosen for the period's challenges). Served by the catalogue module (mx.cte.catalogue.web) at
// /ui/modulos/{tipo}/editor.js. Writes go through the UI's outbox (ctx.send); texts are set as text, never as HTML.

const KINDS = [['libro', 'Libro'], ['lectura', 'Lectura'], ['material-didactico', 'Material didáctico'],
  ['sitio', 'Sitio web'], ['video', 'Video'], ['audio', 'Audio'], ['otro', 'Otro']];

function describe(resource) {
  const parts = [resource.nombreTipo];
  if (resource.autor) {
    parts.push(resource.autor);
  }
  if (resource.grados.length) {
    parts.push(resource.grados.map((g) => `${g}.º`).join(', '));
  }
  if (resource.areas.length) {
    parts.push(resource.areas.join(', '));
  }
  if (resource.ubicacion) {
    parts.push(resource.ubicacion);
  }
  if (resource.paquete) {
    parts.push(`de ${resource.paquete.titulo}`);
  } else if (resource.escuela) {
    parts.push(`compartido por ${resource.escuela}`);
  }
  return parts.join(' · ');
}

/** The search box with its facet filters; calls show(resource, …) for each match to build its entry. */
function searchPanel(ctx, prefix, show) {
  const {el, api, school} = ctx;
  const base = `/api/v1/catalogue/${encodeURIComponent(school)}/resources`;
  const id = (name) => `${prefix}-${name}`;
  const query = el('input', {id: id('q'), type: 'search', maxlength: '200'});
  const grade = el('select', {id: id('grado')}, el('option', {value: ''}, 'Todos'),
      ...[1, 2, 3].map((g) => el('option', {value: String(g)}, `${g}.º`)));
  const scope = el('input', {type: 'checkbox', id: id('estado')});
  const results = el('div', {id: id('resultados'), 'aria-live': 'polite'});
  const form = el('form', {role: 'search', class: 'busqueda'},
      el('label', {for: query.id}, 'Buscar (título, área, autor o descripción)'), query,
      el('label', {for: grade.id}, 'Grado'), grade,
      el('div', {class: 'opcion'}, scope, el('label', {for: scope.id}, 'Incluir lo que comparten otras escuelas del estado')),
      el('button', {type: 'submit'}, 'Buscar'));

  async function search() {
    const params = new URLSearchParams({q: query.value.trim(), sesion: ctx.session});
    if (grade.value) {
      params.set('grado', grade.value);
    }
    if (scope.checked) {
      params.set('alcance', 'estado');
    }
    let page;
    try {
      page = await api(`${base}?${params}`);
    } catch (problem) {
      results.replaceChildren(el('p', {class: 'aviso-modulo'}, `No se pudo buscar: ${problem.message}`));
      return;
    }
    const kinds = (page.facetas.tipo || []).map((f) => `${f.etiqueta} (${f.cuenta})`).join(', ');
    results.replaceChildren(el('p', {}, `${page.total === 1 ? '1 recurso' : `${page.total} recursos`}${kinds
      ? `: ${kinds}` : ''}.`), el('ul', {class: 'recursos'}, ...page.recursos.map((r) => el('li', {},
        el('strong', {}, r.titulo), el('br'), el('span', {class: 'detalle'}, describe(r)), ...show(r, search)))));
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    search();
  });
  return {elements: [form, results], search};
}

async function classify(container, ctx) {
  const {el, api, send, school, session, activity} = ctx;
  const base = `/api/v1/catalogue/${encodeURIComponent(school)}/resources`;
  const id = (name) => `catalogo-${activity}-${name}`;
  let criteria = [];
  try {
    criteria = (await api(`/api/v1/catalogue/criteria?sesion=${encodeURIComponent(session)}`)).criterios;
  } catch (problem) {
    // Without the guide's criteria the resources are still listed and added; only classifying waits.
  }

  function classification(resource, refresh) {
    if (resource.soloLectura) {
      const adopt = el('button', {type: 'button', 'aria-label': `Agregar «${resource.titulo}» al catálogo de la escuela`},
          'Agregar a nuestro catálogo');
      adopt.addEventListener('click', async () => {
        await send(`Agregar al catálogo: ${resource.titulo}`, 'POST', base, {desde: resource.id});
        await refresh();
      });
      return [el('br'), adopt];
    }
    // The school's own resources can leave its catalogue (asked first); a pack's or another school's stay theirs.
    const own = resource.paquete || resource.escuela !== school ? [] : [removal(resource, refresh)];
    const chosen = new Set(resource.clasificacion.filter((c) => c.sesion === session).map((c) => c.criterio));
    const boxes = criteria.map((c) => {
      const box = el('input', {type: 'checkbox', id: id(`${resource.id}-${c.clave}`), value: c.clave});
      box.checked = chosen.has(c.clave);
      return el('div', {class: 'opcion'}, box, el('label', {for: box.id}, `${c.clave}) ${c.texto}`));
    });
    if (!boxes.length) {
      return own;
    }
    const save = el('button', {type: 'submit'}, 'Guardar clasificación');
    const form = el('form', {class: 'clasificacion'}, el('fieldset', {},
        el('legend', {}, `Criterios para «${resource.titulo}»`), ...boxes), save);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const keys = [...form.querySelectorAll('input:checked')].map((box) => box.value);
      await send(`Clasificar: ${resource.titulo}`, 'PUT', `${base}/${resource.id}/classification`,
          {sesion: session, criterios: keys, version: resource.version});
      await refresh();
    });
    return [form, ...own];
  }

  function removal(resource, refresh) {
    const remove = el('button', {type: 'button', class: 'secundario',
      'aria-label': `Quitar «${resource.titulo}» del catálogo de la escuela`}, 'Quitar del catálogo');
    remove.addEventListener('click', async () => {
      if (await ctx.confirmInPlace(remove, `¿Quitar «${resource.titulo}» del catálogo de la escuela? Deja de`
          + ' aparecer en sus búsquedas y selecciones.', 'Sí, quitar')) {
        await send(`Quitar del catálogo: ${resource.titulo}`, 'DELETE',
            `${base}/${resource.id}?version=${resource.version}`);
        await refresh();
      }
    });
    return remove;
  }

  const panel = searchPanel(ctx, id('busqueda'), classification);
  const title = el('input', {id: id('titulo'), maxlength: '300'});
  const kind = el('select', {id: id('tipo')}, ...KINDS.map(([key, name]) => el('option', {value: key}, name)));
  const author = el('input', {id: id('autor'), maxlength: '200'});
  const location = el('input', {id: id('ubicacion'), maxlength: '500'});
  const grades = el('input', {id: id('grados'), maxlength: '20', 'aria-describedby': id('ayuda-grados')});
  const areas = el('input', {id: id('areas'), maxlength: '300', 'aria-describedby': id('ayuda-areas')});
  const shared = el('input', {type: 'checkbox', id: id('compartido')});
  const error = el('p', {class: 'error', role: 'alert'});
  const add = el('form', {class: 'nuevo-recurso'}, el('h5', {}, 'Agregar un material, recurso o fuente'),
      el('label', {for: title.id}, 'Título'), title, el('label', {for: kind.id}, 'Tipo'), kind,
      el('label', {for: author.id}, 'Autor o editorial (opcional)'), author,
      el('label', {for: location.id}, 'Dónde está (liga o lugar en la escuela)'), location,
      el('label', {for: grades.id}, 'Grados (opcional)'), grades,
      el('p', {class: 'ayuda', id: id('ayuda-grados')}, 'Separados por comas, por ejemplo 2, 3; vacío si sirve a todos.'),
      el('label', {for: areas.id}, 'Áreas o indicadores (opcional)'), areas,
      el('p', {class: 'ayuda', id: id('ayuda-areas')}, 'Separadas por comas, por ejemplo Lenguaje oral, Convivencia.'),
      el('div', {class: 'opcion'}, shared, el('label', {for: shared.id}, 'Compartirlo con las escuelas del estado')),
      error, el('button', {type: 'submit'}, 'Agregar al catálogo'));
  add.addEventListener('submit', async (event) => {
    event.preventDefault();
    const gradeList = grades.value.split(',').map((g) => g.trim()).filter(Boolean);
    error.textContent = !title.value.trim() ? 'Escriba el título.'
      : gradeList.some((g) => !/^[1-3]$/.test(g)) ? 'Los grados son números del 1 al 3, separados por comas.' : '';
    if (error.textContent) {
      return;
    }
    const answer = await send(`Recurso: ${title.value.trim()}`, 'POST', base, {titulo: title.value.trim(),
      tipo: kind.value, autor: author.value.trim(), ubicacion: location.value.trim(), grados: gradeList.map(Number),
      areas: areas.value.split(',').map((a) => a.trim()).filter(Boolean), sesion: session, compartido: shared.checked});
    if (answer) {
      for (const field of [title, author, location, grades, areas]) {
        field.value = '';
      }
    }
    await panel.search();
  });
  ctx.refreshOnOutbox(container, (path) => path.startsWith(base), panel.search);
  container.replaceChildren(el('h4', {}, 'Materiales, recursos y fuentes de la escuela'), ...panel.elements, add);
  await panel.search();
}

async function select(container, ctx) {
  const {el, api, send, school, activity} = ctx;
  const base = `/api/v1/catalogue/${encodeURIComponent(school)}/selection`;
  const id = (name) => `seleccion-${activity}-${name}`;
  let period = ctx.period();
  const chosen = el('div', {id: id('elegidos')});
  let challenges = [];

  async function loadChallenges() {
    try {
      const concentrate = await api(`/api/v1/results/${encodeURIComponent(school)}/concentrate?periodo=${
        encodeURIComponent(period)}`);
      challenges = concentrate.renglones.filter((line) => line.tipo === 'desafio');
    } catch (absent) {
      challenges = []; // the results module may be away: a selection then names no challenge
    }
  }

  async function refresh() {
    let data;
    try {
      data = await api(`${base}?periodo=${encodeURIComponent(period)}`);
    } catch (problem) {
      chosen.replaceChildren(el('p', {class: 'aviso-modulo'}, `No se pudo leer la selección: ${problem.message}`));
      return;
    }
    const names = new Map(challenges.map((c) => [c.id, c.texto]));
    chosen.replaceChildren(el('ul', {class: 'seleccion'}, ...(data.seleccion.length ? data.seleccion.map((s) => {
      const remove = el('button', {type: 'button', 'aria-label': `Quitar «${s.recurso.titulo}» de la selección`}, 'Quitar');
      remove.addEventListener('click', async () => {
        await send(`Quitar de la selección: ${s.recurso.titulo}`, 'DELETE', `${base}/${s.id}`);
        await refresh();
      });
      return el('li', {}, el('strong', {}, s.recurso.titulo), el('br'), el('span', {class: 'detalle'},
          [s.desafio ? `Para: ${names.get(s.desafio) || `desafío ${s.desafio}`}` : '', s.nota].filter(Boolean).join(' · ')),
          ' ', remove);
    }) : [el('li', {}, 'Aún no hay materiales seleccionados para este periodo.')])));
  }

  const panel = searchPanel(ctx, id('busqueda'), (resource, again) => {
    const challenge = el('select', {id: id(`${resource.id}-desafio`)}, el('option', {value: ''}, 'Sin desafío en particular'),
        ...challenges.map((c) => el('option', {value: String(c.id)}, c.texto)));
    const note = el('input', {id: id(`${resource.id}-nota`), maxlength: '500'});
    const form = el('form', {class: 'elegir'}, el('label', {for: challenge.id}, 'Para el desafío'), challenge,
        el('label', {for: note.id}, 'Nota (opcional)'), note, el('button', {type: 'submit'}, 'Seleccionar'));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      await send(`Seleccionar: ${resource.titulo}`, 'POST', base, {periodo: period, recurso: resource.id,
        desafio: challenge.value ? Number(challenge.value) : null, nota: note.value.trim()});
      await refresh();
      await again();
    });
    return [form];
  });

  ctx.refreshOnOutbox(container, (path) => path.startsWith(base), refresh);
  container.replaceChildren(el('h4', {}, 'Materiales seleccionados para los desafíos'),
      ...ctx.periodPicker(id('periodo'), 'Periodo (mes)', async (value) => {
        period = value;
        await loadChallenges();
        await refresh();
      }), chosen, el('h5', {}, 'Buscar en el catálogo'), ...panel.elements);
  await loadChallenges();
  await refresh();
}

export async function render(container, ctx) {
  await (ctx.product.type === 'seleccion-recursos' ? select : classify)(container, ctx);
}
