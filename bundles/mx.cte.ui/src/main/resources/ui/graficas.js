// Traffic-light charts drawn with uPlot, served with the shell at lib/ and loaded the first time a chart is shown
// (a screen without charts does not pay for it). A chart is for the eye: the table next to it holds the same counts
// for screen readers, for the keyboard and for printing.

const PROGRESS = [['logrado', 'Logrado', '#00703c'], ['en-proceso', 'En proceso', '#b58100'],
  ['sin-avance', 'Sin avance', '#a4000f']];
const HEIGHT = 220;
const WIDEST = 720;

let library = null;

/** uPlot, loaded once per page. */
function chartLibrary() {
  if (!library) {
    library = new Promise((resolve, reject) => {
      const style = document.createElement('link');
      style.rel = 'stylesheet';
      style.href = new URL('./lib/uPlot.min.css', import.meta.url).href;
      const script = document.createElement('script');
      script.src = new URL('./lib/uPlot.iife.min.js', import.meta.url).href;
      script.addEventListener('load', () => resolve(window.uPlot));
      script.addEventListener('error', () => {
        library = null;
        reject(new Error('No se pudo cargar la biblioteca de gráficas.'));
      });
      document.head.append(style, script);
    });
  }
  return library;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

/** An axis label short enough to sit under its bar; the table beside the chart has the full name. */
function shortLabel(text, room) {
  const chars = Math.max(4, Math.floor(room / 7));
  return text.length <= chars ? text : `${text.slice(0, chars - 1)}…`;
}

/**
 * Stacked bars per unit (grade, area, school, zone) of the share of ratings in each state of the traffic light, in
 * per cent so that units of different size compare: green from the bottom, then yellow, then red. rows are
 * [label, {logrado, 'en-proceso', 'sin-avance', total}] as the API gives them. Returns null when nothing was rated.
 */
export function lightChart(caption, rows) {
  const rated = rows.filter(([, tally]) => tally.total > 0);
  if (!rated.length) {
    return null;
  }
  const figure = element('figure', 'grafica');
  const canvas = element('div', 'grafica-lienzo');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', `Gráfica: ${caption}. Los números están en la tabla que la acompaña.`);
  const legend = element('ul', 'leyenda');
  legend.setAttribute('aria-hidden', 'true');
  for (const [key, name] of PROGRESS) {
    const item = element('li', key);
    item.append(element('span', 'muestra'), name);
    legend.append(item);
  }
  figure.append(element('figcaption', '', caption), canvas, legend);

  const labels = rated.map(([label]) => String(label));
  const xs = labels.map((label, i) => i);
  const share = (tally, keys) => 100 * keys.reduce((sum, key) => sum + tally[key], 0) / tally.total;
  // Drawn in order, each over the one before: the whole bar red, its lower part yellow, its lowest part green.
  const data = [xs,
    rated.map(([, t]) => share(t, ['logrado', 'en-proceso', 'sin-avance'])),
    rated.map(([, t]) => share(t, ['logrado', 'en-proceso'])),
    rated.map(([, t]) => share(t, ['logrado']))];
  let chart = null;
  const draw = async (width) => {
    const uPlot = await chartLibrary();
    const bars = uPlot.paths.bars({size: [0.6, 64]});
    const room = width / Math.max(1, labels.length);
    const series = [{}, ...[...PROGRESS].reverse().map(([, name, colour]) => ({label: name, fill: colour,
      stroke: colour, width: 0, paths: bars, points: {show: false}}))];
    chart = new uPlot({
      width, height: HEIGHT, series, legend: {show: false}, cursor: {show: false}, select: {show: false},
      scales: {x: {time: false, range: [-0.5, labels.length - 0.5]}, y: {range: [0, 100]}},
      axes: [
        {splits: () => xs, values: (u, splits) => splits.map((i) => shortLabel(labels[i] ?? '', room)), gap: 4},
        {values: (u, splits) => splits.map((v) => `${v} %`), size: 56},
      ],
    }, data, canvas);
  };
  // Drawn once the figure is on the page and has a width; redrawn to the new width when the window changes.
  new ResizeObserver(() => {
    const width = Math.min(WIDEST, Math.floor(figure.clientWidth));
    if (width <= 0) {
      return;
    }
    if (chart) {
      chart.setSize({width, height: HEIGHT});
    } else if (!canvas.dataset.dibujando) {
      canvas.dataset.dibujando = 'sí';
      draw(width).catch((problem) => {
        canvas.replaceChildren(element('p', 'aviso-modulo', `${problem.message} Los números están en la tabla.`));
      });
    }
  }).observe(figure);
  return figure;
}
