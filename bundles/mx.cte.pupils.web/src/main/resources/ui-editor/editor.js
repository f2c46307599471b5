// The pupils module's screens (cte-pupils, docs/modules.md): the session screen's product "revision-alumnos" (a
// group's pupils with the teacher's traffic lights, attendance, risk and support, and the import of a group list) for
// the director and the teachers she assigned to each group, the director's assignment of teachers to groups, and on
// the supervisor's home the zone's counts without names. Named data is personal data of minors: it is asked for only
// when a group is opened, and kept neither by the page after it nor by the service worker for offline use (the server
// marks the answer, JsonResponses.NOT_KEPT_ON_DEVICE). Texts are set as text.

const LIGHTS = {'': 'Sin valorar', 'esperado': 'Nivel esperado (verde)', 'en-desarrollo': 'En desarrollo (amarillo)',
  'requiere-apoyo': 'Requiere apoyo (rojo)'};
const RISKS = {'': 'Sin valorar', 'bajo': 'Bajo', 'medio': 'Medio', 'alto': 'Alto'};
const AREAS = {lectura: 'Lectura', escritura: 'Escritura', matematicas: 'Matemáticas'};

function options(el, labels) {
  return Object.entries(labels).map(([value, label]) => el('option', {value}, label));
}

/** The school year a day is in: from August, the year that starts then (as the server's SchoolYears.of). */
function currentCycle(now = new Date()) {
  const year = now.getFullYear();
  return now.getMonth() >= 7 ? `${year}-${year + 1}` : `${year - 1}-${year}`;
}

/** The school's director or one of its teachers: the only ones who may be shown named data at all. */
function isStaff(ctx) {
  return (ctx.user?.roles || []).some((r) => (r.rol === 'director' || r.rol === 'docente')
    && r.ambito === ctx.school);
}

/** The session screen: the product is of the session's school year. */
export async function render(container, ctx) {
  await review(container, ctx, (ctx.session || '').split(':')[1] || '');
}

/** The school's home: this school year's review, for its director and the teachers of each group. */
export async function escuela(ctx) {
  const {el} = ctx;
  if (!isStaff(ctx)) {
    return null; // supervision reads the counts on its own home
  }
  const container = el('div', {id: 'alumnos-inicio'});
  await review(container, ctx, currentCycle());
  return {orden: 34, contenido: [el('h2', {}, 'Alumnos que requieren apoyo'), container]};
}

/** The school's groups to choose from, the group's pupils to review, a group list to import; who teaches each group. */
async function review(container, ctx, cycle) {
  const {el, api, school} = ctx;
  const base = `/api/v1/pupils/${encodeURIComponent(school)}/${encodeURIComponent(cycle)}`;
  if (!isStaff(ctx)) {
    container.replaceChildren(el('p', {class: 'aviso-modulo'}, 'Los datos con nombre de los alumnos solo los ven los'
      + ' docentes y la dirección de la escuela; la supervisión ve los conteos en su inicio.'));
    return;
  }
  let assignment;
  try {
    assignment = await api(`${base}/asignaciones`);
  } catch (failure) {
    container.replaceChildren(el('p', {class: 'aviso-modulo'}, failure.status ? failure.message : 'Sin conexión: la'
      + ' revisión de alumnos se hace con conexión, para no guardar datos de menores en el dispositivo.'));
    return;
  }
  // The director opens every group; a teacher the groups the director assigned her this school year.
  const groups = assignment.grupos.filter((g) => assignment.asigna || g.docentes.includes(ctx.user?.usuario))
      .flatMap((g) => g.grados.map((grade) => ({grade, name: g.grupo})));
  const choose = el('select', {id: 'alumnos-grupo'}, ...groups.map((g, i) => el('option', {value: String(i)},
      `${g.grade}° ${g.name}`)));
  const list = el('div', {id: 'alumnos-lista'});
  const status = el('p', {id: 'alumnos-estado', class: 'estado-guardado', role: 'status'});

  function row(pupil) {
    const id = (part) => `alumno-${pupil.id}-${part}`;
    const select = (part, labels, value) => {
      const field = el('select', {id: id(part)}, ...options(el, labels));
      field.value = value || '';
      return field;
    };
    const lights = Object.keys(AREAS).map((area) => [area, select(area, LIGHTS, pupil[area])]);
    const attendance = el('input', {type: 'number', id: id('asistencia'), min: '0', max: '100', inputmode: 'numeric'});
    attendance.value = pupil.asistencia ?? '';
    const risk = select('riesgo', RISKS, pupil.riesgo);
    const support = el('input', {type: 'text', id: id('apoyo'), maxlength: '2000'});
    support.value = pupil.apoyo || '';
    const error = el('p', {class: 'error', role: 'alert'});
    const save = el('button', {type: 'button', id: id('guardar')}, 'Guardar');
    save.addEventListener('click', async () => {
      const body = {nombre: pupil.nombre, grado: pupil.grado, grupo: pupil.grupo, riesgo: risk.value,
        asistencia: attendance.value === '' ? null : Number(attendance.value), apoyo: support.value.trim(),
        version: pupil.version, ...Object.fromEntries(lights.map(([area, field]) => [area, field.value]))};
      try {
        Object.assign(pupil, await api(`/api/v1/pupils/${encodeURIComponent(school)}/alumnos/${pupil.id}`,
            {method: 'PUT', body}));
        error.textContent = '';
        status.textContent = `Se guardó la revisión de ${pupil.nombre}.`;
      } catch (failure) {
        error.textContent = failure.status === 409 ? 'Otra persona guardó a este alumno mientras usted lo revisaba:'
          + ' abra de nuevo el grupo para ver sus cambios.' : `No se guardó: ${failure.message}`;
      }
    });
    const field = (input, label) => [el('label', {for: input.id}, label), input];
    return el('fieldset', {class: 'alumno'}, el('legend', {}, pupil.nombre),
        ...lights.flatMap(([area, input]) => field(input, AREAS[area])),
        ...field(attendance, 'Asistencia (% de los días)'), ...field(risk, 'Riesgo de abandono'),
        ...field(support, 'Apoyo acordado'), error, save);
  }

  async function open() {
    const group = groups[Number(choose.value)];
    if (!group) {
      return;
    }
    try {
      const answer = await api(`${base}/grupos/${group.grade}/${encodeURIComponent(group.name)}`);
      // Printed by the print module (each print is an export in the audit log).
      const print = el('p', {}, el('a', {id: 'alumnos-imprimir', download: '', href: `/api/v1/print/`
        + `${encodeURIComponent(school)}/alumnos.pdf?ciclo=${encodeURIComponent(cycle)}&grado=${group.grade}`
        + `&grupo=${encodeURIComponent(group.name)}`}, `Imprimir el grupo ${group.grade}° ${group.name} (PDF)`));
      list.replaceChildren(...(answer.alumnos.length ? [...answer.alumnos.map(row), print]
        : [el('p', {}, 'El grupo aún no tiene alumnos: importe su lista (Excel o CSV con grado, grupo y nombre).')]));
    } catch (failure) {
      list.replaceChildren(el('p', {class: 'error', role: 'alert'}, failure.message));
    }
  }

  const file = el('input', {type: 'file', id: 'alumnos-archivo', accept: '.xlsx,.csv,text/csv,'
    + 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'});
  const importError = el('div', {id: 'alumnos-importar-error', class: 'error', role: 'alert'});
  const importButton = el('button', {type: 'button', id: 'alumnos-importar'}, 'Importar la lista');
  importButton.addEventListener('click', async () => {
    if (!file.files.length) {
      importError.replaceChildren(el('p', {}, 'Elija el archivo de la lista del grupo (Excel o CSV).'));
      return;
    }
    try {
      const result = await api(`${base}/importar`, {method: 'POST', file: file.files[0]});
      importError.replaceChildren();
      status.textContent = `Se agregaron ${result.agregados} alumnos`
        + (result.yaRegistrados.length ? `; ya estaban: ${result.yaRegistrados.join(', ')}.` : '.');
      await open();
    } catch (failure) {
      importError.replaceChildren(el('ul', {}, ...(failure.fields?.length ? failure.fields : [{mensaje:
        failure.message}]).map((f) => el('li', {}, f.mensaje))));
    }
  });
  const show = el('button', {type: 'button', id: 'alumnos-abrir'}, 'Abrir el grupo');
  show.addEventListener('click', () => {
    status.textContent = '';
    open();
  });
  const review = groups.length ? [el('label', {for: choose.id}, 'Grupo'), choose, show, status, list,
    el('h5', {}, 'Importar la lista de un grupo'),
    el('label', {for: file.id}, 'Archivo de Excel (XLSX) o CSV, con las columnas grado, grupo y nombre'), file,
    importError, importButton]
    : [el('p', {id: 'alumnos-sin-grupo', class: 'aviso-modulo'}, `La dirección aún no le asigna un grupo en el ciclo`
      + ` ${cycle}: los datos con nombre de los alumnos los ven la dirección y los docentes de cada grupo.`)];
  container.replaceChildren(el('div', {class: 'editor'},
      el('p', {class: 'ayuda'}, `Ciclo ${cycle}. Los datos de cada alumno solo los ven la dirección y los docentes`
        + ' de su grupo; cada consulta queda registrada.'),
      ...review, ...(assignment.asigna ? assignments(ctx, base, assignment) : [])));
}

/** The director's part: who teaches each group this school year (and so who reads its pupils by name). */
function assignments(ctx, base, assignment) {
  const {el, api} = ctx;
  const status = el('p', {id: 'asignacion-estado', class: 'estado-guardado', role: 'status'});
  const rows = assignment.grupos.map((group) => {
    const key = `${group.grados.join('-')}-${group.grupo}`.replace(/\s+/g, '_');
    const boxes = assignment.docentes.map((teacher) => {
      const box = el('input', {type: 'checkbox', id: `asignar-${key}-${teacher.usuario}`, value: teacher.usuario});
      box.checked = group.docentes.includes(teacher.usuario);
      return [box, el('label', {for: box.id}, teacher.nombre)];
    });
    const error = el('p', {class: 'error', role: 'alert'});
    const save = el('button', {type: 'button', id: `asignar-${key}`}, 'Guardar');
    const label = `${group.grados.map((g) => `${g}°`).join('/')} ${group.grupo}`;
    save.addEventListener('click', async () => {
      const docentes = boxes.filter(([box]) => box.checked).map(([box]) => box.value);
      try {
        await api(`${base}/asignaciones`, {method: 'PUT', body: {grupo: group.grupo, grados: group.grados, docentes}});
        error.textContent = '';
        status.textContent = `Se guardaron los docentes del grupo ${label}.`;
      } catch (failure) {
        error.textContent = `No se guardó: ${failure.message}`;
      }
    });
    return el('fieldset', {class: 'asignacion'}, el('legend', {}, label), ...boxes.flat(),
        assignment.docentes.length ? save : el('p', {}, 'La escuela no tiene cuentas de docentes.'), error);
  });
  return [el('h5', {}, 'Docentes de cada grupo en este ciclo'),
    el('p', {class: 'ayuda'}, 'Cada docente ve y registra solo los alumnos de los grupos que usted le asigna.'),
    status, ...rows];
}

/** The supervisor's home: each group of the zone's schools counted, no names. */
export async function zona(ctx) {
  const {el, api, zone} = ctx;
  const input = el('input', {id: 'alumnos-zona-ciclo', type: 'text', size: '10', pattern: '[0-9]{4}-[0-9]{4}',
    value: currentCycle()});
  const table = el('div', {id: 'alumnos-zona'});
  async function load() {
    try {
      const answer = await api(`/api/v1/pupils/zonas/${encodeURIComponent(zone)}?ciclo=`
        + encodeURIComponent(input.value.trim()));
      table.replaceChildren(answer.grupos.length ? el('table', {class: 'tabla'},
          el('caption', {}, `Alumnos que requieren apoyo, ${answer.ciclo} (sin nombres)`),
          el('thead', {}, el('tr', {}, ...['Escuela y grupo', 'Alumnos', 'Lectura en rojo', 'Escritura en rojo',
            'Matemáticas en rojo', 'Riesgo alto', 'Asistencia baja'].map((h) => el('th', {scope: 'col'}, h)))),
          el('tbody', {}, ...answer.grupos.map((g) => el('tr', {},
              el('th', {scope: 'row'}, `${g.escuela} ${g.grado}° ${g.grupo}`), el('td', {}, String(g.alumnos)),
              ...Object.keys(AREAS).map((a) => el('td', {}, String(g[a]['requiere-apoyo']))),
              el('td', {}, String(g.riesgo.alto)), el('td', {}, String(g.asistenciaBaja))))))
        : el('p', {}, 'Ninguna escuela de la zona ha registrado alumnos en ese ciclo.'));
    } catch (failure) {
      table.replaceChildren(el('p', {class: 'error', role: 'alert'}, failure.message));
    }
  }
  const button = el('button', {type: 'button', id: 'alumnos-zona-ver'}, 'Ver');
  button.addEventListener('click', load);
  await load();
  return {orden: 36, contenido: [el('h2', {}, 'Alumnos que requieren apoyo en la zona'),
    el('label', {for: input.id}, 'Ciclo escolar'), input, button, table]};
}
