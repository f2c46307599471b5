// Editors of the results-analysis products of the third session, activities 1 to 7: the table of expected results
// with its traffic light (cuadro.js), each group's rating (cuadro.js), the grade teams' coincidences and synthesis,
// the Estrategia Global's actions and the school's concentrate with its link to the Ruta de Mejora (analisis.js).
// Served by the results module (mx.cte.results.web) at /ui/editores/{bundle}/{versión}/editor.js for all its types;
// its panels on the zone's and the state's homes are in paneles/tablero.js; the reads each editor starts with are
// declared in lecturas.json, so the session screen starts them with the editor's files. Writes go through the UI's
// outbox (ctx.send); a record someone else changed meanwhile (409) is shown next to the person's own
// version and never overwritten without asking. Texts from the server are set as text, never as HTML.

import {expectedTable, groupRatings} from './cuadro.js';
import {concentrate, gradeTeams, strategy} from './analisis.js';

const EDITORS = {
  'cuadro-resultados': expectedTable,
  'valoracion-grupo': groupRatings,
  'coincidencias-grado': gradeTeams,
  'sintesis-equipo': gradeTeams,
  'valoracion-estrategia-global': strategy,
  'concentrado-escuela': concentrate,
  'vinculo-ruta-mejora': concentrate,
};

export async function render(container, ctx) {
  await EDITORS[ctx.product.type](container, ctx);
}

// The panels on the supervision's homes (paneles/tablero.js), loaded only there.
export async function zona(ctx) {
  return (await import('./paneles/tablero.js')).zona(ctx);
}

export async function entidad(ctx) {
  return (await import('./paneles/tablero.js')).entidad(ctx);
}
