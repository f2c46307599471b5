// Runs as soon as it arrives, before the rest of the shell (it imports nothing): starts the reads the first screen will
// need, so that on a slow link they travel while the shell's larger modules still arrive (a read found only later
// costs a round trip). api() in pagina.js takes each answer, once.

/** Reads started early, by path: when each started and its answer (null when the network failed). */
const early = new Map();

/**
 * Starts a read now, once, for the screen that will ask for it with api(); the session screen also starts with it the
 * reads a module declares for the editor on screen (lecturas.json), while the editor's files still arrive.
 */
export function prefetch(path) {
  if (!early.has(path)) {
    early.set(path, {at: Date.now(), answer: fetch(path, {headers: {'Accept': 'application/json'},
      credentials: 'same-origin'}).catch(() => null)});
  }
  return early.get(path).answer;
}

/**
 * The answer to a read started early for this path, if it started less than 30 s ago and succeeded; taken once. A
 * failure (not signed in yet, no network) is not kept: the screen asks itself and shows its own error.
 */
export async function takeEarly(path) {
  const kept = early.get(path);
  if (!kept) {
    return null;
  }
  early.delete(path);
  const answer = Date.now() - kept.at < 30000 ? await kept.answer : null;
  return answer?.ok ? answer : null;
}

/**
 * Forgets the early reads of these paths that no screen took (an editor that declared a read it did not make): a later
 * api() call must not get an answer from before the person's own saves.
 */
export function forgetEarly(paths) {
  for (const path of paths) {
    if (early.delete(path)) {
      console.warn(`Lectura anticipada sin usar (revise lecturas.json del módulo): ${path}`);
    }
  }
}

/** The school a person works in (as its teacher or director), or null. */
export function schoolOf(session) {
  const grant = session?.roles.find((r) => r.rol === 'docente' || r.rol === 'director');
  return grant ? grant.ambito : null;
}

/** The API address of the guide edition a session address ({clave}[@{edición}]/…) shows. */
export function guidePath(route) {
  const [key, version] = route.split('/')[0].split('@');
  return version ? `/api/v1/guides/${encodeURIComponent(key)}/versions/${encodeURIComponent(version)}`
    : `/api/v1/guides/${encodeURIComponent(key)}`;
}

const opening = decodeURIComponent(location.hash.slice(1));
const session = prefetch('/api/v1/session');
if (opening.startsWith('guia/')) {
  prefetch(guidePath(opening.slice('guia/'.length)));
  prefetch('/api/v1/product-types');
  session.then((answer) => (answer?.ok ? answer.clone().json() : null)).then((signedIn) => {
    const school = schoolOf(signedIn);
    if (school) {
      prefetch(`/api/v1/schools/${encodeURIComponent(school)}/staff`);
    }
  }).catch(() => {});
}
