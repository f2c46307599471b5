// The outbox: every edit goes through here. It is kept in the browser (localStorage) until the server answers, so a
// session in progress survives losing the connection; each edit carries its own Idempotency-Key, so sending it again
// after an answer was lost never stores it twice. A stale edit (409) is kept aside and shown, never overwritten.
// Files (a photo or a PDF attached as evidence) wait in IndexedDB, which keeps them as they are; they are sent after
// the edits, so an edit they depend on is stored first.

const PENDING = 'cte-pendientes';
const CONFLICTS = 'cte-conflictos';
const RETRY_MS = 10000;
const FILES_DB = 'cte-envios';
const FILES = 'archivos';
/** The largest file kept to send later: a keyed write's body is held by the platform to compare a repeat with it. */
export const MAX_KEPT_FILE = 4 * 1024 * 1024;

let account = null;
let flushing = null;
let nextRound = null;
/** Files of the signed-in person waiting, counted when the list in IndexedDB changes (showState cannot wait for it). */
let filesWaiting = 0;
const status = document.getElementById('envios');

function read(name) {
  try {
    return JSON.parse(localStorage.getItem(name) || '[]');
  } catch (e) {
    return [];
  }
}

function write(name, list) {
  localStorage.setItem(name, JSON.stringify(list));
}

/** Random hex; crypto.randomUUID exists only on https or localhost, and schools reach the platform over plain http. */
function newKey() {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Runs one request on the files' store and resolves with its result once its transaction is done. */
function onFiles(mode, work) {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open(FILES_DB, 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore(FILES, {keyPath: 'key'});
    opening.onerror = () => reject(opening.error);
    opening.onsuccess = () => {
      const db = opening.result;
      const transaction = db.transaction(FILES, mode);
      const asked = work(transaction.objectStore(FILES));
      transaction.oncomplete = () => {
        db.close();
        resolve(asked.result);
      };
      transaction.onerror = transaction.onabort = () => {
        db.close();
        reject(transaction.error);
      };
    };
  });
}

/** Files of the signed-in person not yet stored, oldest first; optionally only those to one path (query left out). */
export async function pendingFiles(path) {
  let all;
  try {
    all = await onFiles('readonly', (store) => store.getAll());
  } catch (unavailable) {
    return [];
  }
  return mine(all).filter((edit) => !path || edit.path.split('?')[0] === path)
    .sort((a, b) => a.at.localeCompare(b.at));
}

async function countFiles() {
  filesWaiting = (await pendingFiles()).length;
}

function mine(list) {
  return list.filter((edit) => account && edit.user === account.usuario);
}

/** Edits of the signed-in person not yet stored, oldest first; optionally only those to one path. */
export function pendingEdits(path) {
  return mine(read(PENDING)).filter((edit) => !path || edit.path === path);
}

export function conflicts() {
  return mine(read(CONFLICTS));
}

function announce(text, alert = false) {
  if (!status) {
    return;
  }
  status.setAttribute('role', alert ? 'alert' : 'status');
  status.textContent = text;
}

function showState(extra = '') {
  const waiting = pendingEdits().length + filesWaiting;
  const stale = conflicts().length;
  const parts = [];
  if (waiting) {
    parts.push(navigator.onLine ? `Enviando ${waiting === 1 ? '1 cambio' : `${waiting} cambios`}…`
      : `Sin conexión: ${waiting === 1 ? '1 cambio pendiente' : `${waiting} cambios pendientes`} de enviar.`
        + ' Se guardarán al volver la conexión.');
  } else if (account) {
    parts.push('Todo guardado.');
  }
  if (stale) {
    parts.push(`${stale === 1 ? '1 cambio' : `${stale} cambios`} en conflicto: alguien más editó lo mismo.`);
  }
  if (extra) {
    parts.push(extra);
  }
  announce(parts.join(' '), Boolean(extra));
  document.body.classList.toggle('con-pendientes', waiting > 0);
}

/** Who is signed in: their edits are the ones sent, with their session's CSRF token. */
export function useAccount(session) {
  account = session;
  showState();
  if (account) {
    countFiles().then(() => showState());
    flush();
  }
}

/**
 * Keeps an edit and sends it as soon as possible. Resolves when it was tried: the answer's body when stored, null
 * when it stays pending (offline, server away) or was refused (the refusal is announced).
 */
export function send(label, method, path, body) {
  return sendWithOutcome(label, method, path, body).then((outcome) => outcome.estado === 'guardado'
    ? outcome.answer : null);
}

/**
 * As send, resolving with what became of the edit: {estado: 'guardado', answer}, {estado: 'pendiente'} (kept, sent
 * later), {estado: 'conflicto'} (set aside next to the saved version) or {estado: 'rechazado', detail, campo}.
 */
export function sendWithOutcome(label, method, path, body) {
  const edit = {key: newKey(), user: account.usuario, label, method, path, body, at: new Date().toISOString()};
  write(PENDING, [...read(PENDING), edit]);
  showState();
  return flush().then((outcomes) => outcomes.get(edit.key) ?? {estado: 'pendiente'});
}

/**
 * Keeps a file to POST to path (its name and description in the query) and sends it as soon as possible, after the
 * edits waiting before it. Resolves as sendWithOutcome does; rejects when the browser cannot keep it (no IndexedDB,
 * no space), and then the caller sends it at once instead.
 */
export async function sendFile(label, path, file) {
  const edit = {key: newKey(), user: account.usuario, label, method: 'POST', path, file,
    at: new Date().toISOString()};
  await onFiles('readwrite', (store) => store.put(edit));
  filesWaiting++;
  showState();
  const outcomes = await flush();
  return outcomes.get(edit.key) ?? {estado: 'pendiente'};
}

function drop(key) {
  write(PENDING, read(PENDING).filter((edit) => edit.key !== key));
}

function dropFile(key) {
  return onFiles('readwrite', (store) => store.delete(key));
}

/** Sends what is pending, one at a time and in order; one flush runs at a time. */
export function flush() {
  if (!flushing) {
    flushing = sendPending().finally(() => {
      flushing = null;
    });
    return flushing;
  }
  // An edit kept while a round is running goes in the next round, at once, not at the next retry.
  if (!nextRound) {
    nextRound = flushing.then(() => {
      nextRound = null;
      return flush();
    });
  }
  return nextRound;
}

async function sendPending() {
  const outcomes = new Map();
  let refusal = '';
  /** Sends one edit; false when it stays, with those after it, for the next try. */
  const attempt = async (edit, contentType, body, forget) => {
    let response;
    try {
      response = await fetch(edit.path, {
        method: edit.method,
        headers: {'Accept': 'application/json', 'Content-Type': contentType, 'Idempotency-Key': edit.key,
          'X-CSRF-Token': account.csrfToken},
        body,
        credentials: 'same-origin',
      });
    } catch (offline) {
      return false; // no connection: everything stays, in order, for the next try
    }
    // A 404 that is not the API's JSON comes from the web server before the platform's API is there (a restart):
    // the edit is kept, as for a server that is away, never dropped as refused.
    const notTheApi = response.status === 404 && !response.headers.get('Content-Type')?.includes('json');
    if (response.status >= 500 || response.status === 401 || response.headers.has('Retry-After') || notTheApi) {
      if (response.status === 401) {
        refusal = 'Su sesión terminó: inicie sesión de nuevo para enviar los cambios pendientes.';
      }
      return false; // the server is away, busy or wants a new sign-in: try again later, nothing is lost
    }
    const answer = response.headers.get('Content-Type')?.includes('json') ? await response.json() : null;
    await forget(edit.key);
    if (response.ok) {
      outcomes.set(edit.key, {estado: 'guardado', answer: answer ?? {}});
      window.dispatchEvent(new CustomEvent('cte-guardado', {detail: {path: edit.path, answer}}));
    } else if (response.status === 409) {
      write(CONFLICTS, [...read(CONFLICTS), {...edit, file: undefined, detail: answer?.detail,
        actual: answer?.actual}]);
      outcomes.set(edit.key, {estado: 'conflicto'});
      window.dispatchEvent(new CustomEvent('cte-conflicto', {detail: {path: edit.path}}));
    } else {
      const detail = answer?.detail || `el servidor respondió ${response.status}`;
      refusal = `No se guardó «${edit.label}»: ${detail}`;
      outcomes.set(edit.key, {estado: 'rechazado', detail, campo: answer?.campo});
    }
    return true;
  };
  let going = true;
  for (const edit of pendingEdits()) {
    going = await attempt(edit, 'application/json', JSON.stringify(edit.body), drop);
    if (!going) {
      break;
    }
  }
  if (going) {
    for (const edit of await pendingFiles()) {
      if (!await attempt(edit, edit.file.type || 'application/octet-stream', edit.file, dropFile)) {
        break;
      }
    }
  }
  await countFiles();
  showState(refusal);
  return outcomes;
}

/** Forgets a conflicting edit once the person has seen the other version. */
export function discardConflict(key) {
  write(CONFLICTS, read(CONFLICTS).filter((edit) => edit.key !== key));
  showState();
}

window.addEventListener('online', () => flush());
window.addEventListener('offline', () => showState());
setInterval(() => {
  if (pendingEdits().length || filesWaiting) {
    flush();
  }
}, RETRY_MS);
