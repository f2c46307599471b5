// The results module's panels on the supervision's homes: the zone's schools and the state's zones by traffic light,
// with the roll-ups by area and by grade of the schools that shared their analysis. The shell shows them on the
// supervisor's home (zona) and the state authority's (entidad); they leave with the module.

/** The zone's schools, each with whether it shared its analysis and its traffic light, then by area and grade. */
export async function zona(ctx) {
  const {el, api, lightTable, lightChart, tallyCells, LIGHT_HEADERS} = ctx;
  const content = await ctx.monthlyView('resultados-zona', async (period) => {
    const rollup = await api(`/api/v1/results/zones/${encodeURIComponent(ctx.zone)}?periodo=${
      encodeURIComponent(period)}`);
    const bySchool = el('table', {class: 'tabla', id: 'escuelas-zona'},
        el('caption', {}, `Escuelas de la zona, ${period}`),
        el('thead', {}, el('tr', {}, el('th', {scope: 'col'}, 'Escuela'),
            el('th', {scope: 'col'}, 'Compartió su análisis'), ...LIGHT_HEADERS.map((h) => el('th', {scope: 'col'}, h)))),
        el('tbody', {}, ...rollup.escuelas.map((school) => el('tr', {},
            el('th', {scope: 'row'}, `${school.clave} ${school.nombre}`),
            el('td', {}, school.publicado ? 'Sí' : 'No'), ...tallyCells(school.total)))));
    const chart = lightChart(`Semáforo de cada escuela, ${period}`,
        rollup.escuelas.map((school) => [school.nombre || school.clave, school.total]));
    return [...(chart ? [chart] : []), bySchool,
      lightTable('areas-zona', 'Valoraciones por área o indicador (escuelas que compartieron su análisis)', 'Área',
          rollup.porArea.map((row) => [row.area, row])),
      lightTable('grados-zona', 'Valoraciones por grado', 'Grado',
          rollup.porGrado.map((row) => [`${row.grado}.º`, row]))];
  });
  return {orden: 10, contenido: content};
}

/** The state's zones, each with its schools and how many shared their analysis, then the state by area and grade. */
export async function entidad(ctx) {
  const {el, api, lightTable, lightChart, tallyCells, LIGHT_HEADERS} = ctx;
  const content = await ctx.monthlyView('resultados-entidad', async (period) => {
    const rollup = await api(`/api/v1/results/states/${encodeURIComponent(ctx.state)}?periodo=${
      encodeURIComponent(period)}`);
    const byZone = el('table', {class: 'tabla', id: 'zonas-entidad'},
        el('caption', {}, `Zonas escolares, ${period}`),
        el('thead', {}, el('tr', {}, el('th', {scope: 'col'}, 'Zona'), el('th', {scope: 'col'}, 'Escuelas'),
            el('th', {scope: 'col'}, 'Compartieron su análisis'),
            ...LIGHT_HEADERS.map((h) => el('th', {scope: 'col'}, h)))),
        el('tbody', {}, ...rollup.zonas.map((z) => el('tr', {}, el('th', {scope: 'row'}, z.nombre || z.clave),
            el('td', {}, String(z.escuelas)), el('td', {}, String(z.publicadas)), ...tallyCells(z.total)))));
    const chart = lightChart(`Semáforo de cada zona, ${period}`,
        rollup.zonas.map((z) => [z.nombre || z.clave, z.total]));
    return [...(chart ? [chart] : []), byZone,
      lightTable('areas-entidad', 'Valoraciones por área o indicador', 'Área', rollup.porArea.map((r) => [r.area, r])),
      lightTable('grados-entidad', 'Valoraciones por grado', 'Grado',
          rollup.porGrado.map((r) => [`${r.grado}.º`, r]))];
  });
  return {orden: 10, contenido: content};
}
