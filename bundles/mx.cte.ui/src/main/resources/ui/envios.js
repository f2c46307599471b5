// The outbox: every edit goes through here. It is kept in the browser (localStorage) until the server answers, so a
// session in progress survives losing the connection; each edit carries its own Idempotency-Key, so sending it again
// after an answer was lost never stores it twice. A stale edit (409) is kept aside and shown, never overwritten.

const PENDING = 'cte-pendientes';
const CONFLICTS = 'cte-conflictos';
const RETRY_MS = 10000;

let account = null;
let flushing = null;
let nextRound = null;
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
  const waiting = pendingEdits().length;
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

function drop(key) {
  write(PENDING, read(PENDING).filter((edit) => edit.key !== key));
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
  for (const edit of pendingEdits()) {
    let response;
    try {
      response = await fetch(edit.path, {
        method: edit.method,
        headers: {'Accept': 'application/json', 'Content-Type': 'application/json', 'Idempotency-Key': edit.key,
          'X-CSRF-Token': account.csrfToken},
        body: JSON.stringify(edit.body),
        credentials: 'same-origin',
      });
    } catch (offline) {
      break; // no connection: everything stays, in order, for the next try
    }
    if (response.status >= 500 || response.status === 401 || response.headers.has('Retry-After')) {
      if (response.status === 401) {
        refusal = 'Su sesión terminó: inicie sesión de nuevo para enviar los cambios pendientes.';
      }
      break; // the server is away, busy or wants a new sign-in: try again later, nothing is lost
    }
    const answer = response.headers.get('Content-Type')?.includes('json') ? await response.json() : null;
    drop(edit.key);
    if (response.ok) {
      outcomes.set(edit.key, {estado: 'guardado', answer: answer ?? {}});
      window.dispatchEvent(new CustomEvent('cte-guardado', {detail: {path: edit.path, answer}}));
    } else if (response.status === 409) {
      write(CONFLICTS, [...read(CONFLICTS), {...edit, detail: answer?.detail, actual: answer?.actual}]);
      outcomes.set(edit.key, {estado: 'conflicto'});
      window.dispatchEvent(new CustomEvent('cte-conflicto', {detail: {path: edit.path}}));
    } else {
      const detail = answer?.detail || `el servidor respondió ${response.status}`;
      refusal = `No se guardó «${edit.label}»: ${detail}`;
      outcomes.set(edit.key, {estado: 'rechazado', detail, campo: answer?.campo});
    }
  }
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
  if (pendingEdits().length) {
    flush();
  }
}, RETRY_MS);
