import type { Headline } from '../community/reportSchema';
import { formatChange, formatFigure } from '../shared/format';
import { FIGURES, HEADLINE_IDS, type HeadlineFigure, type HeadlineId } from '../report/figures';

/**
 * The headline figures of a window with their change from the previous window: what the Health view
 * lists and the dashboard's cards show (both render these rows, so they always agree). Pure: every
 * figure is the engine's (`report.headline`, `report.previous.headline`), read as it is.
 */

/** What the rows say besides the figures. */
export interface HeadlineContext {
  /** `previous 90 days`, or `no earlier window` when there is none. */
  readonly previousLabel: string;
  /** The response target the engine used (`report.settings.responseTargetHours`). */
  readonly targetHours: number;
}

export type Tone = 'good' | 'bad' | 'neutral';

export interface HeadlineChange {
  /** `▲` up, `▼` down, `=` unchanged. */
  readonly arrow: '▲' | '▼' | '=';
  /** `+2.1 h`, `−5 pts`, `0`. */
  readonly text: string;
  /** Whether the change is good news (for colour; the arrow gives the direction). */
  readonly tone: Tone;
}

export interface HeadlineRow {
  readonly id: HeadlineId;
  readonly label: string;
  /** The figure as text, `—` when the engine gives none. */
  readonly value: string;
  /** null when either window has no figure to compare. */
  readonly change: HeadlineChange | null;
  /** The window compared with: `previous 90 days`, or `no earlier window`. */
  readonly previousWindow: string;
  /** The figure of that window as text (`4.2 h`, `—`); null when there is no earlier window. */
  readonly previousFigure: string | null;
  /** What the figure means, in a sentence or two. */
  readonly definition: string;
  /** The definition in docs/metrics.md, quoted word for word (markup dropped): doc and views cannot drift apart. */
  readonly docsQuote: string;
  /** Why the figure is missing, from the engine, when it is. */
  readonly missingReason: string | null;
  /** `previous 90 days: 4.2 h`, or `no earlier window`. */
  readonly previous: string;
  /** The dashboard card's and the Health item's tooltip: definition, docs quote, previous window, and why the figure is missing. */
  readonly tooltip: string;
}

/**
 * The headline rows of a window. `previous` null: the window covers all history (no earlier window), so
 * there is no change to show, and a figure that compares with the time before the window has no meaning.
 */
export function buildHeadlines(current: Headline, previous: Headline | null, context: HeadlineContext): HeadlineRow[] {
  const { previousLabel, targetHours } = context;
  return HEADLINE_IDS.map((id): HeadlineRow => {
    const spec: HeadlineFigure = FIGURES[id];
    const meaningless = previous === null ? spec.meaninglessOverAllHistory : undefined;
    const value = meaningless ? null : current[spec.headline];
    const before = previous ? previous[spec.headline] : null;
    const previousFigure = previous ? formatFigure(spec.kind, before) : null;
    const row = {
      id,
      label: spec.label(targetHours),
      value: formatFigure(spec.kind, value),
      change: value !== null && before !== null ? describeChange(spec, value - before) : null,
      previousWindow: previousLabel,
      previousFigure,
      definition: spec.definition(current, targetHours),
      docsQuote: spec.docsQuote,
      missingReason: value === null ? (meaningless ?? current.reasons[spec.headline] ?? 'no data in the window') : null,
      previous: previousFigure === null ? previousLabel : `${previousLabel}: ${previousFigure}`,
    };
    return { ...row, tooltip: headlineTooltip(row) };
  });
}

function describeChange(spec: HeadlineFigure, delta: number): HeadlineChange {
  const text = formatChange(spec.kind, delta);
  if (text === null) return { arrow: '=', text: 'no change', tone: 'neutral' };
  const up = delta > 0;
  return { arrow: up ? '▲' : '▼', text, tone: up === (spec.better === 'higher') ? 'good' : 'bad' };
}

/** The tooltip's text: why the figure is missing, its definition, the docs quote, the previous window. */
function headlineTooltip(row: Omit<HeadlineRow, 'tooltip'>): string {
  const lines = [row.definition, `docs/metrics.md: “${row.docsQuote}”`, row.previous];
  if (row.missingReason) lines.unshift(`No figure: ${row.missingReason}.`);
  return lines.join('\n\n');
}

/** How a headline row appears as a tree item: the figure and its change, an arrow icon coloured by tone. */
export interface HeadlineItemLook {
  /** `4.2 h  ▼ −1.1 h`. */
  readonly description: string;
  /** Plain-text tooltip: the figure, its definition, the previous window. */
  readonly tooltip: string;
  /** Codicon id. */
  readonly icon: 'arrow-up' | 'arrow-down' | 'arrow-right' | 'circle-slash' | 'dash';
  /** Theme colour id, or null for the default. */
  readonly color: 'charts.green' | 'charts.red' | null;
}

export function headlineItemLook(row: HeadlineRow): HeadlineItemLook {
  const change = row.change ? `  ${row.change.arrow} ${row.change.text}` : '';
  const icon = row.missingReason
    ? 'circle-slash'
    : !row.change
      ? 'dash'
      : row.change.arrow === '▲'
        ? 'arrow-up'
        : row.change.arrow === '▼'
          ? 'arrow-down'
          : 'arrow-right';
  const color = row.change?.tone === 'good' ? 'charts.green' : row.change?.tone === 'bad' ? 'charts.red' : null;
  return { description: `${row.value}${change}`, tooltip: `${row.label}: ${row.value}${change}\n\n${row.tooltip}`, icon, color };
}
