// The results module's panels on the supervision's homes: the zone's schools and the state's zones by traffic light,
// with the roll-ups by area and by grade of the schools that shared their analysis. The shell shows them on the
// supervisor's home (zona) and the state authority's (entidad); they leave with the module.

/**
 * A roll-up as both homes show it: the chart of its units, their table, then its counts by area and by grade.
 * units are [label, tally] for the chart; unitsTable is the table of the units with the columns of its home.
 */
function rollupView(ctx, {suffix, chartCaption, units, unitsTable, areaCaption, rollup}) {
  const chart = ctx.lightChart(chartCaption, units);
  return [...(chart ? [chart] : []), unitsTable,
    ctx.lightTable(`areas-${suffix}`, areaCaption, 'Área', rollup.porArea.map((r) => [r.area, r])),
    ctx.lightTable(`grados-${suffix}`, 'Valoraciones por grado', 'Grado',
        rollup.porGrado.map((r) => [`${r.grado}.º`, r]))];
}

/** A table of units with their own columns first, then the traffic-light counts. */
function unitsTable(ctx, id, caption, headers, rows) {
  const {el, LIGHT_HEADERS} = ctx;
  return el('table', {class: 'tabla', id}, el('caption', {}, caption),
      el('thead', {}, el('tr', {}, ...[...headers, ...LIGHT_HEADERS].map((h) => el('th', {scope: 'col'}, h)))),
      el('tbody', {}, ...rows));
}

/** The zone's schools, each with whether it shared its analysis and its traffic light, then by area and grade. */
export async function zona(ctx) {
  const {el, api, tallyCells} = ctx;
  const content = await ctx.monthlyView('resultados-zona', async (period) => {
    const rollup = await api(`/api/v1/results/zones/${encodeURIComponent(ctx.zone)}?periodo=${
      encodeURIComponent(period)}`);
    return rollupView(ctx, {suffix: 'zona', chartCaption: `Semáforo de cada escuela, ${period}`,
      units: rollup.escuelas.map((school) => [school.nombre || school.clave, school.total]),
      unitsTable: unitsTable(ctx, 'escuelas-zona', `Escuelas de la zona, ${period}`,
          ['Escuela', 'Compartió su análisis'], rollup.escuelas.map((school) => el('tr', {},
              el('th', {scope: 'row'}, `${school.clave} ${school.nombre}`),
              el('td', {}, school.publicado ? 'Sí' : 'No'), ...tallyCells(school.total)))),
      areaCaption: 'Valoraciones por área o indicador (escuelas que compartieron su análisis)', rollup});
  });
  return {orden: 10, contenido: content};
}

/** The state's zones, each with its schools and how many shared their analysis, then the state by area and grade. */
export async function entidad(ctx) {
  const {el, api, tallyCells} = ctx;
  const content = await ctx.monthlyView('resultados-entidad', async (period) => {
    const rollup = await api(`/api/v1/results/states/${encodeURIComponent(ctx.state)}?periodo=${
      encodeURIComponent(period)}`);
    return rollupView(ctx, {suffix: 'entidad', chartCaption: `Semáforo de cada zona, ${period}`,
      units: rollup.zonas.map((z) => [z.nombre || z.clave, z.total]),
      unitsTable: unitsTable(ctx, 'zonas-entidad', `Zonas escolares, ${period}`,
          ['Zona', 'Escuelas', 'Compartieron su análisis'], rollup.zonas.map((z) => el('tr', {},
              el('th', {scope: 'row'}, z.nombre || z.clave), el('td', {}, String(z.escuelas)),
              el('td', {}, String(z.publicadas)), ...tallyCells(z.total)))),
      areaCaption: 'Valoraciones por área o indicador', rollup});
  });
  return {orden: 10, contenido: content};
}
