// The print module's panel on a school's home: its documents as the server prints them. Served by this bundle at
// /ui/paneles/escuela/ (docs/adr/0001-web-ui.md); it leaves with the module. Texts are set as text, never as HTML.

/**
 * Links to the school's documents as the server prints them: the concentrate (the paper pliego), the cards and the
 * bitácora as PDF, the results table and the bitácora as XLSX, the results table as CSV for a spreadsheet; ctx.sessions
 * are the school's active sessions.
 */
export async function escuela(ctx) {
  const {el} = ctx;
  const base = `/api/v1/print/${encodeURIComponent(ctx.school)}`;
  const period = el('input', {id: 'periodo-impresion', type: 'month', value: new Date().toISOString().slice(0, 7),
    pattern: '[0-9]{4}-[0-9]{2}', 'aria-describedby': 'ayuda-periodo-impresion'});
  const documents = el('ul', {id: 'documentos'});
  const link = (href, text) => el('li', {}, el('a', {href, download: ''}, text));
  const update = () => {
    const month = encodeURIComponent(period.value);
    documents.replaceChildren(
        link(`${base}/concentrado.pdf?periodo=${month}`, 'Concentrado de la escuela (PDF)'),
        link(`${base}/fichas.pdf?periodo=${month}`, 'Fichas de intervención (PDF)'),
        link(`${base}/resultados.xlsx?periodo=${month}`, 'Tabla de resultados (Excel, XLSX)'),
        link(`${base}/resultados.csv?periodo=${month}`, 'Tabla de resultados (CSV para hoja de cálculo)'),
        ...ctx.sessions.flatMap((guide) => [
          link(`${base}/bitacora.pdf?sesion=${encodeURIComponent(guide.key)}`,
              `Cuaderno de Bitácora: ${guide.title} (PDF)`),
          link(`${base}/bitacora.xlsx?sesion=${encodeURIComponent(guide.key)}`,
              `Cuaderno de Bitácora: ${guide.title} (Excel, XLSX)`)]));
  };
  period.addEventListener('change', update);
  update();
  return {orden: 90, contenido: [el('h2', {}, 'Imprimir y exportar'),
    el('label', {for: 'periodo-impresion'}, 'Periodo de los resultados'), period,
    el('p', {id: 'ayuda-periodo-impresion', class: 'ayuda'}, 'Un mes, por ejemplo 2016-11.'), documents]};
}
