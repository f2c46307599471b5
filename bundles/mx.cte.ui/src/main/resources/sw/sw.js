// The UI's service worker: after one visit the UI, the guide and the module editors open with no network. Served by
// UiServiceWorker with the version of the UI's files in it, so an update of the UI installs a new worker that
// replaces the old shell. Only this platform's GET requests are answered here; writes always go to the network (the
// outbox keeps them while offline).

const VERSION = '__VERSION__';
const SHELL = `cte-shell-${VERSION}`;
const MODULES = 'cte-modulos';
const DATA = 'cte-datos';
/** The shell's files at the addresses of this version (VersionedUiFiles): kept for good, never asked again. */
const SHELL_FILES = ['inicio.js', 'app.js', 'pagina.js', 'graficas.js', 'sesion.js', 'envios.js', 'estilos.css'].map((f) => `/ui/v/${VERSION}/${f}`);
/** Answers that are live or personal downloads: never kept. */
const NOT_KEPT = ['/api/v1/changes/', '/api/v1/print/', '/api/v1/health', '/api/v1/audit', '/api/v1/admin/'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(['/ui/', ...SHELL_FILES]))
      .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith('cte-shell-') && name !== SHELL)
          .map((name) => caches.delete(name))))
      .then(() => self.clients.claim()));
});

/** A kept answer, marked so that the page can say it is showing what this device saved, not what the server has. */
function offline(kept) {
  const headers = new Headers(kept.headers);
  headers.set('X-Cte-Sin-Conexion', kept.headers.get('Date') || 'sí');
  return new Response(kept.body, {status: kept.status, statusText: kept.statusText, headers});
}

function unreachable() {
  return new Response(JSON.stringify({status: 503, title: 'Sin conexión',
    detail: 'No hay conexión y este equipo no guardó una copia de esto; se podrá ver al volver la conexión.'}),
  {status: 503, headers: {'Content-Type': 'application/problem+json', 'X-Cte-Sin-Conexion': 'sí'}});
}

/**
 * The page from the network (it names the versions of the files to load, which change with an update); without one,
 * the page this version kept.
 */
async function pageThenKept(request) {
  try {
    const response = await fetch(request);
    if (response.ok) {
      (await caches.open(SHELL)).put('/ui/', response.clone());
    }
    return response;
  } catch (noNetwork) {
    const kept = await caches.match('/ui/', {cacheName: SHELL, ignoreVary: true});
    return kept || Response.error();
  }
}

/**
 * A file at a versioned address never changes: from the cache, else fetched once and kept. A module's files replace
 * those of its earlier versions.
 */
async function keptForGood(request, url) {
  const kept = await caches.match(request, {ignoreVary: true});
  if (kept) {
    return kept;
  }
  const response = await fetch(request);
  if (response.ok && response.headers.get('Cache-Control')?.includes('immutable')) {
    const editors = url.pathname.startsWith('/ui/editores/');
    const cache = await caches.open(editors ? MODULES : SHELL);
    if (editors) {
      const module = url.pathname.split('/').slice(0, 4).join('/') + '/';
      const version = url.pathname.split('/')[4];
      for (const old of await cache.keys()) {
        const path = new URL(old.url).pathname;
        if (path.startsWith(module) && path.split('/')[4] !== version) {
          cache.delete(old);
        }
      }
    }
    cache.put(request, response.clone());
  }
  return response;
}

/** A module's editor at an address without a version: at once from the cache, refreshed behind it. */
async function keptThenRefreshed(request) {
  const cache = await caches.open(MODULES);
  const kept = await cache.match(request, {ignoreVary: true});
  const fresh = fetch(request).then((response) => {
    if (response.ok) {
      cache.put(request, response.clone());
    }
    return response;
  });
  if (kept) {
    fresh.catch(() => {});
    return kept;
  }
  return fresh;
}

/** The platform's data from the network; without one, what this device kept the last time. */
async function networkThenKept(request) {
  const cache = await caches.open(DATA);
  try {
    const response = await fetch(request);
    if (response.headers.has('X-Cte-No-Guardar')) {
      // Personal data of minors (JsonResponses.NOT_KEPT_ON_DEVICE): never on the device, and no earlier copy either.
      cache.delete(request, {ignoreVary: true});
    } else if (response.status === 200) {
      cache.put(request, response.clone());
    }
    return response;
  } catch (noNetwork) {
    const kept = await cache.match(request, {ignoreVary: true});
    return kept ? offline(kept) : unreachable();
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || request.cache === 'no-store') {
    return;
  }
  if (url.pathname === '/ui' || url.pathname === '/ui/') {
    event.respondWith(pageThenKept(request));
  } else if (url.pathname.startsWith('/ui/v/') || url.pathname.startsWith('/ui/editores/')) {
    event.respondWith(keptForGood(request, url));
  } else if (url.pathname.startsWith('/ui/modulos/')) {
    event.respondWith(keptThenRefreshed(request));
  } else if (url.pathname.startsWith('/api/') && !NOT_KEPT.some((path) => url.pathname.startsWith(path))) {
    event.respondWith(networkThenKept(request));
  }
});
