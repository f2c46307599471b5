import {send, useAccount} from './envios.js';
import {schoolOf} from './inicio.js';
import {api, el, forgetKeptData, LIGHT_HEADERS, lightTable, refreshInto, setSignedIn, show, tallyCells, UI_MODULES}
  from './pagina.js';
import {evidenceOf, guideScreen, leaveGuide} from './sesion.js';
import {lightChart} from './graficas.js';

// The UI shell: sign-in, each person's home and the administration; the session screen is sesion.js.

const cuenta = document.getElementById('cuenta');
const avisos = document.getElementById('avisos');
let sesion = null;

function showAccount() {
  setSignedIn(sesion);
  useAccount(sesion);
  if (!sesion) {
    cuenta.replaceChildren();
    return;
  }
  const salir = el('button', {type: 'button'}, 'Salir');
  salir.addEventListener('click', async () => {
    await api('/api/v1/session', {method: 'DELETE'}).catch(() => {});
    await forgetKeptData();
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
      await forgetKeptData();
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

function publishes(session) {
  return session.roles.some((r) => r.rol === 'administrador' || r.rol === 'publicador');
}

/**
 * A month picker and the place for what it shows: render(period) gives the elements, or fails with a message that is
 * shown instead. Loads the current month at once.
 */
async function monthlyView(resultsId, render) {
  const now = new Date();
  const results = el('div', {id: resultsId});
  const form = el('form', {},
      el('label', {for: 'periodo'}, 'Periodo (mes)'),
      el('input', {id: 'periodo', name: 'periodo', type: 'month',
        value: `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`}),
      el('button', {type: 'submit'}, 'Ver'));
  const load = async () => {
    try {
      results.replaceChildren(...await render(form.periodo.value));
    } catch (problem) {
      results.replaceChildren(el('p', {class: 'error', role: 'alert'}, problem.message));
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  await load();
  return [form, results];
}

/**
 * The panels the installed modules add to a home ("zona", "entidad", "escuela": docs/adr/0001-web-ui.md), in their
 * order. A module that fails to open says so in its place; the others still show.
 */
async function panels(place, context) {
  const ctx = {el, api, send, lightTable, lightChart, tallyCells, LIGHT_HEADERS, monthlyView, user: sesion,
    ...context};
  const found = await Promise.all((UI_MODULES.paneles?.[place] || []).map(async (where) => {
    try {
      const module = await import(`/ui/editores/${where}/editor.js`);
      return module[place] ? await module[place](ctx) : null;
    } catch (failure) {
      return {orden: 99, contenido: [el('p', {class: 'aviso-modulo'},
          `Una parte de esta página no pudo abrirse (${where.split('/')[0]}): ${failure.message}`)]};
    }
  }));
  return found.filter(Boolean).sort((a, b) => a.orden - b.orden).flatMap((panel) => panel.contenido);
}

/** The state's authority: what the installed modules show of the state (the results module: each zone, by area). */
async function stateHome(stateCode) {
  const content = await panels('entidad', {state: stateCode});
  show(`Entidad ${stateCode}: resultados de sus escuelas`, ...(content.length ? content
    : [el('p', {}, 'Ningún módulo instalado muestra datos de la entidad.')]));
}

/** The zone's supervisor: the zone's results and its exchange groups, as their modules give them. */
async function supervisorHome(zoneKey) {
  const content = await panels('zona', {zone: zoneKey});
  show(`Zona escolar ${zoneKey}`, ...(content.length ? content
    : [el('p', {}, 'Ningún módulo instalado muestra datos de la zona.')]));
}

async function home() {
  const cct = schoolOf(sesion);
  const supervised = sesion.roles.find((r) => r.rol === 'supervisor');
  if (!cct && supervised) {
    await supervisorHome(supervised.ambito);
    return;
  }
  const authority = sesion.roles.find((r) => r.rol === 'autoridad-estatal');
  if (!cct && authority) {
    await stateHome(authority.ambito);
    return;
  }
  if (!cct) {
    const roles = sesion.roles.map((r) => r.nombreRol + (r.ambito ? ` (${r.ambito})` : '')).join(', ');
    const content = [el('p', {}, `Sus funciones: ${roles}.`)];
    if (publishes(sesion)) {
      content.push(el('p', {}, el('a', {href: '#admin/guias'}, 'Guías y módulos')));
    }
    show(`Bienvenida, ${sesion.nombre}`, ...content);
    return;
  }
  const school = await api(`/api/v1/schools/${cct}`);
  // Only the guides of the school's level (and those for every level): a primaria school is not offered preescolar's.
  const [guides, agreements] = await Promise.all([
    api(`/api/v1/guides?nivel=${encodeURIComponent(school.nivel)}&modalidad=${encodeURIComponent(
        [school.modalidad || 'general', ...(school.multigrado ? ['multigrado'] : [])].join(','))}`),
    api(`/api/v1/logbook/${cct}/agreements`).catch(() => null),
  ]);
  // A guide whose newest edition waits for a module is still offered: only the activities that need it must wait.
  const active = (guides.guides || []).map((g) => {
    if (g.status === 'activa') {
      return g;
    }
    const waiting = g.editions.filter((e) => e.status === 'insatisfecha').at(-1);
    return waiting && {...g, version: waiting.version, missing: waiting.missingProductTypes};
  }).filter(Boolean);
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
      const target = guide.version ? `${guide.key}@${guide.version}` : guide.key;
      const link = el('a', {href: `#guia/${encodeURIComponent(target)}`}, guide.title);
      // Guides of several cycles and publishers share titles ("Tercera Sesión Ordinaria"): each says which it is.
      const about = el('span', {class: 'detalle'}, ` · ciclo ${guide.id.cycle} · ${levelName(guide.id.level)} · `
        + `${guide.publisher?.name || guide.id.publisher}`);
      choose.append(el('li', {}, link, about, ...(guide.missing
        ? [` (falta instalar el módulo de: ${guide.missing.join(', ')})`] : [])));
    }
    content.push(el('h2', {}, 'Sesiones'), choose);
  }
  const writable = sesion.roles.some((r) => (r.rol === 'director' || r.rol === 'docente') && r.ambito === cct);
  content.push(...await panels('escuela', {school: cct, sessions: active,
    evidence: (owner) => evidenceOf(owner, {user: sesion, school: cct, writable})}));
  show(school.nombre, ...content);
}

const STATUS = {activa: 'Activa', instalada: 'Instalada', insatisfecha: 'Insatisfecha'};

/** A guide's level as schools read it: "preescolar" → "Preescolar", "basica" → "Básica (todos los niveles)". */
function levelName(level) {
  const known = {basica: 'Básica (todos los niveles)', 'básica': 'Básica (todos los niveles)'};
  return known[level] || level.charAt(0).toUpperCase() + level.slice(1);
}

/** A descriptor's problem as its authors look for it: the line of the file, then the JSON path. */
function describeProblem(problem) {
  return `${problem.line ? `línea ${problem.line}, ` : ''}${problem.path}: ${problem.message}`;
}
let refreshAdmin = null;

function isAdministrator(session) {
  return session.roles.some((r) => r.rol === 'administrador');
}

/**
 * The guides as installed now: each edition with its status and the actions on it (activate, which is also how an
 * earlier edition is restored, and retire), then the refused bundles with their problems.
 */
function guideTable(catalog, act) {
  const rows = [];
  for (const guide of catalog.guides) {
    for (const edition of guide.editions) {
      const missing = (edition.missingProductTypes || []).join(', ');
      const actions = el('td', {});
      if (edition.status === 'instalada') {
        const activate = el('button', {type: 'button', 'aria-label': `Activar la edición ${edition.version} de ${guide.key}`},
            'Activar');
        activate.addEventListener('click', () => act(`Activar la edición ${edition.version}`,
            () => api('/api/v1/guide-activations', {method: 'POST', body: {clave: guide.key, edicion: edition.version}})));
        actions.append(activate, ' ');
      }
      const retire = el('button', {type: 'button', 'aria-label': `Retirar la edición ${edition.version} de ${guide.key}`},
          'Retirar');
      retire.addEventListener('click', () => {
        if (confirm(`¿Retirar la edición ${edition.version} de ${guide.key}? Las escuelas dejarán de verla.`)) {
          act(`Retirar la edición ${edition.version}`,
              () => api(`/api/v1/guide-bundles/${edition.bundle.id}`, {method: 'DELETE'}));
        }
      });
      actions.append(retire);
      // A fallback is said where the administrator looks: on the edition serving instead, or the guide's first row.
      const fallback = guide.fallback && (edition.status === 'activa'
        || (!guide.activeVersion && edition === guide.editions[0]));
      const notes = [missing ? `Faltan módulos para: ${missing}.` : '',
        edition.version === guide.chosenVersion ? 'Edición elegida.' : '',
        fallback ? `Respaldo: ${guide.fallback}.` : ''].filter(Boolean).join(' ');
      rows.push(el('tr', {class: fallback ? 'con-problemas' : ''},
          el('td', {}, guide.key), el('td', {}, edition.version),
          el('td', {class: `estado-${edition.status}`}, STATUS[edition.status] || edition.status),
          el('td', {}, notes), actions));
    }
  }
  const table = el('table', {class: 'tabla'},
      el('caption', {}, 'Guías instaladas'),
      el('thead', {}, el('tr', {}, ...['Clave', 'Edición', 'Estado', 'Observaciones', 'Acciones']
          .map((h) => el('th', {scope: 'col'}, h)))),
      el('tbody', {}, ...rows));
  const refused = (catalog.refused || []).map((r) => el('li', {},
      `${r.bundle.symbolicName} ${r.bundle.version}: `,
      (r.problems || []).map(describeProblem).join('; ')));
  return refused.length ? [table, el('h3', {}, 'Bundles rechazados'), el('ul', {}, ...refused)] : [table];
}

/** Who may sign the guides this installation accepts: the mode, the root and each publisher key with its state. */
function trustPanel(trust) {
  const content = [];
  if (trust.verificacion === 'desactivada') {
    content.push(el('p', {class: 'aviso-seguridad', role: 'alert'}, 'Verificación de firmas DESACTIVADA (modo de'
        + ' desarrollo): se instala cualquier guía, paquete o capa estatal sin comprobar quién la publicó. Nunca use'
        + ' así la instalación de una escuela (etc/mx.cte.trust.cfg, verification).'));
  }
  if (trust.raizDemostracion) {
    content.push(el('p', {class: 'aviso-seguridad', role: 'alert'}, 'La raíz de confianza es la de demostración del'
        + ' repositorio, cuya clave secreta es pública: cualquiera puede firmar con ella. Reemplace'
        + ' etc/cte-trust/sep-raiz.asc por la raíz de la SEP (docs/operations.md, «Firmas y confianza»).'));
  }
  content.push(el('p', {}, trust.raiz ? `Raíz de confianza: ${trust.raiz}` : 'Sin raíz de confianza legible.'));
  const day = (instant) => instant ? new Date(instant).toLocaleDateString('es-MX') : '';
  content.push(el('table', {class: 'tabla', id: 'claves-publicadores'},
      el('caption', {}, 'Claves de publicadores'),
      el('thead', {}, el('tr', {}, ...['Publicador', 'Identidad', 'Vigencia', 'Estado']
          .map((h) => el('th', {scope: 'col'}, h)))),
      el('tbody', {}, ...trust.claves.map((k) => el('tr', {class: k.vigente ? '' : 'con-problemas'},
          el('td', {}, k.publicador || '—'), el('td', {}, k.identidad),
          el('td', {}, k.desde ? `${day(k.desde)} a ${day(k.hasta)}` : ''),
          el('td', {}, k.vigente ? 'Vigente' : k.problema))))));
  for (const problem of trust.problemas) {
    content.push(el('p', {class: 'con-problemas'}, problem));
  }
  return content;
}

const UPDATE_STATUS = {nueva: 'Nueva', instalada: 'Instalada', anterior: 'Anterior a la instalada',
  incompatible: 'No es para esta versión'};

/** The subscribed channels and what they offer: check now, install one or all, schedule an installation. */
function updatesPanel(state, act) {
  if (!state.canales.length) {
    return [el('p', {}, 'Esta instalación no está suscrita a ningún canal (etc/mx.cte.channel-*.cfg; docs/operations.md,'
        + ' «Canales de publicación»).')];
  }
  const check = el('button', {type: 'button'}, 'Revisar ahora');
  check.addEventListener('click', () => act('Revisar', () => api('/api/v1/channels/check', {method: 'POST', body: {}})));
  const all = el('button', {type: 'button'}, 'Instalar todo lo nuevo');
  all.addEventListener('click', () => act('Instalar todo',
      () => api('/api/v1/channels/install', {method: 'POST', body: {todas: true}})));
  const channels = el('table', {class: 'tabla', id: 'canales'}, el('caption', {}, 'Canales suscritos'),
      el('thead', {}, el('tr', {}, ...['Canal', 'Firma', 'Índice', 'Vence', 'Revisado', 'Problema']
          .map((h) => el('th', {scope: 'col'}, h)))),
      el('tbody', {}, ...state.canales.map((c) => el('tr', {class: c.problema ? 'con-problemas' : ''},
          el('th', {scope: 'row'}, `${c.canal}${c.automatica ? ' (automática)' : ''}`), el('td', {}, c.publicador),
          el('td', {}, c.versionIndice ? String(c.versionIndice) : '—'),
          el('td', {}, c.vence ? new Date(c.vence).toLocaleString('es-MX') : ''),
          el('td', {}, c.revisado ? new Date(c.revisado).toLocaleString('es-MX') : ''), el('td', {}, c.problema)))));
  const rows = state.artefactos.map((a) => {
    const actions = el('td', {});
    if (a.estado === 'nueva') {
      const install = el('button', {type: 'button', 'aria-label': `Instalar ${a.clave} ${a.edicion}`}, 'Instalar');
      install.addEventListener('click', () => act(`Instalar ${a.clave}`,
          () => api('/api/v1/channels/install', {method: 'POST', body: {canal: a.canal, ruta: a.ruta}})));
      const when = el('input', {type: 'datetime-local', 'aria-label': `Fecha para instalar ${a.clave} ${a.edicion}`});
      const schedule = el('button', {type: 'button'}, 'Programar');
      schedule.addEventListener('click', () => when.value && act(`Programar ${a.clave}`,
          () => api('/api/v1/channels/schedule', {method: 'POST',
            body: {canal: a.canal, ruta: a.ruta, fecha: new Date(when.value).toISOString()}})));
      actions.append(install, ' ', when, schedule);
    }
    return el('tr', {}, el('td', {}, a.canal), el('td', {}, a.titulo || a.clave), el('td', {}, a.clave),
        el('td', {}, a.edicion), el('td', {}, a.publicador), el('td', {}, UPDATE_STATUS[a.estado] || a.estado),
        el('td', {}, a.programada ? new Date(a.programada).toLocaleString('es-MX') : ''), actions);
  });
  return [el('p', {}, check, ' ', all), channels,
    el('table', {class: 'tabla', id: 'artefactos-canal'}, el('caption', {}, 'Lo que ofrecen los canales'),
        el('thead', {}, el('tr', {}, ...['Canal', 'Título', 'Clave', 'Edición', 'Publicador', 'Estado', 'Programada',
          'Acciones'].map((h) => el('th', {scope: 'col'}, h)))),
        el('tbody', {}, ...rows))];
}

const BUNDLE_STATES = {'activo': 'Activo', 'detenido': 'Detenido', 'sin-resolver': 'Sin resolver',
  'iniciando': 'Iniciando', 'deteniendose': 'Deteniéndose', 'desinstalado': 'Desinstalado'};
const BUNDLE_KINDS = {plataforma: 'Módulo o núcleo', guia: 'Guía', paquete: 'Paquete de recursos'};

/** Component states that are no problem: active, satisfied (delayed), or made per configuration file and none yet. */
const COMPONENT_WORKS = ['activo', 'listo', 'sin-configurar'];

/** The platform's bundles: version, state, the module each serves and, for a component that does not work, why. */
function moduleTable(inventory) {
  const rows = inventory.bundles.map((b) => {
    const problems = (b.componentes || []).filter((c) => !COMPONENT_WORKS.includes(c.estado)).map((c) =>
      `${c.nombre.split('.').pop()}: ${c.estado}` + (c.faltan.length ? `, falta ${c.faltan.join(', ')}` : '')
        + (c.error ? `, ${c.error}` : ''));
    return el('tr', {class: problems.length || b.estado !== 'activo' ? 'con-problemas' : ''},
        el('th', {scope: 'row'}, b.nombreSimbolico), el('td', {}, b.modulo || ''),
        el('td', {}, BUNDLE_KINDS[b.tipo] || b.tipo), el('td', {}, b.version),
        el('td', {}, BUNDLE_STATES[b.estado] || b.estado), el('td', {}, problems.join('; ')));
  });
  const failing = inventory.bundles.filter((b) => b.estado !== 'activo' || b.componentesConProblemas > 0).length;
  return [el('p', {}, failing ? `${failing} bundles necesitan atención.` : 'Todos los bundles están activos.'),
    el('table', {class: 'tabla'}, el('caption', {}, 'Bundles de la plataforma'),
        el('thead', {}, el('tr', {}, ...['Bundle', 'Módulo', 'Tipo', 'Versión', 'Estado', 'Observaciones']
            .map((h) => el('th', {scope: 'col'}, h)))),
        el('tbody', {}, ...rows))];
}

function auditTable(log) {
  return [el('table', {class: 'tabla'}, el('caption', {}, `Últimos ${log.eventos.length} eventos`),
      el('thead', {}, el('tr', {}, ...['Fecha', 'Usuario', 'Acción', 'Objeto', 'Detalle']
          .map((h) => el('th', {scope: 'col'}, h)))),
      el('tbody', {}, ...log.eventos.map((e) => el('tr', {},
          el('td', {}, new Date(e.fecha).toLocaleString('es-MX')), el('td', {}, e.usuario), el('td', {}, e.accion),
          el('td', {}, e.objeto), el('td', {}, e.detalle)))))];
}

async function admin() {
  const guides = el('div', {id: 'lista-guias'});
  const result = el('p', {id: 'resultado-carga', role: 'status'});
  const form = el('form', {id: 'carga-guia'},
      el('label', {for: 'bundle-guia'}, 'Bundle de guía (.jar)'),
      el('input', {id: 'bundle-guia', name: 'bundle', type: 'file', accept: '.jar'}),
      el('label', {for: 'firma-guia'}, 'Firma del publicador (.asc)'),
      el('input', {id: 'firma-guia', name: 'firma', type: 'file', accept: '.asc,.sig'}),
      el('button', {type: 'submit'}, 'Instalar'));
  const reloadGuides = async () => refreshInto(guides, await api('/api/v1/guides'), (catalog) => guideTable(catalog, act));
  const act = async (what, request) => {
    try {
      await request();
      result.textContent = `${what}: hecho.`;
    } catch (problem) {
      result.textContent = `${what}: ${problem.message}`;
    }
    await reloadGuides();
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = form.bundle.files[0];
    const signature = form.firma.files[0];
    if (!file || !signature) {
      result.textContent = file ? 'Elija también la firma (.asc) que el publicador entregó con el jar.'
        : 'Elija el archivo .jar del bundle de guía.';
      return;
    }
    // The signature travels Base64-encoded in one header; the jar is the body, byte for byte.
    const signatureBytes = new Uint8Array(await signature.arrayBuffer());
    const response = await fetch('/api/v1/guide-bundles', {method: 'POST', body: file, credentials: 'same-origin',
      headers: {'Content-Type': 'application/java-archive', 'X-CSRF-Token': sesion.csrfToken,
        'CTE-Firma': btoa(Array.from(signatureBytes, (b) => String.fromCharCode(b)).join(''))}});
    const body = await response.json();
    result.textContent = response.ok ? `Instalada ${body.clave} edición ${body.edicion}.${body.estado === 'instalada'
      ? ' Las escuelas siguen con la edición en uso hasta que active esta.' : ''}`
      : `${body.detail} ${(body.problems || []).map(describeProblem).join('; ')}`;
    await reloadGuides();
  });
  const content = [el('p', {}, el('a', {href: '#'}, 'Volver al inicio'))];
  if (!window.isSecureContext) {
    content.push(el('p', {class: 'aviso-seguridad', role: 'alert'}, 'La plataforma se está usando por HTTP sin cifrar.'
        + ' Así las contraseñas viajan legibles y los navegadores no permiten abrir la plataforma sin conexión.'
        + ' Configure HTTPS como indica la documentación de operación (docs/operations.md, «TLS»).'));
  }
  // Every product type a module provides should have its editor: the ones without show a notice in the session.
  const withoutEditor = el('div', {id: 'productos-sin-editor'});
  const reloadTypes = async () => {
    const types = await api('/api/v1/product-types');
    const missing = types.productTypes.filter((t) => !UI_MODULES.tipos?.[t.id]);
    withoutEditor.replaceChildren(missing.length ? el('ul', {}, ...missing.map((t) => el('li', {},
        `${t.title} (${t.id}), del módulo ${t.provider}: las actividades que lo piden muestran un aviso en su lugar.`)))
      : el('p', {}, 'Todos los productos de los módulos instalados tienen su editor en línea.'));
  };
  const trust = el('div', {id: 'confianza'});
  const reloadTrust = async () => refreshInto(trust, await api('/api/v1/publisher-trust'), trustPanel);
  content.push(el('h2', {}, 'Guías'), form, result, guides, el('h2', {}, 'Firmas de guías'), trust,
      el('h2', {}, 'Productos sin editor en línea'), withoutEditor);
  const reloads = [reloadGuides, reloadTrust, reloadTypes];
  if (isAdministrator(sesion)) {
    const modules = el('div', {id: 'lista-modulos'});
    const log = el('div', {id: 'auditoria'});
    const filter = el('form', {id: 'filtro-auditoria'},
        el('label', {for: 'auditoria-accion'}, 'Acción (o su comienzo)'),
        el('input', {id: 'auditoria-accion', name: 'accion', autocomplete: 'off'}),
        el('label', {for: 'auditoria-usuario'}, 'Usuario'),
        el('input', {id: 'auditoria-usuario', name: 'usuario', autocomplete: 'off'}),
        el('button', {type: 'submit'}, 'Consultar'));
    const reloadLog = async () => {
      const query = new URLSearchParams({limite: '100'});
      for (const name of ['accion', 'usuario']) {
        if (filter[name].value.trim()) {
          query.set(name, filter[name].value.trim());
        }
      }
      refreshInto(log, await api(`/api/v1/audit?${query}`), auditTable);
    };
    filter.addEventListener('submit', (event) => {
      event.preventDefault();
      reloadLog().catch((problem) => {
        log.replaceChildren(el('p', {role: 'alert'}, problem.message));
      });
    });
    const updates = el('div', {id: 'actualizaciones'});
    const updatesResult = el('p', {id: 'resultado-actualizaciones', role: 'status'});
    const reloadUpdates = async () => refreshInto(updates, await api('/api/v1/channels'),
        (state) => updatesPanel(state, async (what, request) => {
          try {
            const answer = await request();
            updatesResult.textContent = (answer?.resultados || []).map((r) => `${r.ruta}: ${r.mensaje}`).join(' ')
              || `${what}: hecho.`;
          } catch (problem) {
            updatesResult.textContent = `${what}: ${problem.message}`;
          }
          await Promise.all([reloadUpdates(), reloadGuides()]);
        }));
    // An offline kit (one zip with the channel) for schools without network: verified like the channel itself.
    const kitForm = el('form', {id: 'carga-kit'},
        el('label', {for: 'kit-canal'}, 'Kit sin conexión (.zip)'),
        el('input', {id: 'kit-canal', name: 'kit', type: 'file', accept: '.zip'}),
        el('button', {type: 'submit'}, 'Importar kit'));
    kitForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      const file = kitForm.kit.files[0];
      if (!file) {
        updatesResult.textContent = 'Elija el archivo .zip del kit.';
        return;
      }
      const response = await fetch(`/api/v1/channels/kits?archivo=${encodeURIComponent(file.name)}`, {method: 'POST',
        body: file, credentials: 'same-origin',
        headers: {'Content-Type': 'application/zip', 'X-CSRF-Token': sesion.csrfToken}});
      const body = await response.json();
      updatesResult.textContent = response.ok ? `Kit ${file.name} importado: revise lo que ofrece abajo.`
        : `${body.detail}`;
      await reloadUpdates();
    });
    content.push(el('h2', {}, 'Actualizaciones'), kitForm, updatesResult, updates, el('h2', {}, 'Módulos'), modules,
        el('h2', {}, 'Bitácora de auditoría'), filter, log);
    reloads.push(async () => refreshInto(modules, await api('/api/v1/admin/modules'), moduleTable), reloadLog,
        reloadUpdates);
  }
  show('Administración: guías y módulos', ...content);
  await Promise.all(reloads.map((reload) => reload()));
  // What others install (the shell, the deploy folder, another publisher) shows up without reloading the page.
  refreshAdmin = setInterval(() => reloads.forEach((reload) => reload().catch(() => {})), 5000);
}

async function route() {
  if (refreshAdmin) {
    clearInterval(refreshAdmin);
    refreshAdmin = null;
  }
  if (!sesion) {
    signIn();
    return;
  }
  try {
    const hash = decodeURIComponent(location.hash.slice(1));
    if (hash.startsWith('guia/')) {
      await guideScreen(hash.slice('guia/'.length));
      return;
    }
    leaveGuide();
    if (hash === 'admin/guias' && publishes(sesion)) {
      await admin();
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
// After one visit the UI opens with no network (sw.js). Browsers allow a worker only on HTTPS or on this machine.
if ('serviceWorker' in navigator && window.isSecureContext) {
  navigator.serviceWorker.register('/ui/sw.js', {scope: '/ui/'}).catch(() => {});
}
// The skip link moves the focus to the content itself: its # would otherwise be read as an address by the router.
document.querySelector('.saltar').addEventListener('click', (event) => {
  event.preventDefault();
  document.getElementById('principal').focus();
});
api('/api/v1/session').then((current) => {
  sesion = current;
  showAccount();
}).catch(() => {
  sesion = null;
}).finally(route);
