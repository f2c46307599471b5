// The UI shell: sign-in and the school's home. Every text that comes from the server is set with textContent, never
// as HTML, so nothing a user typed can run in another user's page.

const main = document.getElementById('principal');
const cuenta = document.getElementById('cuenta');
const avisos = document.getElementById('avisos');
let sesion = null;

/** Builds an element: el('li', {class: 'x'}, 'texto', otroElemento). */
function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, value);
  }
  for (const child of children) {
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

async function api(path, options = {}) {
  const headers = {'Accept': 'application/json'};
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (sesion && options.method && options.method !== 'GET') {
    headers['X-CSRF-Token'] = sesion.csrfToken;
  }
  const response = await fetch(path, {
    method: options.method || 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    credentials: 'same-origin',
  });
  const body = response.headers.get('Content-Type')?.includes('json') ? await response.json() : null;
  if (!response.ok) {
    const error = new Error(body?.detail || `El servidor respondió ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return body;
}

function show(title, ...content) {
  document.title = `${title} · Consejo Técnico Escolar`;
  main.replaceChildren(el('h1', {}, title), ...content);
  main.focus();
}

function showAccount() {
  if (!sesion) {
    cuenta.replaceChildren();
    return;
  }
  const salir = el('button', {type: 'button'}, 'Salir');
  salir.addEventListener('click', async () => {
    await api('/api/v1/session', {method: 'DELETE'}).catch(() => {});
    sesion = null;
    showAccount();
    signIn();
  });
  cuenta.replaceChildren(el('span', {}, sesion.nombre, ' '), salir);
}

function signIn(message) {
  const error = el('p', {id: 'error-acceso', class: 'error', role: 'alert'}, message || '');
  const form = el('form', {novalidate: ''},
      el('label', {for: 'usuario'}, 'Usuario'),
      el('input', {id: 'usuario', name: 'usuario', autocomplete: 'username', required: '',
        'aria-describedby': 'error-acceso'}),
      el('label', {for: 'contrasena'}, 'Contraseña'),
      el('input', {id: 'contrasena', name: 'contrasena', type: 'password', autocomplete: 'current-password',
        required: '', 'aria-describedby': 'error-acceso'}),
      el('button', {type: 'submit'}, 'Entrar'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    try {
      sesion = await api('/api/v1/session', {method: 'POST',
        body: {usuario: form.usuario.value.trim(), contrasena: form.contrasena.value}});
      showAccount();
      await home();
    } catch (problem) {
      error.textContent = problem.message;
      form.contrasena.value = '';
      form.contrasena.focus();
    }
  });
  show('Iniciar sesión', error, form);
}

/** The school the signed-in person works in, if any (a teacher or a director). */
function schoolOf(session) {
  const grant = session.roles.find((r) => r.rol === 'docente' || r.rol === 'director');
  return grant ? grant.ambito : null;
}

async function home() {
  const cct = schoolOf(sesion);
  if (!cct) {
    const roles = sesion.roles.map((r) => r.nombreRol + (r.ambito ? ` (${r.ambito})` : '')).join(', ');
    show(`Bienvenida, ${sesion.nombre}`, el('p', {}, `Sus funciones: ${roles}.`));
    return;
  }
  const [school, guides, agreements] = await Promise.all([
    api(`/api/v1/schools/${cct}`),
    api('/api/v1/guides'),
    api(`/api/v1/logbook/${cct}/agreements`).catch(() => null),
  ]);
  const active = (guides.guides || []).filter((g) => g.status === 'activa');
  const content = [el('p', {}, `${school.cct} · ${school.municipio} · zona ${school.zona}`)];
  if (agreements) {
    const open = agreements.acuerdos.length;
    content.push(el('p', {}, open === 1 ? 'Hay 1 acuerdo abierto en la bitácora.'
      : `Hay ${open} acuerdos abiertos en la bitácora.`));
  }
  if (active.length === 0) {
    content.push(el('p', {}, 'No hay guías activas.'));
  } else {
    const choose = el('ul', {});
    for (const guide of active) {
      const link = el('a', {href: `#guia/${encodeURIComponent(guide.key)}`}, guide.title);
      choose.append(el('li', {}, link));
    }
    content.push(el('h2', {}, 'Sesiones'), choose);
  }
  show(school.nombre, ...content);
}

function activities(section, into) {
  for (const activity of section.activities || []) {
    const item = el('li', {class: 'actividad'},
        el('span', {class: 'numero'}, `${activity.number}. `),
        activity.title || (activity.instructions && activity.instructions[0]) || '');
    if (activity.product) {
      item.append(el('span', {class: 'producto'}, `Producto: ${activity.product.title}`));
    }
    into.append(item);
  }
  for (const child of section.sections || []) {
    activities(child, into);
  }
}

async function guide(key) {
  const edition = await api(`/api/v1/guides/${encodeURIComponent(key)}`);
  const content = [];
  for (const section of edition.guide.sections) {
    const list = el('ol', {class: 'actividades'});
    activities(section, list);
    content.push(el('h2', {}, section.title || section.label || ''), list);
  }
  const back = el('p', {}, el('a', {href: '#'}, 'Volver al inicio'));
  show(edition.guide.title, back, ...content);
}

async function route() {
  if (!sesion) {
    signIn();
    return;
  }
  try {
    const hash = decodeURIComponent(location.hash.slice(1));
    if (hash.startsWith('guia/')) {
      await guide(hash.slice('guia/'.length));
    } else {
      await home();
    }
  } catch (problem) {
    if (problem.status === 401) {
      sesion = null;
      showAccount();
      signIn('Su sesión terminó; inicie sesión de nuevo.');
    } else {
      avisos.textContent = problem.message;
    }
  }
}

window.addEventListener('hashchange', route);
api('/api/v1/session').then((current) => {
  sesion = current;
  showAccount();
}).catch(() => {
  sesion = null;
}).finally(route);
