// The print module's panels: on a school's home its documents as the server prints them; on the supervision's homes
// the zone's or the state's results as a workbook. Served by this bundle at /ui/paneles/{lugar}/
// (docs/adr/0001-web-ui.md); they leave with the module. Texts are set as text, never as HTML.

/** A month to choose (this month at first), with its label and help: the field, and the three to place on the page. */
function monthField(el, id, label) {
  const month = el('input', {id, type: 'month', value: new Date().toISOString().slice(0, 7),
    pattern: '[0-9]{4}-[0-9]{2}', 'aria-describedby': `ayuda-${id}`});
  return [month, [el('label', {for: id}, label), month,
    el('p', {id: `ayuda-${id}`, class: 'ayuda'}, 'Un mes, por ejemplo 2016-11.')]];
}

/** The product types a guide lays out itself: a session with any of them has its products' documents. */
const GUIDE_LAID_OUT = ['tabla', 'formulario', 'lista-cotejo', 'rubrica'];

/**
 * Links to the school's documents as the server prints them: the concentrate (the paper pliego), the cards and the
 * bitácora as PDF, the results table and the bitácora as XLSX, the results table as CSV for a spreadsheet, and the
 * tables, forms, checklists and rubrics of the sessions whose guide has them; ctx.sessions are the school's active
 * sessions.
 */
export async function escuela(ctx) {
  const {el} = ctx;
  const base = `/api/v1/print/${encodeURIComponent(ctx.school)}`;
  const [period, periodField] = monthField(el, 'periodo-impresion', 'Periodo de los resultados');
  const documents = el('ul', {id: 'documentos'});
  const link = (href, text) => el('li', {}, el('a', {href, download: ''}, text));
  const update = () => {
    const month = encodeURIComponent(period.value);
    documents.replaceChildren(
        link(`${base}/concentrado.pdf?periodo=${month}`, 'Concentrado de la escuela (PDF)'),
        link(`${base}/concentrado.xlsx?periodo=${month}`, 'Concentrado de la escuela (Excel, XLSX)'),
        link(`${base}/fichas.pdf?periodo=${month}`, 'Fichas de intervención (PDF)'),
        link(`${base}/fichas.xlsx?periodo=${month}`, 'Fichas de intervención (Excel, XLSX)'),
        link(`${base}/resultados.xlsx?periodo=${month}`, 'Tabla de resultados (Excel, XLSX)'),
        link(`${base}/resultados.csv?periodo=${month}`, 'Tabla de resultados (CSV para hoja de cálculo)'),
        ...ctx.sessions.flatMap((guide) => [
          link(`${base}/bitacora.pdf?sesion=${encodeURIComponent(guide.key)}`,
              `Cuaderno de Bitácora: ${guide.title} (PDF)`),
          link(`${base}/bitacora.xlsx?sesion=${encodeURIComponent(guide.key)}`,
              `Cuaderno de Bitácora: ${guide.title} (Excel, XLSX)`),
          ...((guide.editions || []).some((e) => (e.productTypes || []).some((t) => GUIDE_LAID_OUT.includes(t)))
            ? [link(`${base}/productos.pdf?sesion=${encodeURIComponent(guide.key)}`,
                `Tablas y formatos: ${guide.title} (PDF)`),
            link(`${base}/productos.xlsx?sesion=${encodeURIComponent(guide.key)}`,
                `Tablas y formatos: ${guide.title} (Excel, XLSX)`)] : [])]));
  };
  period.addEventListener('change', update);
  update();
  return {orden: 90, contenido: [el('h2', {}, 'Imprimir y exportar'), ...periodField, documents]};
}

/** A month and the link to a roll-up's workbook for it. */
function rollupDownload(ctx, path, what) {
  const {el} = ctx;
  const [period, periodField] = monthField(el, 'periodo-descarga', 'Periodo de los resultados');
  const link = el('a', {download: ''}, `Resultados ${what} (Excel, XLSX)`);
  const update = () => link.setAttribute('href', `${path}?periodo=${encodeURIComponent(period.value)}`);
  period.addEventListener('change', update);
  update();
  return {orden: 90, contenido: [el('h2', {}, 'Descargar'), ...periodField,
    el('p', {id: 'descarga-resultados'}, link)]};
}

export async function zona(ctx) {
  return rollupDownload(ctx, `/api/v1/print/zonas/${encodeURIComponent(ctx.zone)}/resultados.xlsx`, 'de la zona');
}

export async function entidad(ctx) {
  return rollupDownload(ctx, `/api/v1/print/entidades/${encodeURIComponent(ctx.state)}/resultados.xlsx`,
      'de la entidad');
}
