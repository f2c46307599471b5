// The improvement programme's panels (module cte-programme, docs/modules.md): on a school's home its programme of a
// school year (PEMC or Ruta de Mejora): the editor for its staff, publishing for its director, the follow-up of each
// action per session; on the supervisor's home the zone's published programmes. Served at /ui/paneles/{lugar}/ and
// loaded by the homes (docs/adr/0001-web-ui.md). Texts from the server are set as text, never as HTML.

const PROGRESS = {'sin-iniciar': 'Sin iniciar', 'en-proceso': 'En proceso', 'cumplida': 'Cumplida',
  'suspendida': 'Suspendida'};

/** The school year under way: from August on, this year and the next. */
function currentCycle(today = new Date()) {
  const year = today.getFullYear();
  return today.getMonth() >= 7 ? `${year}-${year + 1}` : `${year - 1}-${year}`;
}

function cycleField(el, id, cycles) {
  const input = el('input', {id, type: 'text', value: cycles[0] || currentCycle(), pattern: '[0-9]{4}-[0-9]{4}',
    list: `${id}-ciclos`, 'aria-describedby': `${id}-ayuda`, size: '10'});
  const known = el('datalist', {id: `${id}-ciclos`}, ...cycles.map((c) => el('option', {value: c})));
  return [input, [el('label', {for: id}, 'Ciclo escolar'), input, known,
    el('p', {id: `${id}-ayuda`, class: 'ayuda'}, 'Dos años seguidos, por ejemplo 2019-2020.')]];
}

/** The next key of a kind not yet used ("o3" after o1 and o2), so that a new action can name a new objective. */
function nextKey(prefix, items) {
  const used = new Set(items.map((item) => item.id));
  let n = 1;
  while (used.has(`${prefix}${n}`)) {
    n++;
  }
  return `${prefix}${n}`;
}

/** The link to the programme as the print module prints it (the draft with its follow-up for the school's staff). */
function printLink(el, programme) {
  return el('p', {}, el('a', {href: `/api/v1/print/${encodeURIComponent(programme.escuela)}/programa.pdf?ciclo=`
    + encodeURIComponent(programme.ciclo), download: ''}, 'Imprimir el programa (PDF)'));
}

/** The programme read only: what a supervisor sees of a published one. */
function readOnly(el, programme) {
  const area = Object.fromEntries(programme.ambitos.map((a) => [a.clave, a.titulo]));
  const diagnosis = Object.entries(programme.diagnostico || {});
  return [el('h3', {}, `${programme.titulo} ${programme.ciclo}`), printLink(el, programme),
    ...(programme.publicado ? [el('p', {class: 'detalle'}, `Publicado el ${programme.publicado.slice(0, 10)}`)]
      : []),
    el('h4', {}, 'Diagnóstico'),
    diagnosis.length ? el('dl', {}, ...diagnosis.flatMap(([key, text]) => [el('dt', {}, area[key] || key),
      el('dd', {}, text)])) : el('p', {}, 'Sin diagnóstico.'),
    el('h4', {}, 'Objetivos y metas'),
    el('ol', {class: 'objetivos'}, ...programme.objetivos.map((o) => el('li', {}, o.enunciado,
        ...(o.metas.length ? [el('ul', {}, ...o.metas.map((m) => el('li', {}, `${m.descripcion} (${m.fecha})`)))]
          : [])))),
    el('h4', {}, 'Acciones'),
    el('table', {class: 'tabla acciones-programa'},
        el('thead', {}, el('tr', {}, ...['Acción', 'Ámbito', 'Responsables', 'Fechas', 'Cómo se mide']
            .map((h) => el('th', {scope: 'col'}, h)))),
        el('tbody', {}, ...programme.acciones.map((a) => el('tr', {},
            el('td', {}, a.descripcion), el('td', {}, area[a.ambito] || a.ambito),
            el('td', {}, a.responsables.join(', ')), el('td', {}, `${a.inicio} a ${a.fin}`),
            el('td', {}, a.medicion)))))];
}

/**
 * The follow-up of one action: what the sessions recorded, and a form for one session's. On the session screen the
 * session is the one open ({@code fixedSession}); on the school's home it is chosen among the year's sessions.
 */
function followUpBox(ctx, base, programme, action, index, fixedSession) {
  const {el, api} = ctx;
  const id = (part) => `programa-accion-${index}-seguimiento-${part}`;
  const sessions = (ctx.sessions || []).filter((s) => s.key.split(':')[1] === programme.ciclo);
  // The year's sessions installed here are offered; another session's key can be written.
  const session = el('input', {type: 'text', id: id('sesion'), maxlength: '100', list: id('sesiones'),
    placeholder: `SEP:${programme.ciclo}:nivel:ordinaria-1`});
  session.value = fixedSession || sessions[0]?.key || '';
  const known = el('datalist', {id: id('sesiones')}, ...sessions.map((s) => el('option', {value: s.key}, s.title)));
  const progress = el('select', {id: id('avance')},
      ...Object.entries(PROGRESS).map(([key, label]) => el('option', {value: key}, label)));
  const comment = el('input', {type: 'text', id: id('comentario'), maxlength: '2000'});
  const adjustment = el('input', {type: 'text', id: id('ajuste'), maxlength: '2000'});
  const error = el('p', {class: 'error', role: 'alert'});
  const recorded = el('ul', {class: 'seguimiento'});
  const mine = () => (programme.seguimiento || []).filter((f) => f.accion === action.id);
  const show = () => {
    recorded.replaceChildren(...mine().map((f) => el('li', {}, `${f.sesion}: `
        + `${PROGRESS[f.avance] || f.avance}${f.comentario ? `, ${f.comentario}` : ''}`
        + `${f.ajuste ? ` (ajuste: ${f.ajuste})` : ''}`)));
    const current = mine().find((f) => f.sesion === session.value.trim());
    if (current) {
      progress.value = current.avance;
      comment.value = current.comentario;
      adjustment.value = current.ajuste;
    }
  };
  const path = `${base}/${programme.ciclo}/acciones/${encodeURIComponent(action.id)}/seguimiento`;
  const describe = (f) => `${PROGRESS[f.avance] || f.avance}${f.comentario ? `, ${f.comentario}` : ''}`;
  const conflicts = el('div');
  const keep = (saved) => {
    programme.seguimiento = [...(programme.seguimiento || []).filter((f) => f.accion !== action.id
      || f.sesion !== saved.sesion), saved];
    show();
  };
  // On the session screen the follow-up goes through the outbox, as the session's other work: written offline, it is
  // sent when the connection returns, once; met by a colleague's newer one, both are shown to choose.
  const outbox = fixedSession && ctx.send && ctx.conflictBoxes;
  const showConflicts = () => {
    if (outbox) {
      conflicts.replaceChildren(...ctx.conflictBoxes(path, describe, async () => {
        try {
          const stored = (await api(`${base}/${programme.ciclo}/seguimiento`)).seguimiento
              .find((f) => f.accion === action.id && f.sesion === fixedSession);
          if (stored) {
            keep(stored);
          }
        } catch (failure) {
          // offline: what is shown stays until the next visit
        }
        showConflicts();
      }));
    }
  };
  const save = el('button', {type: 'button', id: id('guardar')}, 'Guardar el seguimiento');
  save.addEventListener('click', async () => {
    const key = session.value.trim();
    const before = mine().find((f) => f.sesion === key);
    const body = {sesion: key, avance: progress.value, comentario: comment.value.trim(),
      ajuste: adjustment.value.trim(), version: before?.version || 0};
    if (outbox) {
      const saved = await ctx.send(`Seguimiento de «${action.descripcion}»: ${describe(body)}`, 'PUT', path, body);
      if (saved) {
        keep(saved);
      }
      showConflicts();
      return; // the session screen's line says whether it was saved, kept to send or met another version
    }
    try {
      keep(await api(path, {method: 'PUT', body}));
      error.textContent = '';
    } catch (failure) {
      error.textContent = `No se guardó: ${failure.message}`;
    }
  });
  show();
  showConflicts();
  const sessionFields = fixedSession ? [] : [el('label', {for: session.id}, 'Sesión (su clave)'), session, known];
  return el('details', {class: 'seguimiento-accion', ...(fixedSession ? {open: ''} : {})},
      el('summary', {}, 'Seguimiento en las sesiones'), recorded, conflicts, ...sessionFields,
      el('label', {for: progress.id}, 'Avance'), progress, el('label', {for: comment.id}, 'Qué se observó'), comment,
      el('label', {for: adjustment.id}, 'Ajuste (opcional)'), adjustment, error, save);
}

/**
 * The session screen's product "seguimiento-programa": each action of the school's programme of the session's year,
 * with this session's follow-up and its evidence.
 */
export async function render(container, ctx) {
  const {el, api, school, session} = ctx;
  const base = `/api/v1/programme/${encodeURIComponent(school)}`;
  const cycle = (session || '').split(':')[1] || '';
  const staff = (ctx.user?.roles || []).some((r) => (r.rol === 'director' || r.rol === 'docente')
    && r.ambito === school);
  const area = el('div', {class: 'programa-sesion'});
  container.replaceChildren(area);
  let programme;
  try {
    programme = await api(`${base}/${encodeURIComponent(cycle)}`);
    // The follow-up is the school's own: its supervision reads the published programme only.
    programme.seguimiento = programme.version > 0 && staff
      ? (await api(`${base}/${encodeURIComponent(cycle)}/seguimiento`)).seguimiento : [];
  } catch (failure) {
    area.replaceChildren(el('p', {class: failure.status ? 'error' : 'aviso-modulo', role: 'alert'}, failure.status
      ? failure.message : 'Sin conexión: el programa de mejora se ve al volver la conexión.'));
    return;
  }
  if (!programme.acciones.length) {
    area.replaceChildren(el('p', {class: 'aviso-modulo'}, `La escuela aún no tiene acciones en su programa de mejora`
      + ` ${cycle}: escríbalo en «Programa de mejora», en el inicio de la escuela.`));
    return;
  }
  const objective = Object.fromEntries(programme.objetivos.map((o) => [o.id, o.enunciado]));
  area.replaceChildren(el('p', {class: 'detalle'}, `${programme.titulo} ${programme.ciclo}`),
      ...programme.acciones.map((action, index) => el('section', {class: 'accion-sesion'},
          el('h5', {}, action.descripcion), el('p', {class: 'detalle'}, `${objective[action.objetivo] || ''}`
            + ` · Responsables: ${action.responsables.join(', ')} · Se mide: ${action.medicion}`),
          ...(staff ? [followUpBox(ctx, base, programme, action, index, session)] : []),
          ...(ctx.evidence ? ctx.evidence({tipo: 'accion-programa', id: `${programme.ciclo}|${action.id}`}) : []))));
}

/**
 * The school's home: its programme of the school year chosen. Staff edit it (saved whole with the version read; a
 * field at fault is pointed at), carry an earlier year's over, follow each action up in a session of the year; the
 * director publishes it. Readers see what was published.
 */
export async function escuela(ctx) {
  const {el, api, school, user} = ctx;
  const base = `/api/v1/programme/${encodeURIComponent(school)}`;
  const staff = (user?.roles || []).some((r) => (r.rol === 'director' || r.rol === 'docente') && r.ambito === school);
  const directs = (user?.roles || []).some((r) => r.rol === 'director' && r.ambito === school);
  let cycles = [];
  try {
    cycles = (await api(base)).ciclos.map((c) => c.ciclo);
  } catch (failure) {
    // offline or nothing yet: the year under way
  }
  const [cycle, cycleFields] = cycleField(el, 'programa-ciclo', cycles);
  const area = el('div', {id: 'programa', class: 'editor'});
  const status = el('p', {id: 'programa-estado', class: 'estado-guardado', role: 'status'});

  async function load() {
    status.textContent = '';
    try {
      const programme = await api(`${base}/${encodeURIComponent(cycle.value.trim())}`);
      area.replaceChildren(...(staff ? editor(programme) : readOnly(el, programme)));
    } catch (failure) {
      area.replaceChildren(el('p', {class: failure.status ? 'error' : 'aviso-modulo', role: 'alert'},
          failure.status ? failure.message : 'Sin conexión: el programa se ve al volver la conexión.'));
    }
  }

  function editor(programme) {
    const areaTitle = Object.fromEntries(programme.ambitos.map((a) => [a.clave, a.titulo]));
    const draft = {diagnostico: {...programme.diagnostico}, objetivos: structuredClone(programme.objetivos),
      acciones: structuredClone(programme.acciones)};
    const errors = el('div', {id: 'programa-errores', class: 'error', role: 'alert'});
    const body = el('div');
    const input = (id, value, attributes = {}) => {
      const field = el(attributes.rows ? 'textarea' : 'input', {id, ...(attributes.rows ? {} : {type: 'text'}),
        ...attributes});
      field.value = value ?? '';
      return field;
    };
    const labelled = (id, text, field) => el('div', {class: 'campo'}, el('label', {for: id}, text), field);

    function objectiveBox(objective, index) {
      const id = (part) => `programa-objetivo-${index}-${part}`;
      const bind = (part, key, label, attributes) => {
        const field = input(id(part), objective[key], attributes);
        field.dataset.campo = `objetivos[${index}].${key}`;
        field.addEventListener('input', () => {
          objective[key] = field.value;
        });
        return labelled(field.id, label, field);
      };
      const areas = el('fieldset', {class: 'ambitos'}, el('legend', {}, 'Ámbitos'),
          ...programme.ambitos.map((a) => {
            const box = el('input', {type: 'checkbox', id: id(`ambito-${a.clave}`), value: a.clave});
            box.checked = (objective.ambitos || []).includes(a.clave);
            box.addEventListener('change', () => {
              objective.ambitos = programme.ambitos.map((x) => x.clave)
                  .filter((k) => document.getElementById(id(`ambito-${k}`))?.checked);
            });
            return el('label', {class: 'opcion'}, box, ` ${a.titulo}`);
          }));
      const goals = el('ul', {class: 'metas'}, ...(objective.metas || []).map((goal, g) => {
        const text = input(id(`meta-${g}`), goal.descripcion, {maxlength: '300'});
        text.dataset.campo = `objetivos[${index}].metas[${g}].descripcion`;
        text.addEventListener('input', () => {
          goal.descripcion = text.value;
        });
        const date = el('input', {type: 'date', id: id(`meta-${g}-fecha`), value: goal.fecha || ''});
        date.dataset.campo = `objetivos[${index}].metas[${g}].fecha`;
        date.addEventListener('change', () => {
          goal.fecha = date.value || null;
        });
        const drop = el('button', {type: 'button'}, 'Quitar la meta');
        drop.addEventListener('click', () => {
          objective.metas.splice(g, 1);
          redraw();
        });
        return el('li', {}, labelled(text.id, `Meta ${g + 1}`, text), labelled(date.id, 'Para el', date), drop);
      }));
      const addGoal = el('button', {type: 'button', id: id('agregar-meta')}, 'Agregar una meta');
      addGoal.addEventListener('click', () => {
        objective.metas = [...(objective.metas || []), {descripcion: '', fecha: null}];
        redraw();
      });
      const date = el('input', {type: 'date', id: id('fecha'), value: objective.fecha || ''});
      date.dataset.campo = `objetivos[${index}].fecha`;
      date.addEventListener('change', () => {
        objective.fecha = date.value || null;
      });
      const drop = el('button', {type: 'button'}, 'Quitar el objetivo');
      drop.addEventListener('click', () => {
        draft.objetivos.splice(index, 1);
        redraw();
      });
      return el('fieldset', {class: 'objetivo'}, el('legend', {}, `Objetivo ${index + 1} (${objective.id})`),
          bind('verbo', 'verbo', 'Verbo (por ejemplo, Incrementar)', {maxlength: '60'}),
          bind('indicador', 'indicador', 'Indicador (qué se mide)', {maxlength: '300'}),
          bind('metrica', 'metrica', 'Métrica (porcentaje, número de alumnos…)', {maxlength: '60'}),
          bind('meta', 'meta', 'Meta (el valor a alcanzar)', {maxlength: '60'}),
          labelled(date.id, 'Fecha en que se alcanza', date), areas, el('h5', {}, 'Metas'), goals, addGoal, drop);
    }

    function actionBox(action, index) {
      const id = (part) => `programa-accion-${index}-${part}`;
      const bind = (part, key, label, attributes) => {
        const field = input(id(part), action[key], attributes);
        field.dataset.campo = `acciones[${index}].${key}`;
        field.addEventListener('input', () => {
          action[key] = field.value;
        });
        return labelled(field.id, label, field);
      };
      const select = (part, key, label, options) => {
        const field = el('select', {id: id(part)}, el('option', {value: ''}, 'Elija…'),
            ...options.map(([value, text]) => el('option', {value}, text)));
        field.value = action[key] || '';
        field.dataset.campo = `acciones[${index}].${key}`;
        field.addEventListener('change', () => {
          action[key] = field.value;
        });
        return labelled(field.id, label, field);
      };
      const date = (part, key, label) => {
        const field = el('input', {type: 'date', id: id(part), value: action[key] || ''});
        field.dataset.campo = `acciones[${index}].${key}`;
        field.addEventListener('change', () => {
          action[key] = field.value || null;
        });
        return labelled(field.id, label, field);
      };
      const responsibles = input(id('responsables'), (action.responsables || []).join(', '), {maxlength: '1300'});
      responsibles.dataset.campo = `acciones[${index}].responsables`;
      responsibles.addEventListener('input', () => {
        action.responsables = responsibles.value.split(',').map((r) => r.trim()).filter(Boolean);
      });
      const drop = el('button', {type: 'button'}, 'Quitar la acción');
      drop.addEventListener('click', () => {
        draft.acciones.splice(index, 1);
        redraw();
      });
      return el('fieldset', {class: 'accion'}, el('legend', {}, `Acción ${index + 1} (${action.id})`),
          bind('descripcion', 'descripcion', 'Qué se hace', {rows: '2', maxlength: '500'}),
          select('objetivo', 'objetivo', 'Objetivo al que sirve', draft.objetivos.map((o, i) => [o.id,
            `${i + 1}. ${o.verbo || ''} ${o.indicador || ''}`.trim()])),
          select('ambito', 'ambito', 'Ámbito', programme.ambitos.map((a) => [a.clave, a.titulo])),
          labelled(responsibles.id, 'Responsables (separados por comas)', responsibles),
          bind('recursos', 'recursos', 'Recursos', {maxlength: '500'}),
          date('inicio', 'inicio', 'Inicio'), date('fin', 'fin', 'Fin'),
          bind('medicion', 'medicion', 'Cómo se mide', {maxlength: '300'}),
          ...(programme.version > 0 && saved(action.id) ? [followUpBox(ctx, base, programme, action, index),
            ...(ctx.evidence ? ctx.evidence({tipo: 'accion-programa', id: `${programme.ciclo}|${action.id}`}) : [])]
            : []), drop);
    }

    /** Follow-up and evidence go to actions the server has, not to one added since the last save. */
    const saved = (id) => programme.acciones.some((a) => a.id === id);

    function redraw() {
      const diagnosis = programme.ambitos.map((a) => {
        const field = input(`programa-diagnostico-${a.clave}`, draft.diagnostico[a.clave], {rows: '3',
          maxlength: '4000'});
        field.dataset.campo = `diagnostico.${a.clave}`;
        field.addEventListener('input', () => {
          draft.diagnostico[a.clave] = field.value;
        });
        return labelled(field.id, a.titulo, field);
      });
      const addObjective = el('button', {type: 'button', id: 'programa-agregar-objetivo'}, 'Agregar un objetivo');
      addObjective.addEventListener('click', () => {
        draft.objetivos.push({id: nextKey('o', draft.objetivos), verbo: '', indicador: '', metrica: '', meta: '',
          fecha: null, ambitos: [], metas: []});
        redraw();
      });
      const addAction = el('button', {type: 'button', id: 'programa-agregar-accion'}, 'Agregar una acción');
      addAction.addEventListener('click', () => {
        draft.acciones.push({id: nextKey('a', draft.acciones), objetivo: draft.objetivos[0]?.id || '', ambito: '',
          descripcion: '', responsables: [], recursos: '', inicio: null, fin: null, medicion: ''});
        redraw();
      });
      body.replaceChildren(el('h4', {}, 'Diagnóstico por ámbito'), ...diagnosis,
          el('h4', {}, 'Objetivos'), ...draft.objetivos.map(objectiveBox), addObjective,
          el('h4', {}, 'Acciones'), ...draft.acciones.map(actionBox), addAction);
    }

    function pointAt(fields) {
      body.querySelectorAll('[aria-invalid]').forEach((f) => f.removeAttribute('aria-invalid'));
      errors.replaceChildren(el('ul', {}, ...fields.map((f) => el('li', {}, f.mensaje))));
      for (const f of fields) {
        const match = [...body.querySelectorAll('[data-campo]')].find((n) => n.dataset.campo === f.campo
            || f.campo.startsWith(`${n.dataset.campo}[`));
        match?.setAttribute('aria-invalid', 'true');
      }
      body.querySelector('[aria-invalid]')?.focus();
    }

    const kind = el('select', {id: 'programa-tipo'}, el('option', {value: 'pemc'},
        'Programa Escolar de Mejora Continua (PEMC)'), el('option', {value: 'ruta-mejora'}, 'Ruta de Mejora Escolar'));
    kind.value = programme.tipo;
    const saveButton = el('button', {type: 'button', id: 'programa-guardar'}, 'Guardar el programa');
    saveButton.addEventListener('click', async () => {
      try {
        const saved = await api(`${base}/${programme.ciclo}`, {method: 'PUT', body: {tipo: kind.value,
          version: programme.version, ...draft}});
        errors.replaceChildren();
        await load();
        status.textContent = `Programa guardado (versión ${saved.version}).`;
      } catch (failure) {
        pointAt(failure.fields?.length ? failure.fields : [{campo: '', mensaje: failure.message}]);
        if (failure.status === 409) {
          errors.append(el('p', {}, 'Otra persona guardó el programa mientras usted lo editaba: recargue para ver su'
            + ' versión y vuelva a hacer sus cambios.'));
        }
      }
    });
    const controls = [saveButton];
    if (directs && programme.version > 0) {
      const publish = el('button', {type: 'button', id: 'programa-publicar'}, 'Publicar para la supervisión');
      publish.addEventListener('click', async () => {
        try {
          await api(`${base}/${programme.ciclo}/publicar`, {method: 'POST', body: {version: programme.version}});
          await load();
          status.textContent = 'Programa publicado: la supervisión ve esta versión.';
        } catch (failure) {
          pointAt([{campo: '', mensaje: failure.message}]);
        }
      });
      controls.push(publish);
    }
    const head = [el('p', {class: 'detalle'}, programme.version === 0 ? 'Aún no se ha guardado.'
      : `Versión ${programme.version}, guardada por ${programme.actualizadoPor}`
        + `${programme.continuadoDe ? `; continúa el programa ${programme.continuadoDe}` : ''}`
        + `${programme.publicado ? `; publicada el ${programme.publicado.slice(0, 10)}` : '; sin publicar'}.`)];
    if (programme.version === 0 && programme.puedeContinuar) {
      const carry = el('button', {type: 'button', id: 'programa-continuar'},
          'Continuar el programa del ciclo anterior');
      carry.addEventListener('click', async () => {
        try {
          await api(`${base}/${programme.ciclo}/continuar`, {method: 'POST', body: {}});
          await load();
          status.textContent = 'Se continuó el programa anterior con sus objetivos y las acciones no cumplidas.';
        } catch (failure) {
          pointAt([{campo: '', mensaje: failure.message}]);
        }
      });
      head.push(carry);
    }
    (async () => {
      if (programme.version > 0) {
        try {
          programme.seguimiento = (await api(`${base}/${programme.ciclo}/seguimiento`)).seguimiento;
        } catch (failure) {
          programme.seguimiento = [];
        }
      }
      redraw();
    })();
    if (programme.version > 0) {
      head.push(printLink(el, programme));
    }
    return [...head, labelled(kind.id, 'Tipo de programa', kind), errors, body, ...controls];
  }

  const choose = el('button', {type: 'button', id: 'programa-ver'}, 'Ver');
  choose.addEventListener('click', load);
  await load();
  return {orden: 30, contenido: [el('h2', {}, 'Programa de mejora'), ...cycleFields, choose, status, area]};
}

/** The supervisor's home: the zone's schools, what each published for the school year, and its programme to read. */
export async function zona(ctx) {
  const {el, api, zone} = ctx;
  const [cycle, cycleFields] = cycleField(el, 'programas-zona-ciclo', []);
  const list = el('ul', {id: 'programas-zona'});
  const shown = el('div', {id: 'programa-escuela', class: 'editor'});

  async function load() {
    shown.replaceChildren();
    try {
      const answer = await api(`/api/v1/programme/zonas/${encodeURIComponent(zone)}?ciclo=`
        + encodeURIComponent(cycle.value.trim()));
      list.replaceChildren(...answer.escuelas.map((school) => {
        if (!school.publicado) {
          return el('li', {}, `${school.nombre} (${school.escuela}): aún no publica su programa.`);
        }
        const read = el('button', {type: 'button', id: `programa-ver-${school.escuela}`}, 'Ver el programa');
        read.addEventListener('click', async () => {
          try {
            const programme = await api(`/api/v1/programme/${encodeURIComponent(school.escuela)}/`
              + encodeURIComponent(answer.ciclo));
            shown.replaceChildren(el('h3', {}, school.nombre), ...readOnly(el, programme));
          } catch (failure) {
            shown.replaceChildren(el('p', {class: 'error', role: 'alert'}, failure.message));
          }
        });
        return el('li', {}, `${school.nombre} (${school.escuela}): publicado el ${school.publicado.slice(0, 10)},`
          + ` ${school.objetivos} objetivos y ${school.acciones} acciones. `, read);
      }));
    } catch (failure) {
      list.replaceChildren(el('li', {}, failure.status ? failure.message
        : 'Sin conexión: los programas de la zona se ven al volver la conexión.'));
    }
  }

  const choose = el('button', {type: 'button', id: 'programas-zona-ver'}, 'Ver');
  choose.addEventListener('click', load);
  await load();
  return {orden: 35, contenido: [el('h2', {}, 'Programas de mejora de las escuelas'), ...cycleFields, choose, list,
    shown]};
}
