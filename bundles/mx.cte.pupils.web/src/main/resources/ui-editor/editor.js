// The pupils module's screens (cte-pupils, docs/modules.md): the session screen's product "revision-alumnos" (a
// group's pupils with the teacher's traffic lights, attendance, risk and support, and the import of a group list) for
// the school's staff, and on the supervisor's home the zone's counts without names. Named data is personal data of
// minors: it is asked for only when a group is opened, and never kept by the page after it. Texts are set as text.

const LIGHTS = {'': 'Sin valorar', 'esperado': 'Nivel esperado (verde)', 'en-desarrollo': 'En desarrollo (amarillo)',
  'requiere-apoyo': 'Requiere apoyo (rojo)'};
const RISKS = {'': 'Sin valorar', 'bajo': 'Bajo', 'medio': 'Medio', 'alto': 'Alto'};
const AREAS = {lectura: 'Lectura', escritura: 'Escritura', matematicas: 'Matemáticas'};

function options(el, labels) {
  return Object.entries(labels).map(([value, label]) => el('option', {value}, label));
}

/** The session screen: the school's groups to choose from, the group's pupils to review, a group list to import. */
export async function render(container, ctx) {
  const {el, api, school, session} = ctx;
  const cycle = (session || '').split(':')[1] || '';
  const base = `/api/v1/pupils/${encodeURIComponent(school)}/${encodeURIComponent(cycle)}`;
  const staff = (ctx.user?.roles || []).some((r) => (r.rol === 'director' || r.rol === 'docente')
    && r.ambito === school);
  if (!staff) {
    container.replaceChildren(el('p', {class: 'aviso-modulo'}, 'Los datos con nombre de los alumnos solo los ven los'
      + ' docentes y la dirección de la escuela; la supervisión ve los conteos en su inicio.'));
    return;
  }
  let groups = [];
  try {
    groups = (await api(`/api/v1/schools/${encodeURIComponent(school)}`)).grupos
        .flatMap((g) => g.grados.map((grade) => ({grade, name: g.nombre})));
  } catch (failure) {
    container.replaceChildren(el('p', {class: 'aviso-modulo'}, 'Sin conexión: la revisión de alumnos se hace con'
      + ' conexión, para no guardar datos de menores en el dispositivo.'));
    return;
  }
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
      list.replaceChildren(...(answer.alumnos.length ? answer.alumnos.map(row)
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
  container.replaceChildren(el('div', {class: 'editor'},
      el('p', {class: 'ayuda'}, `Ciclo ${cycle}. Los datos de cada alumno solo los ven los docentes y la dirección;`
        + ' cada consulta queda registrada.'),
      el('label', {for: choose.id}, 'Grupo'), choose, show, status, list,
      el('h5', {}, 'Importar la lista de un grupo'),
      el('label', {for: file.id}, 'Archivo de Excel (XLSX) o CSV, con las columnas grado, grupo y nombre'), file,
      importError, importButton));
}

/** The supervisor's home: each group of the zone's schools counted, no names. */
export async function zona(ctx) {
  const {el, api, zone} = ctx;
  const now = new Date();
  const year = now.getFullYear();
  const input = el('input', {id: 'alumnos-zona-ciclo', type: 'text', size: '10', pattern: '[0-9]{4}-[0-9]{4}',
    value: now.getMonth() >= 7 ? `${year}-${year + 1}` : `${year - 1}-${year}`});
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
