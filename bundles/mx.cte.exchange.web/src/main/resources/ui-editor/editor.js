// Editors of the exchange module's products, activities 14 to 20 of the third session: the collective texts
// ("lluvia-ideas", "destacados-lectura", "texto-escuela", "contraste-practica", "comentarios-colectivo"), where several
// people add short contributions and the collective writes one text from them, and the school's problem presentation
// ("presentacion-problematica"), drafted from what the school already recorded and published to its zone; the free
// text of a guide ("texto-libre") is a collective text too; the group and the peers screen are in pares.js. Served by
// the exchange module (mx.cte.exchange.web) at /ui/modulos/{tipo}/editor.js. Texts are set as text, never as HTML.

async function collectiveText(container, ctx) {
  const {el, api, send, school, session, activity, product} = ctx;
  // Each activity has its own text, even when two activities ask for the same kind (15 and 19 of the third session).
  const path = `/api/v1/exchange/${encodeURIComponent(school)}/activities/${activity}/texts/${product.type}`;
  const id = (name) => `texto-${activity}-${name}`;
  const highlights = product.type === 'destacados-lectura';
  // The session screen hands over the guide it shows; an older one did not, and the guide is read then.
  let readings = [];
  if (highlights) {
    try {
      readings = (ctx.guide || (await api(`/api/v1/guides/${encodeURIComponent(session)}`)).guide).readings || [];
    } catch (absent) {
      // Without the guide the highlight is saved without naming its reading.
    }
  }
  const contributions = el('ul', {id: id('aportaciones'), class: 'aportaciones'});
  const reading = el('select', {id: id('lectura')}, el('option', {value: ''}, 'Sin lectura en particular'),
      ...readings.map((r) => el('option', {value: r.id}, r.title)));
  const idea = el('textarea', {id: id('aportacion'), rows: '2', maxlength: '2000'});
  const add = el('form', {class: 'aportar'}, ...(highlights ? [el('label', {for: reading.id}, 'Lectura'), reading] : []),
      el('label', {for: idea.id}, highlights ? 'Término o idea destacada' : 'Su aportación'), idea,
      el('button', {type: 'submit'}, 'Agregar'));
  const text = el('textarea', {id: id('texto'), rows: '5', maxlength: '8000'});
  const write = el('form', {class: 'texto-colectivo'}, el('label', {for: text.id}, 'El texto del colectivo'), text,
      el('button', {type: 'submit'}, 'Guardar el texto'));
  const conflicts = el('div', {});
  let current = null;

  async function refresh() {
    try {
      current = await api(`${path}?sesion=${encodeURIComponent(session)}`);
    } catch (problem) {
      contributions.replaceChildren(el('li', {}, `No se pudieron leer los textos: ${problem.message}`));
      return;
    }
    const titles = new Map(readings.map((r) => [r.id, r.title]));
    contributions.replaceChildren(...(current.aportaciones.length ? current.aportaciones.map((c) => {
      const item = el('li', {}, `${c.texto}`, el('span', {class: 'detalle'}, ` (${ctx.personName
        ? ctx.personName(c.autor) : c.autor}${c.lectura ? `, ${titles.get(c.lectura) || c.lectura}` : ''})`));
      // Whoever added it takes it back; the director tidies the collective's list.
      if (c.autor === ctx.user?.usuario || ctx.directs) {
        const remove = el('button', {type: 'button', class: 'secundario'}, 'Quitar');
        remove.addEventListener('click', async () => {
          if (await ctx.confirmInPlace(remove, `¿Quitar la aportación «${c.texto}»?`, 'Sí, quitar')) {
            await send(`Quitar aportación: ${c.texto}`, 'DELETE', `${removals}${c.id}`);
            await refresh();
          }
        });
        item.append(' ', remove);
      }
      return item;
    }) : [el('li', {}, 'Aún no hay aportaciones.')]));
    if (document.activeElement !== text) {
      text.value = current.texto || '';
    }
    conflicts.replaceChildren(...ctx.conflictBoxes(path, (t) => t.texto || '(vacío)', refresh));
  }

  add.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!idea.value.trim()) {
      idea.focus();
      return;
    }
    const body = {sesion: session, texto: idea.value.trim()};
    if (highlights && reading.value) {
      body.lectura = reading.value;
    }
    idea.value = '';
    await send(`Aportación: ${body.texto}`, 'POST', `${path}/contributions`, body);
    await refresh();
  });
  write.addEventListener('submit', async (event) => {
    event.preventDefault();
    await send(`Texto: ${product.title}`, 'PUT', path, {sesion: session, texto: text.value.trim(),
      version: current ? current.version : 0});
    text.blur();
    await refresh();
  });
  const removals = `/api/v1/exchange/${encodeURIComponent(school)}/contributions/`;
  ctx.refreshOnOutbox(container, (changed) => changed.startsWith(path) || changed.startsWith(removals), refresh);
  container.replaceChildren(el('h4', {}, product.title), el('h5', {}, 'Aportaciones'), contributions, add, write,
      conflicts);
  await refresh();
}

const SECTIONS = [['problema', 'La problemática'], ['causas', 'Sus causas'], ['acciones', 'Las acciones emprendidas'],
  ['resultados', 'Los resultados obtenidos'], ['practicas', 'Las prácticas que funcionaron']];

/**
 * A published presentation to read, folded under the summary given: its sections that have text, each under a heading
 * of the level its page needs, then its areas and grades. For the peers screen and the supervisor's zone.
 */
export function presentationDetails(el, p, summary, heading) {
  const facts = [];
  if (p.areas.length) {
    facts.push(`Áreas: ${p.areas.join(', ')}`);
  }
  if (p.grados.length) {
    facts.push(`Grados: ${p.grados.map((g) => `${g}.º`).join(', ')}`);
  }
  return el('details', {class: 'presentacion-par'}, el('summary', {}, summary),
      ...SECTIONS.filter(([key]) => p[key]).flatMap(([key, label]) => [el(heading, {}, label),
        el('p', {class: 'texto-guardado'}, p[key])]),
      ...(facts.length ? [el('p', {class: 'detalle'}, facts.join(' · '))] : []));
}

async function presentation(container, ctx) {
  const {el, api, send, school, session, activity} = ctx;
  const path = `/api/v1/exchange/${encodeURIComponent(school)}/presentation`;
  const id = (name) => `presentacion-${activity}-${name}`;
  const note = el('p', {class: 'aviso-modulo', role: 'status'});
  const fields = new Map(SECTIONS.map(([key]) => [key, el('textarea', {id: id(key), rows: '4', maxlength: '8000'})]));
  const areas = el('input', {id: id('areas'), maxlength: '300', 'aria-describedby': id('ayuda')});
  const grades = el('input', {id: id('grados'), maxlength: '20', 'aria-describedby': id('ayuda')});
  const conflicts = el('div', {});
  const publish = el('button', {type: 'button'}, 'Publicar a la zona');
  const withdraw = el('button', {type: 'button', class: 'secundario'}, 'Retirar la publicación');
  const form = el('form', {class: 'presentacion'}, ...SECTIONS.flatMap(([key, label]) =>
    [el('label', {for: id(key)}, label), fields.get(key)]),
  el('label', {for: areas.id}, 'Áreas'), areas, el('label', {for: grades.id}, 'Grados'), grades,
  el('p', {class: 'ayuda', id: id('ayuda')}, 'Separe con comas: Lenguaje oral, Convivencia · 2, 3.'),
  el('button', {type: 'submit'}, 'Guardar la presentación'), ' ', publish, withdraw, conflicts);
  let current = null;

  function show(p) {
    current = p;
    for (const [key, field] of fields) {
      field.value = p[key] || '';
    }
    areas.value = p.areas.join(', ');
    grades.value = p.grados.join(', ');
    note.textContent = p.borrador
      ? 'Borrador armado con lo que la escuela ya registró (concentrado, síntesis, tarjetas, bitácora, materiales). Revíselo y guárdelo.'
      : p.publicada ? `Publicada: la supervisión y las escuelas de su grupo de intercambio la ven.${p.agrupada
        ? ' La supervisión ya formó los grupos con ella: ya no puede retirarse.' : ''}`
        : `Guardada, sin publicar${ctx.directs ? '' : ': la dirección de la escuela la publica a la zona'}.`;
    // Only the director publishes or withdraws; a teacher is told who does, and sees no button she cannot use.
    publish.hidden = p.borrador || p.publicada || !ctx.directs;
    withdraw.hidden = !p.publicada || p.agrupada || !ctx.directs;
    conflicts.replaceChildren(...ctx.conflictBoxes(path, (c) => c.problema || '(sin problemática)', refresh));
  }

  async function refresh() {
    try {
      show(await api(`${path}?sesion=${encodeURIComponent(session)}&periodo=${encodeURIComponent(ctx.period())}`));
    } catch (problem) {
      note.textContent = `No se pudo leer la presentación: ${problem.message}`;
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = {sesion: session, version: current && !current.borrador ? current.version : 0,
      areas: areas.value.split(',').map((a) => a.trim()).filter(Boolean),
      grados: grades.value.split(',').map((g) => g.trim()).filter(Boolean).map(Number)};
    for (const [key, field] of fields) {
      body[key] = field.value.trim();
    }
    await send('Presentación de la problemática', 'PUT', path, body);
    await refresh();
  });
  publish.addEventListener('click', async () => {
    if (await ctx.confirmInPlace(publish, '¿Publicar la presentación a la zona? La verán la supervisión de la zona'
        + ' y las escuelas de su grupo de intercambio. Podrá retirarla mientras la supervisión no forme los grupos.',
    'Sí, publicar')) {
      await send('Publicar la presentación', 'PUT', `${path}/publication`, {sesion: session, publicado: true});
      await refresh();
    }
  });
  withdraw.addEventListener('click', async () => {
    if (await ctx.confirmInPlace(withdraw, '¿Retirar la presentación? La supervisión y las escuelas de la zona dejarán'
        + ' de verla hasta que la publique de nuevo.', 'Sí, retirar')) {
      await send('Retirar la presentación', 'PUT', `${path}/publication`, {sesion: session, publicado: false});
      await refresh();
    }
  });
  ctx.refreshOnOutbox(container, (changed) => changed.startsWith(path), refresh);
  container.replaceChildren(el('h4', {}, 'Presentación de la problemática de la escuela'), note, form);
  await refresh();
}

export async function render(container, ctx) {
  const type = ctx.product.type;
  if (type === 'agrupacion-escuelas' || type === 'recomendaciones-escuelas') {
    const peers = await import('./pares.js');
    await (type === 'agrupacion-escuelas' ? peers.group : peers.recommendations)(container, ctx);
    return;
  }
  await (type === 'presentacion-problematica' ? presentation : collectiveText)(container, ctx);
}

// The panel on the supervisor's home (paneles/zona.js), loaded only there.
export async function zona(ctx) {
  return (await import('./paneles/zona.js')).zona(ctx);
}
