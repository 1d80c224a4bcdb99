import { axisX, axisY, barY, cell, line, lineY, plot, ruleY, text, type Markish, type PlotOptions } from '@observablehq/plot';

/**
 * The dashboard's charts, drawn by Observable Plot as SVG in the theme's colours (`--vscode-charts-*`
 * custom properties resolve at paint time, so a theme change recolours them without a redraw). Each
 * chart is decorative next to its table, which carries the same figures as text.
 */

export const COLORS = {
  blue: 'var(--vscode-charts-blue)',
  orange: 'var(--vscode-charts-orange)',
  green: 'var(--vscode-charts-green)',
  purple: 'var(--vscode-charts-purple)',
  red: 'var(--vscode-charts-red)',
  lines: 'var(--vscode-charts-lines)',
} as const;

const STYLE = { background: 'transparent', color: 'var(--vscode-foreground)', fontFamily: 'var(--vscode-font-family)', fontSize: '11px' };
const HEIGHT = 220;

export interface Bar {
  readonly label: string;
  readonly value: number;
}

export function barChart(bars: readonly Bar[], options: { width: number; yLabel: string; description: string }): Element {
  return drawPlot({
    width: options.width,
    height: HEIGHT,
    ariaLabel: options.description,
    x: { label: null, domain: bars.map((bar) => bar.label), padding: 0.15 },
    y: { label: options.yLabel, grid: true },
    marks: [barY(bars, { x: 'label', y: 'value', fill: COLORS.blue }), ruleY([0], { stroke: COLORS.lines })],
  });
}

export interface Series {
  readonly name: string;
  readonly color: string;
  readonly points: readonly { readonly x: Date; readonly y: number | null }[];
}

/** Lines over time; `rule` draws a labelled horizontal reference line (the response target). */
export function lineChart(
  series: readonly Series[],
  options: { width: number; yLabel: string; description: string; rule?: { y: number; label: string } },
): Element {
  const marks: Markish[] = series.map((one) =>
    lineY(one.points, { x: 'x', y: 'y', stroke: one.color, strokeWidth: 2, marker: one.points.length < 30 ? 'circle-stroke' : null }),
  );
  if (options.rule) {
    const { y, label } = options.rule;
    marks.push(ruleY([y], { stroke: COLORS.red, strokeDasharray: '4 3' }));
    marks.push(text([label], { frameAnchor: 'top-right', dy: 2, fill: COLORS.red }));
  }
  return drawPlot({
    width: options.width,
    height: HEIGHT,
    ariaLabel: options.description,
    x: { type: 'utc', label: null },
    y: { label: options.yLabel, grid: true, zero: true },
    marks,
  });
}

export interface HeatCell {
  readonly column: number;
  readonly row: string;
  /** 0..1: the cell's shade; null leaves the cell unshaded (nothing to share out). */
  readonly share: number | null;
  readonly label: string;
}

/** A grid of shaded cells (the retention cohorts): one colour, Plot's opacity scale by share, the figure written in. */
export function heatmap(cells: readonly HeatCell[], options: { width: number; xLabel: string; description: string; rows: readonly string[] }): Element {
  return drawPlot({
    width: options.width,
    height: Math.max(120, 28 * options.rows.length + 50),
    ariaLabel: options.description,
    marginLeft: 64,
    padding: 0.05,
    x: { type: 'band', label: options.xLabel, axis: 'top' },
    y: { type: 'band', domain: [...options.rows], label: null },
    // A share of 0 still shows a faint cell, so the grid reads as a grid.
    opacity: { type: 'linear', domain: [0, 1], range: [0.08, 1] },
    marks: [
      cell(
        cells.filter((item) => item.share !== null),
        { x: 'column', y: 'row', fill: COLORS.blue, fillOpacity: 'share' },
      ),
      text(cells, { x: 'column', y: 'row', text: 'label', fill: 'currentColor' }),
    ],
  });
}

/** The Lorenz curve with the line of perfect equality. */
export function lorenzChart(points: readonly { responders: number; responses: number }[], options: { width: number; description: string }): Element {
  const size = Math.min(options.width, 320);
  return drawPlot({
    width: size,
    height: size,
    ariaLabel: options.description,
    // Shares stay 0..1 (Plot's `percent` would rescale the data but not this domain); the ticks read as percentages.
    x: { domain: [0, 1], label: 'share of responders (fewest first)' },
    y: { domain: [0, 1], label: 'share of responses', grid: true },
    marks: [
      line(
        [
          { x: 0, y: 0 },
          { x: 1, y: 1 },
        ],
        { x: 'x', y: 'y', stroke: COLORS.lines, strokeDasharray: '4 3' },
      ),
      line(points, { x: 'responders', y: 'responses', stroke: COLORS.orange, strokeWidth: 2 }),
      axisX({ ticks: 5, tickFormat: '%' }),
      axisY({ ticks: 5, tickFormat: '%' }),
    ],
  });
}

/**
 * Draws a chart in the dashboard's style. Plot adds a `<style>` element to each SVG; the strict CSP (no
 * inline styles) would block it and log a violation, so it is dropped here and webview/dashboard.css
 * carries the same rules.
 */
function drawPlot(options: PlotOptions): Element {
  const chart = plot({ style: STYLE, ...options });
  chart.querySelectorAll('style').forEach((style) => style.remove());
  const wrapper = document.createElement('div');
  wrapper.className = 'chart';
  wrapper.setAttribute('role', 'img');
  wrapper.setAttribute('aria-label', chart.getAttribute('aria-label') ?? '');
  wrapper.append(chart);
  return wrapper;
}
