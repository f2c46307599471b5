// What every screen of the shell and every module's editor shares: elements built safely, the API called with the
// signed-in person's CSRF token, a page shown with its title. Text from the server is always set with textContent
// (el), never as HTML, so nothing a user typed can run in another user's page.

import {lightChart} from './graficas.js';
import {takeEarly} from './inicio.js';

const main = document.getElementById('principal');
let signedInSession = null;

/** The signed-in person's session as the server gave it, or null. */
export function signedIn() {
  return signedInSession;
}

export function setSignedIn(session) {
  signedInSession = session;
}

/** Builds an element: el('li', {class: 'x'}, 'texto', otroElemento). */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  if (tag === 'table' && !element.hasAttribute('tabindex')) {
    // A table wider than a phone scrolls inside its box: the keyboard must be able to reach and scroll it too.
    element.setAttribute('tabindex', '0');
  }
  return element;
}

/**
 * What the installed modules bring, as the page carried it (UiEntryServlet): where each product type's editor is
 * ({bundle}/{versión}), the script modules at each place, and the modules that add a panel to each home.
 */
export const UI_MODULES = JSON.parse(document.getElementById('editores')?.textContent || '{}');

/**
 * A call to the platform's API: options.body travels as JSON, options.file (a File or Blob from a file input) as
 * itself with its own type; a write carries the session's CSRF token.
 */
export async function api(path, options = {}) {
  const started = options.method ? null : await takeEarly(path);
  const headers = {'Accept': 'application/json'};
  if (options.file !== undefined) {
    headers['Content-Type'] = options.file.type || 'application/octet-stream';
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (signedInSession && options.method && options.method !== 'GET') {
    headers['X-CSRF-Token'] = signedInSession.csrfToken;
  }
  const response = started || await fetch(path, {
    method: options.method || 'GET',
    headers,
    body: options.file !== undefined ? options.file
      : options.body === undefined ? undefined : JSON.stringify(options.body),
    credentials: 'same-origin',
  });
  showConnection(response.headers.get('X-Cte-Sin-Conexion'));
  const body = response.headers.get('Content-Type')?.includes('json') ? await response.json() : null;
  if (!response.ok) {
    const error = new Error(body?.detail || `El servidor respondió ${response.status}`);
    error.status = response.status;
    // Each field at fault ({campo, mensaje}), for a form to point at them.
    error.fields = body?.campos || (body?.campo ? [{campo: body.campo, mensaje: body.detail}] : []);
    throw error;
  }
  return body;
}

/** Shows a page: its title in the tab and as the heading, its content, and the focus on it for screen readers. */
export function show(title, ...content) {
  document.title = `${title} · Consejo Técnico Escolar`;
  main.replaceChildren(el('h1', {}, title), ...content);
  main.focus();
}

/** Counts by progress as the traffic light shows them, one cell each. */
export function tallyCells(tally) {
  return ['logrado', 'en-proceso', 'sin-avance'].map((key) => el('td', {class: `cuenta ${key}`}, String(tally[key])));
}

export const LIGHT_HEADERS = ['Logrado', 'En proceso', 'Sin avance'];

/**
 * The traffic light of some units (schools, zones, grades, areas): a chart of the shares and the table of the counts,
 * one row per unit. The table keeps the id, for links and tests.
 */
export function lightTable(id, caption, header, rows) {
  const table = el('table', {class: 'tabla', id},
      el('caption', {}, caption),
      el('thead', {}, el('tr', {}, el('th', {scope: 'col'}, header),
          ...LIGHT_HEADERS.map((h) => el('th', {scope: 'col'}, h)))),
      el('tbody', {}, ...(rows.length ? rows.map(([label, tally]) => el('tr', {}, el('th', {scope: 'row'}, label),
          ...tallyCells(tally))) : [el('tr', {}, el('td', {colspan: String(LIGHT_HEADERS.length + 1)},
          'Aún no hay valoraciones compartidas en este periodo.'))])));
  const chart = lightChart(caption, rows);
  return chart ? el('div', {class: 'semaforo'}, chart, table) : table;
}

/** Replaces a list's content only when what the server says changed, so a periodic refresh keeps focus and reading. */
export function refreshInto(container, data, render) {
  const text = JSON.stringify(data);
  if (container.dataset.contenido !== text) {
    container.dataset.contenido = text;
    container.replaceChildren(...render(data));
  }
}

const LONG_DATE = new Intl.DateTimeFormat('es-MX', {dateStyle: 'long'});

/**
 * "27 de enero de 2017" for a date ("2017-01-27", read as that day wherever the browser is) or an instant; the text
 * as it came when it is neither.
 */
export function longDate(value) {
  if (!value) {
    return '';
  }
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : LONG_DATE.format(date);
}

const TIME = new Intl.DateTimeFormat('es-MX', {hour: 'numeric', minute: '2-digit'});

/** "10:42 a.m." as people in Mexico read a time. */
export function timeOfDay(date = new Date()) {
  return TIME.format(date);
}

const DAY = new Intl.DateTimeFormat('es-MX', {dateStyle: 'long', timeStyle: 'short'});

/**
 * Says on the page when what it shows comes from this device's copy (the service worker answered with no network):
 * {@code savedAt} is the copy's date, or null when the server answered.
 */
function showConnection(savedAt) {
  const notice = document.getElementById('conexion');
  document.body.classList.toggle('sin-conexion', Boolean(savedAt));
  if (!notice) {
    return;
  }
  if (!savedAt) {
    notice.textContent = navigator.onLine ? '' : 'Sin conexión.';
    return;
  }
  const when = new Date(savedAt);
  notice.textContent = 'Sin conexión: se muestra lo que este equipo guardó'
      + (Number.isNaN(when.getTime()) ? '' : ` el ${DAY.format(when)}`)
      + '. Lo que registre se enviará al volver la conexión.';
}

window.addEventListener('offline', () => showConnection(null));
window.addEventListener('online', () => showConnection(null));

/** Forgets the data this device kept for use without network: the next person signing in here does not see it. */
export async function forgetKeptData() {
  if ('caches' in window) {
    await caches.delete('cte-datos').catch(() => false);
  }
}
