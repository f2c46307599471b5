// What the results module's editors share: the traffic-light values and their names.

export const PROGRESS = [['logrado', 'Logrado'], ['en-proceso', 'En proceso'], ['sin-avance', 'Sin avance']];
export const PROGRESS_NAME = Object.fromEntries(PROGRESS);
export const PERIOD_LABEL = 'Periodo de los resultados esperados (mes)';
