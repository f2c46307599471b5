import {conflicts, discardConflict, flush, MAX_KEPT_FILE, pendingEdits, pendingFiles, send, sendFile,
  sendWithOutcome} from './envios.js';
import {forgetEarly, guidePath, prefetch, schoolOf} from './inicio.js';
import {api, el, lightTable, longDate, show, signedIn, timeOfDay, UI_MODULES} from './pagina.js';

// The session screen: the guide as it is organised (presentation, sections, activities, readings, references), one
// part at a time with its own address (#guia/{clave}/actividad/{n}), a table of contents, and each activity's product
// edited by the module that owns its type.

/** What a section of each kind is called on screen; a plain apartado needs no name. */
const SECTION_KIND = {
  'momento': 'Momento',
  'dia': 'Día de sesión',
  'anexo': 'Anexo',
  'previa': 'Antes de la sesión',
  'preliminar': 'Preliminares',
};

/** An activity as the guide numbers it: "Actividad 3.1", or its title alone when the guide does not number it. */
function activityName(item) {
  return item.label ? `Actividad ${item.label}` : (item.title || 'Actividad sin número');
}

/** A mark for what whoever encoded the guide added: the guide does not print it. */
function editorialMark() {
  return el('span', {class: 'marca-editorial', title: 'Añadido al capturar la guía; no aparece impreso en ella'},
      'no impreso');
}

/**
 * What a state's overlay did to an item of the national guide, shown where the item is: "Agregado por la entidad",
 * "Modificado por la entidad". Nothing for the national guide's own items.
 */
function provenanceMark(guide, item) {
  const what = guide.provenance?.items?.[item];
  const words = {agregado: 'Agregado por', reemplazado: 'Modificado por'}[what];
  return words ? [' ', el('span', {class: 'marca-entidad', 'data-procedencia': what},
      `${words} ${guide.publisher?.name || 'la entidad'}`)] : [];
}

/** The national guide an overlay was applied to, and what the state left out of it. */
function overlayNotice(guide) {
  const p = guide.provenance;
  if (!p) {
    return [];
  }
  const hidden = Object.entries(p.items || {}).filter(([, what]) => what === 'oculto').map(([item]) => item
      .replace(/^actividad:/, 'actividad ').replace(/^seccion:/, 'sección ').replace(/^lectura:/, 'lectura ')
      .replace(/^producto:(\d+):(.*)$/, 'producto $2 de la actividad $1'));
  return [el('p', {class: 'aviso-capa'}, `Edición de ${guide.publisher?.name || 'la entidad'} sobre la guía `
      + `${p.baseKey}, edición ${p.baseVersion}. Lo que la entidad agregó o modificó lo dice en su lugar.`
      + (hidden.length ? ` La entidad omitió: ${hidden.join('; ')}.` : ''))];
}

function titleOf(part) {
  return part.title ? [part.title, ...(part.editorialTitle ? [' ', editorialMark()] : [])] : [];
}

/** The guide on screen, kept while the person moves within it so that each part is not fetched again. */
let opened = null;

/** Forgets the guide on screen: the next visit reads it again (a new edition may have been activated meanwhile). */
export function leaveGuide() {
  opened = null;
  stopWatching();
}

const WATCH_MS = 4000;
let watching = null;

function stopWatching() {
  if (watching) {
    clearInterval(watching.timer);
    window.removeEventListener('cte-guardado', watching.ownSave);
    watching = null;
  }
}

/**
 * What the rest of the collective saves on other devices reaches this screen within seconds: the school's change
 * feed is asked every few seconds (a bodiless 304 while nothing changed), and each change is announced as the outbox
 * announces this device's own saves, so the editors that show that record read it again. Drafts stay where they are.
 */
function watchSchool(school) {
  if (watching?.school === school) {
    return;
  }
  stopWatching();
  const state = {school, upTo: null, etag: null, asking: false, mine: new Map()};
  // This device's own saves were already announced by the outbox: not announced twice.
  state.ownSave = (event) => {
    if (!event.detail.remoto) {
      state.mine.set(event.detail.path, Date.now());
    }
  };
  const ask = async () => {
    if (state.asking || document.hidden || !navigator.onLine) {
      return;
    }
    state.asking = true;
    try {
      const headers = {'Accept': 'application/json'};
      if (state.etag) {
        headers['If-None-Match'] = state.etag;
      }
      const query = state.upTo === null ? '' : `?desde=${state.upTo}`;
      const response = await fetch(`/api/v1/changes/${encodeURIComponent(school)}${query}`,
          {headers, credentials: 'same-origin', cache: 'no-store'});
      if (response.status !== 200) {
        return; // 304: nothing new; anything else (offline, module away): asked again later
      }
      const body = await response.json();
      state.etag = response.headers.get('ETag');
      const me = signedIn()?.usuario;
      const recent = Date.now() - 15000;
      for (const change of state.upTo === null ? [] : body.cambios) {
        if (change.usuario === me && (state.mine.get(change.ruta) || 0) > recent) {
          continue;
        }
        window.dispatchEvent(new CustomEvent('cte-guardado', {detail: {path: change.ruta, remoto: true,
          usuario: change.usuario}}));
      }
      state.upTo = body.ultimo;
    } catch (offline) {
      // asked again at the next turn
    } finally {
      state.asking = false;
    }
  };
  window.addEventListener('cte-guardado', state.ownSave);
  state.timer = setInterval(ask, WATCH_MS);
  watching = state;
  ask();
}

/**
 * A link to a place in the same page. The address's # is the router's, so the link moves the focus there itself
 * instead of changing the address.
 */
function inPage(targetId, ...children) {
  const link = el('a', {href: `#${targetId}`}, ...children);
  link.addEventListener('click', (event) => {
    event.preventDefault();
    const target = document.getElementById(targetId);
    if (target) {
      target.scrollIntoView();
      target.focus();
    }
  });
  return link;
}

/** The notes marked in the part on screen, gathered for its end with the numbers the printed guide gives them. */
class Footnotes {
  constructor(guide) {
    this.all = guide.footnotes || [];
    this.marked = [];
  }

  /** Superscript calls to the notes, where the guide prints them. */
  marks(ids) {
    return (ids || []).filter((id) => this.all.some((f) => f.id === id)).map((id) => {
      const number = this.all.findIndex((f) => f.id === id) + 1;
      if (!this.marked.includes(id)) {
        this.marked.push(id);
      }
      const link = inPage(`nota-${id}`, String(number));
      link.setAttribute('aria-label', `Nota ${number}`);
      return el('sup', {}, link);
    });
  }

  /** A text with its notes' marks where the guide prints them ("… escolar[^2]."). */
  text(text) {
    const parts = String(text).split(/\[\^([A-Za-z0-9][A-Za-z0-9_.-]*)]/);
    return parts.flatMap((part, i) => (i % 2 ? this.marks([part]) : part ? [part] : []));
  }

  /** The notes called in this part, numbered as in the guide. */
  list() {
    if (!this.marked.length) {
      return [];
    }
    const items = this.all.map((f, i) => [f, i + 1]).filter(([f]) => this.marked.includes(f.id))
        .map(([f, number]) => el('li', {id: `nota-${f.id}`, tabindex: '-1', value: String(number)}, f.text));
    return [el('section', {class: 'notas-pie', 'aria-labelledby': 'titulo-notas'},
        el('h3', {id: 'titulo-notas'}, 'Notas'), el('ol', {class: 'notas'}, ...items))];
  }
}

/** Paragraphs, then a lead and its items (purposes, materials, products), as the guide prints them. */
function itemList(title, list, notes, level = 3) {
  if (!list || (!list.lead && !(list.items || []).length)) {
    return [];
  }
  return [el(`h${level}`, {}, title), ...(list.lead ? [el('p', {}, ...notes.text(list.lead))] : []),
    el('ul', {}, ...(list.items || []).map((item) => el('li', {}, ...notes.text(item)))),
    ...(list.notes || []).map((note) => el('p', {class: 'nota'}, ...notes.text(note)))];
}

function webLink(url, text) {
  return el('a', {href: url, rel: 'noopener noreferrer', target: '_blank'}, text || url);
}

/**
 * The guide's running text as printed: paragraphs (with their notes' marks), links, videos, images shipped in the
 * guide bundle, tables (blank cells of a format to fill stay blank), lists, and notes added when it was encoded.
 */
function blocks(list, notes, state) {
  return (list || []).map((block) => {
    if (typeof block === 'string') {
      return el('p', {}, ...notes.text(block));
    }
    switch (block.type) {
      case 'enlace':
        return el('p', {class: 'enlace'}, webLink(block.url, block.title));
      case 'video':
        return el('p', {class: 'video'}, 'Video: ', webLink(block.url, block.title),
            block.minutes ? ` (${block.minutes} min)` : '');
      case 'imagen':
        return el('figure', {class: 'figura'},
            el('img', {src: `${state.path}/imagen?ruta=${encodeURIComponent(block.src)}`,
              alt: block.alt, loading: 'lazy'}),
            ...(block.caption ? [el('figcaption', {}, block.caption)] : []));
      case 'tabla':
        return el('table', {class: 'tabla tabla-guia'},
            ...(block.caption ? [el('caption', {}, block.caption)] : []),
            ...((block.header || []).length
              ? [el('thead', {}, el('tr', {}, ...block.header.map((h) => el('th', {scope: 'col'}, h))))] : []),
            el('tbody', {}, ...(block.rows || []).map((row) => el('tr', {},
                ...row.map((cell) => el('td', {}, ...notes.text(cell)))))));
      case 'lista':
        return el('ul', {}, ...(block.items || []).map((item) => el('li', {}, ...notes.text(item))));
      case 'nota-editorial':
        return el('p', {class: 'nota-editorial'}, editorialMark(), ' ', block.text);
      default:
        return el('p', {}, block.text || '');
    }
  });
}

/** When and how long, as the guide gives them: "lunes 16 de agosto de 2021 · 300 min". */
function whenAndHowLong(part) {
  const when = [part.date ? longDate(part.date) : '', part.minutes ? `${part.minutes} min` : '']
    .filter(Boolean).join(' · ');
  return when ? [el('p', {class: 'cuando'}, when)] : [];
}

function agendaTable(agenda, caption) {
  if (!(agenda || []).length) {
    return [];
  }
  return [el('table', {class: 'tabla agenda'}, el('caption', {}, caption),
      el('thead', {}, el('tr', {}, ...['Hora', 'Actividad', 'Duración'].map((h) => el('th', {scope: 'col'}, h)))),
      el('tbody', {}, ...agenda.map((item) => el('tr', {}, el('td', {}, item.time || ''),
          el('th', {scope: 'row'}, item.title), el('td', {}, item.minutes ? `${item.minutes} min` : '')))))];
}

/** A reference as printed: who, when, what, where; its address a link when it is a web address. */
function citation(c) {
  const text = [c.attribution, c.authors, c.year, c.title, c.source].filter(Boolean).join('. ');
  const link = c.url && /^https?:\/\//.test(c.url)
    ? [' ', el('a', {href: c.url, rel: 'noopener noreferrer', target: '_blank'}, c.url)] : [];
  return [text ? `${text}.` : '', ...link];
}

function readingBlock(reading, level, headingId, notes, state) {
  const parts = [el(`h${level}`, headingId ? {id: headingId, tabindex: '-1'} : {}, ...titleOf(reading),
      ...provenanceMark(state.guide, `lectura:${reading.id}`))];
  parts.push(...blocks(reading.paragraphs, notes, state));
  if ((reading.items || []).length) {
    parts.push(el('ul', {}, ...reading.items.map((i) => el('li', {}, ...notes.text(i)))));
  }
  if (reading.citation) {
    parts.push(el('p', {class: 'cita'}, ...citation(reading.citation)));
  }
  return el('section', {class: 'lectura-completa', id: `lectura-${reading.id}`}, ...parts);
}

/** The guide's parts in reading order, each with the address of its view and where it sits. */
function outline(guide) {
  const sections = [];
  const activities = [];
  const walk = (parts, trail, prefix) => parts.forEach((part, index) => {
    const id = part.id || `${prefix}${index + 1}`;
    const heading = [part.label, part.title].filter(Boolean).join(' ') || SECTION_KIND[part.kind]
      || `Apartado ${index + 1}`;
    const entry = {id, part, heading, trail, activities: []};
    sections.push(entry);
    for (const item of part.activities || []) {
      const activity = {item, section: entry};
      entry.activities.push(activity);
      activities.push(activity);
    }
    entry.children = [];
    const before = sections.length;
    walk(part.sections || [], [...trail, entry], `${id}-`);
    entry.children = sections.slice(before).filter((s) => s.trail.at(-1) === entry);
  });
  walk(guide.sections || [], [], 's');
  return {sections, activities, top: sections.filter((s) => !s.trail.length)};
}

/** The table of contents: presentation, sections with their activities, readings and references. */
function contents(state) {
  const {base, guide, map} = state;
  const activityLink = (a) => el('li', {}, el('a', {href: `${base}/actividad/${a.item.number}`,
    'data-vista': `actividad/${a.item.number}`}, a.item.label ? `${a.item.label}. ${a.item.title || ''}`
    : a.item.title || 'Actividad sin número'));
  const sectionItem = (s) => el('li', {}, el('a', {href: `${base}/apartado/${encodeURIComponent(s.id)}`,
    'data-vista': `apartado/${s.id}`}, s.heading),
  ...(s.activities.length || s.children.length
    ? [el('ol', {}, ...s.activities.map(activityLink), ...s.children.map(sectionItem))] : []));
  const items = [el('li', {}, el('a', {href: base, 'data-vista': ''}, 'Presentación')), ...map.top.map(sectionItem)];
  if ((guide.readings || []).length) {
    items.push(el('li', {}, 'Lecturas', el('ol', {}, ...guide.readings.map((r) => el('li', {},
        el('a', {href: `${base}/lectura/${encodeURIComponent(r.id)}`, 'data-vista': `lectura/${r.id}`}, r.title))))));
  }
  if ((guide.references || []).length) {
    items.push(el('li', {}, el('a', {href: `${base}/referencias`, 'data-vista': 'referencias'}, 'Referencias')));
  }
  const details = el('details', {class: 'indice'}, el('summary', {}, 'Índice de la sesión'),
      el('nav', {'aria-label': 'Índice de la sesión'}, el('ol', {}, ...items)));
  if (window.matchMedia('(min-width: 56rem)').matches) {
    details.open = true;
  }
  return details;
}

function markCurrent(index, view) {
  for (const link of index.querySelectorAll('a[data-vista]')) {
    if (link.dataset.vista === view) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
}

function presentation(state, notes) {
  const {guide, base, map} = state;
  const content = [el('h2', {id: 'vista-titulo', tabindex: '-1'}, 'Presentación')];
  if (guide.publisher?.name) {
    content.push(el('p', {class: 'publica'}, `Publica: ${guide.publisher.name}`));
  }
  content.push(...overlayNotice(guide));
  if ((guide.dates || []).length) {
    content.push(el('p', {class: 'cuando'}, `Fecha: ${guide.dates.map(longDate).join(', ')}`));
  }
  if ((guide.introduction || []).length) {
    content.push(el('h3', {}, 'Introducción'), ...blocks(guide.introduction, notes, state));
  }
  content.push(...itemList('Propósitos', guide.purposes, notes), ...(guide.provenance?.items?.propositos
    ? [el('p', {class: 'nota'}, 'Incluye propósitos agregados por la entidad.')] : []),
  ...itemList('Materiales', guide.materials, notes),
      ...itemList('Productos', guide.products, notes), ...agendaTable(guide.agenda, 'Agenda de trabajo'));
  if ((guide.publisher?.credits || []).length) {
    content.push(el('details', {class: 'creditos'}, el('summary', {}, 'Créditos'),
        ...guide.publisher.credits.map((line) => el('p', {}, line))));
  }
  const first = map.activities[0];
  if (first) {
    content.push(el('p', {class: 'siguiente'}, el('a', {href: `${base}/actividad/${first.item.number}`},
        `Comenzar: ${activityName(first.item).replace(/^Actividad/, 'actividad')}`)));
  }
  return content;
}

function sectionView(state, entry, notes) {
  const {guide, base} = state;
  const part = entry.part;
  const content = [];
  if (entry.trail.length) {
    content.push(el('p', {class: 'ruta'}, entry.trail.map((s) => s.heading).join(' › ')));
  }
  const kind = SECTION_KIND[part.kind];
  if (kind) {
    content.push(el('p', {class: `tipo-seccion tipo-${part.kind}`}, kind));
  }
  const heading = part.title ? [...(part.label ? [`${part.label} `] : []), ...titleOf(part)] : [entry.heading];
  content.push(el('h2', {id: 'vista-titulo', tabindex: '-1', class: `apartado tipo-${part.kind || 'apartado'}`},
      ...heading, ...notes.marks(part.footnotes), ...provenanceMark(guide, `seccion:${part.id}`)));
  content.push(...whenAndHowLong(part));
  content.push(...blocks(part.intro, notes, state));
  content.push(...itemList('Propósitos', part.purposes, notes), ...itemList('Materiales', part.materials, notes),
      ...itemList('Productos', part.products, notes));
  content.push(...agendaTable(part.agenda, `Agenda: ${entry.heading}`));
  for (const id of part.readings || []) {
    const reading = (guide.readings || []).find((r) => r.id === id);
    if (reading) {
      content.push(readingBlock(reading, 3, null, notes, state));
    }
  }
  if (entry.activities.length || entry.children.length) {
    content.push(el('ul', {class: 'contenido-apartado'},
        ...entry.activities.map((a) => el('li', {}, el('a', {href: `${base}/actividad/${a.item.number}`},
            a.item.label ? `${activityName(a.item)}. ${a.item.title || ''}` : activityName(a.item)))),
        ...entry.children.map((s) => el('li', {}, el('a', {href: `${base}/apartado/${encodeURIComponent(s.id)}`},
            s.heading)))));
  }
  content.push(...blocks(part.closing, notes, state));
  return content;
}

/** One activity as the guide gives it: instructions, questions, sentence frames, criteria, notes, readings, product. */
function activityView(state, entry, notes) {
  const {guide, base, map} = state;
  const item = entry.item;
  const trail = [...entry.section.trail, entry.section];
  const block = el('article', {class: 'actividad', id: `actividad-${item.number}`},
      el('p', {class: 'ruta'}, ...trail.flatMap((s, i) => [i ? ' › ' : '',
        el('a', {href: `${base}/apartado/${encodeURIComponent(s.id)}`}, s.heading)])),
      el('h2', {id: 'vista-titulo', tabindex: '-1'},
          ...(item.label ? [el('span', {class: 'numero'}, `${activityName(item)}. `)] : []),
          ...(item.title ? titleOf(item) : item.label ? [] : [activityName(item)]), ...notes.marks(item.footnotes),
          ...provenanceMark(guide, `actividad:${item.number}`)));
  const participations = (item.participations || []).map((p) => p.label);
  if (participations.length) {
    block.append(el('p', {class: 'participacion'}, participations.join(' · ')));
  }
  block.append(...whenAndHowLong(item));
  block.append(...itemList('Propósitos', item.purposes, notes, 3), ...itemList('Materiales', item.materials, notes, 3));
  block.append(...blocks(item.instructions, notes, state));
  const questions = (item.prompts || []).filter((p) => p.kind === 'pregunta' || p.kind === 'consigna');
  if (questions.length) {
    block.append(el('ul', {class: 'preguntas'},
        ...questions.map((p) => el('li', {}, ...notes.text(p.text), ...notes.marks(p.footnotes)))));
  }
  const frames = (item.prompts || []).filter((p) => p.kind === 'frase');
  if (frames.length) {
    block.append(el('p', {class: 'subtitulo'}, 'Frases para completar:'),
        el('ul', {class: 'frases'}, ...frames.map((p) => el('li', {}, ...notes.text(p.text), ...notes.marks(p.footnotes)))));
  }
  if ((item.criteria || []).length) {
    block.append(el('ul', {class: 'criterios'},
        ...item.criteria.map((c) => el('li', {}, `${c.key}) `, ...notes.text(c.text)))));
  }
  for (const text of item.notes || []) {
    block.append(el('p', {class: 'nota'}, ...notes.text(text)));
  }
  for (const id of item.readings || []) {
    const reading = (guide.readings || []).find((r) => r.id === id);
    if (reading) {
      block.append(el('p', {class: 'lectura'}, 'Lectura: ',
          el('a', {href: `${base}/lectura/${encodeURIComponent(id)}`}, reading.title)));
    }
  }
  for (const product of item.products || []) {
    block.append(el('p', {class: 'producto'}, `${product.optional ? 'Producto opcional' : 'Producto'}: `
        + `${product.title || product.type}`, ...provenanceMark(guide, `producto:${item.number}:${product.type}`)));
    if (product.description) {
      block.append(el('p', {class: 'ayuda'}, product.description));
    }
    if (state.editing) {
      block.append(editorFor(state, item, product));
    }
  }
  const position = map.activities.indexOf(entry);
  const previous = map.activities[position - 1];
  const next = map.activities[position + 1];
  const steps = el('nav', {class: 'pasos', 'aria-label': 'Actividades'});
  if (previous) {
    steps.append(el('a', {href: `${base}/actividad/${previous.item.number}`, rel: 'prev'},
        `← ${activityName(previous.item)}`));
  }
  if (next) {
    steps.append(el('a', {href: `${base}/actividad/${next.item.number}`, rel: 'next'},
        `${activityName(next.item)} →`));
  }
  return [block, steps];
}

function readingView(state, reading, notes) {
  return [readingBlock(reading, 2, 'vista-titulo', notes, state)];
}

function referencesView(state) {
  return [el('h2', {id: 'vista-titulo', tabindex: '-1'}, 'Referencias'),
    el('ul', {class: 'referencias'}, ...(state.guide.references || []).map((c) => el('li', {}, ...citation(c))))];
}

/** The part of the guide an address names: '' (presentation), apartado/{id}, actividad/{n}, lectura/{id}... */
function viewOf(state, view) {
  const notes = new Footnotes(state.guide);
  const [kind, id] = [view.split('/')[0], view.split('/').slice(1).join('/')];
  let content = null;
  if (!kind) {
    content = presentation(state, notes);
  } else if (kind === 'actividad') {
    const entry = state.map.activities.find((a) => String(a.item.number) === id);
    content = entry && activityView(state, entry, notes);
  } else if (kind === 'apartado') {
    const entry = state.map.sections.find((s) => s.id === id);
    content = entry && sectionView(state, entry, notes);
  } else if (kind === 'lectura') {
    const reading = (state.guide.readings || []).find((r) => r.id === id);
    content = reading && readingView(state, reading, notes);
  } else if (kind === 'referencias' && (state.guide.references || []).length) {
    content = referencesView(state);
  }
  if (!content) {
    return [el('h2', {id: 'vista-titulo', tabindex: '-1'}, 'Esta parte no existe en la guía'),
      el('p', {}, 'La dirección no corresponde a ninguna actividad ni apartado de esta edición. ',
          el('a', {href: state.base}, 'Ir a la presentación'), '.')];
  }
  return [...content, ...notes.list()];
}

/**
 * A guide's screen: target is its key (the active edition) or key@version (one edition, one that waits for a
 * module), then the part to show. Moving within the guide replaces only the part; the index stays where it was.
 */
export async function guideScreen(route) {
  const [target, ...rest] = route.split('/');
  const view = rest.join('/');
  const path = guidePath(route);
  const pane = document.getElementById('guia-vista');
  if (opened && opened.path === path && pane) {
    showPart(opened, view, pane, true);
    return;
  }
  const session = signedIn();
  const school = schoolOf(session);
  const staffReading = school ? api(`/api/v1/schools/${encodeURIComponent(school)}/staff`)
    .catch(() => ({personal: []})) : Promise.resolve({personal: []});
  const [edition, types] = await Promise.all([api(path),
    api('/api/v1/product-types').catch(() => ({productTypes: []}))]);
  const map = outline(edition.guide);
  if (school) {
    // The editor of the activity on screen is asked for now, while the staff's names are still on their way.
    const shown = map.activities.find((a) => view === `actividad/${a.item.number}`);
    for (const {type} of shown?.item.products || []) {
      if (types.productTypes.some((t) => t.id === type)) {
        askForEditor(type);
        startFirstReads(type, {escuela: school, periodo: workingPeriod(school).period(), sesion: edition.key,
          actividad: shown.item.number, tipo: type});
      }
    }
  }
  const staff = await staffReading;
  if (decodeURIComponent(location.hash.slice(1)) !== `guia/${route}`) {
    return; // the person moved on while the guide was read: the newer address draws its own page
  }
  const state = {
    path, guide: edition.guide, map, base: `#guia/${encodeURIComponent(target)}`,
    editing: school ? {school, session: edition.key, types: new Set(types.productTypes.map((t) => t.id)),
      people: new Map(staff.personal.map((person) => [person.usuario, person.nombre]))} : null,
  };
  const content = [el('p', {}, el('a', {href: '#'}, 'Volver al inicio'))];
  if (edition.guide.subtitle) {
    content.push(el('p', {class: 'subtitulo'}, edition.guide.subtitle));
  }
  if ((edition.missingProductTypes || []).length) {
    content.push(el('p', {class: 'aviso-modulo', role: 'status'}, 'Falta instalar el módulo que guarda: '
        + `${edition.missingProductTypes.join(', ')}. Las actividades que lo necesitan lo indican; las demás se`
        + ' trabajan como siempre.'));
  }
  const index = contents(state);
  const newPane = el('section', {id: 'guia-vista', class: 'guia-vista', 'aria-labelledby': 'vista-titulo'});
  state.index = index;
  content.push(el('div', {class: 'guia'}, index, newPane));
  opened = state;
  show(edition.guide.title, ...content);
  if (school) {
    watchSchool(school);
  }
  showPart(state, view, newPane, false);
}

function showPart(state, view, pane, focus) {
  pane.replaceChildren(...viewOf(state, view));
  markCurrent(state.index, view);
  if (focus) {
    const heading = document.getElementById('vista-titulo');
    heading?.focus();
    if (!window.matchMedia('(min-width: 56rem)').matches) {
      state.index.open = false;
    }
  }
}

/** The school the signed-in person works in, if any (a teacher or a director). */
/** The month the school is working on, shared by the editors of a session and remembered per school in this browser. */
function workingPeriod(school) {
  const key = `cte-periodo-${school}`;
  return {
    period: () => localStorage.getItem(key) || new Date().toISOString().slice(0, 7),
    setPeriod: (value) => localStorage.setItem(key, value),
  };
}

/** A month field for the working period; changing it remembers the choice for the session's other editors. */
function periodPicker(working, id, label, onChange) {
  const input = el('input', {id, type: 'month', value: working.period(), pattern: '[0-9]{4}-[0-9]{2}'});
  input.addEventListener('change', () => {
    if (/^\d{4}-\d{2}$/.test(input.value)) {
      working.setPeriod(input.value);
      onChange(input.value);
    }
  });
  return [el('label', {for: id}, label), input];
}

/** The name of a person of the school on screen, for a login id; the id itself for someone else. */
function personName(username) {
  return opened?.editing?.people.get(username) || username;
}

/**
 * The person's edits to a record that met a newer saved version (409), each next to that version: they save theirs
 * over it (with the saved version's number) or keep the saved one. Nothing is overwritten without their choice. A
 * removal names its version in the address (?version=N): it matches the record's path without it, and is sent again
 * with the saved version's number there.
 */
function conflictBoxes(path, describe, onDone) {
  return conflicts().filter((edit) => edit.path.split('?')[0] === path).map((edit) => {
    const actual = edit.actual;
    const removing = edit.method === 'DELETE';
    const keepMine = el('button', {type: 'button'}, removing ? 'Quitarlo de todos modos' : 'Guardar la mía encima');
    const keepTheirs = el('button', {type: 'button'}, 'Quedarme con la guardada');
    keepMine.addEventListener('click', async () => {
      discardConflict(edit.key);
      if (removing) {
        await send(edit.label, 'DELETE', edit.path.replace(/([?&]version=)\d+/, `$1${actual.version}`));
      } else {
        await send(edit.label, edit.method, edit.path, {...edit.body, version: actual.version});
      }
      await onDone();
    });
    keepTheirs.addEventListener('click', async () => {
      discardConflict(edit.key);
      await onDone();
    });
    return el('div', {class: 'conflicto', role: 'group', 'aria-label': 'Cambio en conflicto'},
        el('p', {}, el('strong', {}, 'Alguien más guardó otra versión mientras usted editaba.')),
        el('dl', {},
            el('dt', {}, 'Su versión (sin guardar)'), el('dd', {}, removing ? 'Quitarlo' : describe(edit.body)),
            el('dt', {}, `La guardada${actual?.registro ? `, por ${personName(actual.registro)}` : ''}`),
            el('dd', {}, actual ? describe(actual) : 'pulse «Quedarme con la guardada» para verla')),
        ...(actual ? [keepMine, ' '] : []), keepTheirs);
  });
}

/**
 * Refreshes an editor when the outbox stores or sets aside an edit to one of its paths, or a colleague's device saved
 * one, while it is on the page. A colleague's change waits while the person is typing in that editor, so the field
 * under their fingers is not drawn again, and while the editor asks them something («¿Eliminar…?»), so the question
 * does not vanish under the pointer; it is read as soon as the focus leaves the editor or the question is answered.
 */
function refreshOnOutbox(container, matches, refresh) {
  let waiting = false;
  const later = () => {
    waiting = false;
    refresh();
  };
  const listener = (event) => {
    if (!container.isConnected) {
      window.removeEventListener('cte-guardado', listener);
      window.removeEventListener('cte-conflicto', listener);
    } else if (matches(event.detail.path)) {
      const remote = Boolean(event.detail.remoto);
      const typing = remote && container.contains(document.activeElement)
        && document.activeElement.matches(DRAFTED);
      const asking = remote && container.querySelector('.confirmacion') !== null;
      if (!typing && !asking) {
        refresh();
      } else if (!waiting) {
        waiting = true;
        if (asking) {
          // After the answer's own work has started (a removal), not before it.
          container.addEventListener('cte-respondida', () => setTimeout(later, 0), {once: true});
        } else {
          container.addEventListener('focusout', function leave(leaving) {
            if (!container.contains(leaving.relatedTarget)) {
              container.removeEventListener('focusout', leave);
              later();
            }
          });
        }
      }
    }
  };
  window.addEventListener('cte-guardado', listener);
  window.addEventListener('cte-conflicto', listener);
}

let questions = 0;

/**
 * Asks in the page, right after what was pressed: the question, a button that confirms it and one that cancels.
 * Resolves true or false; the focus goes to the confirming button, and back to what was pressed when cancelled.
 */
function confirmInPlace(anchor, question, yesLabel) {
  anchor.parentElement.querySelector(':scope > .confirmacion')?.remove();
  return new Promise((resolve) => {
    const questionId = `pregunta-${++questions}`;
    const yes = el('button', {type: 'button'}, yesLabel);
    const no = el('button', {type: 'button', class: 'secundario'}, 'Cancelar');
    const box = el('div', {class: 'confirmacion', role: 'alertdialog', 'aria-labelledby': questionId},
        el('p', {id: questionId}, question), yes, ' ', no);
    const close = (answer) => {
      // Said before the box goes, so that it reaches the editor: a colleague's change held while asking is read now.
      box.dispatchEvent(new CustomEvent('cte-respondida', {bubbles: true}));
      box.remove();
      if (!answer && anchor.isConnected) {
        anchor.focus();
      }
      resolve(answer);
    };
    yes.addEventListener('click', () => close(true));
    no.addEventListener('click', () => close(false));
    anchor.after(box);
    yes.focus();
  });
}

/** Fields whose typed text is kept as a draft: what a person writes, not what they pick. */
const DRAFTED = 'textarea, input:not([type]), input[type=text], input[type=number], input[type=url], input[type=email]';

/** The drafted fields under root by their key, looked up once for all the drafts being put back. */
function fieldsByKey(root) {
  return new Map([...root.querySelectorAll(DRAFTED)].map((field) => [fieldKey(field), field]));
}

function fieldKey(field) {
  if (field.id) {
    return field.id;
  }
  return field.form?.id && field.name ? `${field.form.id}.${field.name}` : null;
}

/**
 * What a person typed and has not saved stays in this browser, per person, school and session, until it is saved:
 * an editor that draws itself again after another field's save, or a reload, finds the text where it was.
 */
class Drafts {
  constructor(user, school, session) {
    this.storageKey = `cte-borradores:${user}:${school}:${session}`;
  }

  read() {
    try {
      return JSON.parse(localStorage.getItem(this.storageKey) || '{}');
    } catch (e) {
      return {};
    }
  }

  write(drafts) {
    if (Object.keys(drafts).length) {
      localStorage.setItem(this.storageKey, JSON.stringify(drafts));
    } else {
      localStorage.removeItem(this.storageKey);
    }
  }

  keep(key, value) {
    this.write({...this.read(), [key]: value});
  }

  forget(keys) {
    const drafts = this.read();
    keys.forEach((key) => delete drafts[key]);
    this.write(drafts);
  }

  /** Puts every kept draft back into its field in the slot; says how many fields hold unsaved text. */
  restore(slot) {
    let unsaved = 0;
    const drafts = Object.entries(this.read());
    const fields = drafts.length ? fieldsByKey(slot) : new Map();
    for (const [key, value] of drafts) {
      const field = fields.get(key);
      if (field) {
        if (field.value !== value) {
          field.value = value;
        }
        field.classList.add('borrador');
        unsaved++;
      }
    }
    return unsaved;
  }
}

/**
 * Ties each save to the button that made it: the button waits while the edit travels (so a double click is one
 * save), and next to it the outcome is said: saved at what time, kept to be sent, in conflict, or refused and why.
 */
function saveFeedback(slot, drafts, lastSave) {
  let trigger = null;
  const release = (button) => {
    delete button.dataset.ocupado;
    button.disabled = false;
    button.removeAttribute('aria-busy');
  };
  const busy = (button) => {
    button.dataset.ocupado = 'si';
    // Disabled after the click's own handlers ran: a control disabled while its click is dispatched may lose it.
    setTimeout(() => {
      if (button.dataset.ocupado) {
        button.disabled = true;
        button.setAttribute('aria-busy', 'true');
      }
    }, 0);
  };
  /**
   * Notes which button a press came from, so that the save it makes is said next to it; a second press while that
   * save still travels (a double click) is stopped here, before the editor's own handler sees it.
   */
  const hold = (event, button, form) => {
    if (!button) {
      return;
    }
    if (button.dataset.ocupado) {
      event.preventDefault();
      event.stopPropagation();
      return;
    }
    const fields = form ? [...form.querySelectorAll(DRAFTED)].map((f) => [fieldKey(f), f.value])
        .filter(([key]) => key) : [];
    trigger = {button, fields, at: Date.now()};
  };
  slot.addEventListener('submit', (event) => {
    const form = event.target;
    hold(event, event.submitter || form.querySelector('button[type=submit], button:not([type])'), form);
  }, true);
  slot.addEventListener('click', (event) => {
    const button = event.target.closest('button[type=button]');
    if (button && slot.contains(button)) {
      hold(event, button, null);
    }
  }, true);
  const statusNear = (button) => {
    let status = button.nextElementSibling;
    if (!status?.classList.contains('estado-guardado')) {
      status = el('span', {class: 'estado-guardado', role: 'status'});
      button.after(status);
    }
    return status;
  };
  // The last outcome stays next to its form's button even when the editor draws the form again after the save.
  let shown = null;
  const place = () => {
    if (!shown) {
      return;
    }
    let line = lastSave;
    const field = shown.anchor && fieldsByKey(slot).get(shown.anchor);
    const button = field?.form?.querySelector('button[type=submit], button:not([type])')
        || (shown.button?.isConnected ? shown.button : null);
    if (button) {
      line = statusNear(button);
    }
    for (const other of slot.parentElement.querySelectorAll('.estado-guardado')) {
      if (other !== line && other.textContent) {
        other.textContent = '';
      }
    }
    if (line.textContent !== shown.text) {
      line.classList.remove('hecho', 'error');
      if (shown.kind) {
        line.classList.add(shown.kind);
      }
      line.textContent = shown.text;
    }
  };
  const send = (label, method, path, body) => {
    const claimed = trigger && Date.now() - trigger.at < 10000 ? trigger : null;
    trigger = null;
    if (claimed) {
      busy(claimed.button);
      drafts.forget(claimed.fields.map(([key]) => key));
      claimed.button.form?.querySelectorAll('.borrador').forEach((field) => field.classList.remove('borrador'));
    }
    return sendWithOutcome(label, method, path, body).then((outcome) => {
      if (claimed) {
        release(claimed.button);
      }
      const said = {anchor: claimed?.fields[0]?.[0], button: claimed?.button};
      if (outcome.estado === 'guardado') {
        shown = {...said, kind: 'hecho', text: `Guardado a las ${timeOfDay()}`};
      } else if (outcome.estado === 'pendiente') {
        shown = {...said, text: 'Sin conexión: se guardará al volver la conexión.'};
      } else if (outcome.estado === 'conflicto') {
        shown = {...said, text: 'No se guardó: alguien más cambió lo mismo; vea las dos versiones.'};
      } else {
        shown = {...said, kind: 'error', text: `No se guardó: ${outcome.detail}`};
        if (claimed) {
          // Refused: what the person typed is theirs again, kept as a draft until it is saved.
          claimed.fields.forEach(([key, value]) => drafts.keep(key, value));
          drafts.restore(slot);
        }
      }
      place();
      return outcome.estado === 'guardado' ? outcome.answer : null;
    });
  };
  return {send, place};
}

const asked = new Set();

/**
 * Asks for all the scripts of the module that has a type's editor at once, not one import after another (a round trip
 * each on a slow link); once per module and page.
 */
function askForEditor(type) {
  const where = UI_MODULES.tipos?.[type];
  if (where && !asked.has(where)) {
    asked.add(where);
    for (const file of UI_MODULES.archivos?.[where] || []) {
      document.head.append(el('link', {rel: 'modulepreload', href: `/ui/editores/${where}/${file}`}));
    }
  }
}

/**
 * Starts the reads the editor of a type begins with, as its module declares them (lecturas.json: by type, or '*' for
 * its other types), so that they travel with the editor's files instead of after them; the editor's own api() call
 * takes each answer.
 */
function startFirstReads(type, values) {
  const declared = UI_MODULES.lecturas?.[UI_MODULES.tipos?.[type]] || {};
  const paths = (declared[type] || declared['*'] || [])
    .map((address) => address.replace(/\{(\w+)\}/g, (placeholder, name) => encodeURIComponent(values[name])));
  paths.forEach(prefetch);
  return paths;
}

/**
 * Where a type's editor is: at the address of its module's version, the same for all the module's types, so the
 * browser fetches it once and keeps it; at the type's own address for a module the page did not know yet.
 */
function editorAddress(type) {
  const where = UI_MODULES.tipos?.[type];
  askForEditor(type);
  return where ? `/ui/editores/${where}/editor.js` : `/ui/modulos/${encodeURIComponent(type)}/editor.js`;
}

/**
 * What the installed evidence module shows for one owner (its photos and PDFs, and a way to attach one), folded away
 * until opened so a list of agreements costs no request per item; nothing when no module brings evidence. Editors
 * and the homes' panels ask for it with ctx.evidence({tipo, id}).
 */
export function evidenceOf(owner, context) {
  const places = UI_MODULES.paneles?.evidencias || [];
  if (!places.length) {
    return [];
  }
  const body = el('div', {});
  const fold = el('details', {class: 'evidencias'}, el('summary', {}, 'Evidencias'), body);
  fold.addEventListener('toggle', async () => {
    if (!fold.open || fold.dataset.cargado) {
      return;
    }
    fold.dataset.cargado = 'si';
    const parts = await Promise.all(places.map(async (where) => {
      try {
        const module = await import(`/ui/editores/${where}/editor.js`);
        return module.evidencias ? await module.evidencias({el, api, sendFile, pendingFiles,
          maxKeptFile: MAX_KEPT_FILE, ...context, owner}) : null;
      } catch (failure) {
        return {contenido: [el('p', {class: 'aviso-modulo'}, `Las evidencias no pudieron abrirse: ${failure.message}`)]};
      }
    }));
    body.replaceChildren(...parts.filter(Boolean).flatMap((part) => part.contenido));
  });
  return [fold];
}

/**
 * The editor of an activity's product comes from the module that owns its type: the module's bundle serves it at
 * /ui/modulos/{tipo}/editor.js, so a module installed later brings its screens without touching this bundle, and a
 * module that is missing shows as such.
 */
function editorFor(state, item, product) {
  const editing = state.editing;
  const type = product.type;
  const slot = el('div', {class: 'editor', 'data-tipo': type});
  if (!editing.types.has(type)) {
    slot.append(el('p', {class: 'aviso-modulo'}, `El módulo que guarda «${(product.title || type)}» no está instalado;`
        + ' avise a quien administra la plataforma.'));
    return slot;
  }
  const user = signedIn();
  const drafts = new Drafts(user.usuario, editing.school, editing.session);
  const unsaved = el('p', {class: 'estado-actividad', role: 'status'});
  const editorArea = el('div', {});
  const lastSave = el('p', {class: 'estado-guardado', role: 'status'});
  slot.append(unsaved, editorArea, lastSave);
  const showDrafts = () => {
    const count = drafts.restore(editorArea);
    const text = count ? 'Hay texto sin guardar en esta actividad; se conserva en este navegador hasta que lo guarde.'
      : '';
    if (unsaved.dataset.borradores !== String(count)) {
      unsaved.dataset.borradores = String(count);
      unsaved.textContent = text;
    }
  };
  editorArea.addEventListener('input', (event) => {
    const key = fieldKey(event.target);
    if (key && event.target.matches(DRAFTED)) {
      drafts.keep(key, event.target.value);
      event.target.classList.add('borrador');
    }
  });
  const feedback = saveFeedback(editorArea, drafts, lastSave);
  new MutationObserver(() => {
    showDrafts();
    feedback.place();
  }).observe(editorArea, {childList: true, subtree: true});
  const working = workingPeriod(editing.school);
  // What an editor may use of the page: helpers, the outbox, the working period, who and where.
  // data-estado says when the editor has drawn (or failed): what the cold-load benchmark waits for.
  const drawn = () => {
    slot.dataset.estado = 'listo';
  };
  const noEditor = () => {
    editorArea.replaceChildren(el('p', {class: 'aviso-modulo'}, `«${(product.title || type)}» aún no tiene editor en`
        + ' línea: el colectivo lo registra en papel o en el formato de la guía. Quien administra la plataforma lo ve'
        + ' en la lista de productos sin editor.'));
  };
  if (UI_MODULES.tipos && !UI_MODULES.tipos[type]) {
    noEditor(); // the page knows every installed module's editors: asking the server would only bring a 404
    drawn();
    return slot;
  }
  // Started with the editor's files when they are not here yet (an activity of another module); taken by the editor.
  const firstReads = startFirstReads(type, {escuela: editing.school, periodo: working.period(),
    sesion: editing.session, actividad: item.number, tipo: type});
  import(editorAddress(type)).then((module) => Promise.resolve(module.render(editorArea, {
    el, api, send: feedback.send, pendingEdits, flush, lightTable, conflictBoxes, refreshOnOutbox, confirmInPlace,
    personName, longDate,
    ...working,
    periodPicker: (id, label, onChange) => periodPicker(working, id, label, onChange),
    user, school: editing.school, session: editing.session, guide: state.guide,
    directs: user.roles.some((r) => r.rol === 'director' && r.ambito === editing.school),
    activity: item.number, product,
    evidence: (owner) => evidenceOf(owner, {user, school: editing.school, confirmInPlace,
      writable: user.roles.some((r) => (r.rol === 'director' || r.rol === 'docente') && r.ambito === editing.school)}),
  })).catch((failure) => {
    editorArea.replaceChildren(el('p', {class: 'error'}, `El editor de «${(product.title || type)}» no pudo abrirse:`
        + ` ${failure.message}. Recargue la página; si se repite, avise a quien administra la plataforma.`));
  }), noEditor).finally(() => {
    forgetEarly(firstReads);
    drawn();
  });
  return slot;
}
