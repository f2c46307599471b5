// What the results module's editors share: the traffic-light values and their names.

export const PROGRESS = [['logrado', 'Logrado'], ['en-proceso', 'En proceso'], ['sin-avance', 'Sin avance']];
export const PROGRESS_NAME = Object.fromEntries(PROGRESS);
export const PERIOD_LABEL = 'Periodo de los resultados esperados (mes)';

/** Where the module answers a school's reading of one period: expected, coincidences, strategy or concentrate. */
export function periodRead(school, what, period) {
  return `/api/v1/results/${encodeURIComponent(school)}/${what}?periodo=${encodeURIComponent(period)}`;
}
