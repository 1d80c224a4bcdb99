import type { Headline } from '../community/reportSchema';
import { formatCount, formatPercent, formatSeconds, NO_VALUE } from '../shared/format';

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

/** The headline's figures (all but its `reasons`). */
type HeadlineFigure = Exclude<keyof Headline, 'reasons'>;

export type HeadlineId =
  | 'firstResponseMedian'
  | 'firstResponseP90'
  | 'withinTarget'
  | 'noResponse'
  | 'answerRate'
  | 'weeklyActive'
  | 'returningRate'
  | 'absenceFactor';

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
}

type Kind = 'seconds' | 'percent' | 'count';

interface HeadlineSpec {
  readonly id: HeadlineId;
  /** The engine's headline figure shown, with its reason when null. */
  readonly figure: HeadlineFigure;
  readonly label: (context: HeadlineContext) => string;
  readonly kind: Kind;
  readonly better: 'higher' | 'lower';
  readonly definition: (current: Headline, context: HeadlineContext) => string;
  readonly docsQuote: string;
  /** Why the figure says nothing when the window covers all history (it compares with the time before the window). */
  readonly meaninglessOverAllHistory?: string;
}

const SPECS: readonly HeadlineSpec[] = [
  {
    id: 'firstResponseMedian',
    figure: 'firstResponseMedianSeconds',
    label: () => 'Median first response',
    kind: 'seconds',
    better: 'lower',
    definition: () =>
      'The median time from a discussion being opened to its first response, over the discussions opened in the window that got one. A response is a comment or reply by someone other than the author, not a bot, not deleted or minimized.',
    docsQuote:
      'First response (firstResponse): for those that had a response by until, the duration from createdAt to the first response, summarised (count, meanSeconds, medianSeconds, p90Seconds).',
  },
  {
    id: 'firstResponseP90',
    figure: 'firstResponseP90Seconds',
    label: () => 'p90 first response',
    kind: 'seconds',
    better: 'lower',
    definition: () => 'The 90th percentile of the same first-response times: nine in ten of the discussions opened in the window that got a response got it within this time.',
    docsQuote: "Percentiles interpolate linearly between the closest ranks, the default of numpy's percentile (also what github/issue-metrics uses)",
  },
  {
    id: 'withinTarget',
    figure: 'withinTargetRate',
    label: ({ targetHours }) => `Within ${formatCount(targetHours)} h target`,
    kind: 'percent',
    better: 'higher',
    definition: (_current, { targetHours }) =>
      `Of the discussions opened in the window, the share whose first response came within ${formatCount(targetHours)} hours (communityPulse.responseTargetHours).`,
    docsQuote:
      'withinTargetRate: the share whose first response came within responseTargetHours (default 48; exactly 48 h counts as within), out of those that either have a response or are at least that old at until',
  },
  {
    id: 'noResponse',
    figure: 'noResponse',
    label: () => 'No response (new in window)',
    kind: 'count',
    better: 'lower',
    definition: (current) =>
      `Of the ${formatCount(current.discussions)} discussions opened in the window, how many had no response at all by its end. Not the Needs Response list, which holds every open discussion waiting on the team, however old.`,
    docsQuote: 'discussions is the population, noResponse how many had none by until.',
  },
  {
    id: 'answerRate',
    figure: 'answerRate',
    label: () => 'Answer rate',
    kind: 'percent',
    better: 'higher',
    definition: () => 'Of the discussions opened in the window in answerable (Q&A) categories, the share with a chosen answer.',
    docsQuote: "Answer rate (answerRate): of the window's discussions in answerable categories, the share with a chosen answer by until",
  },
  {
    id: 'weeklyActive',
    figure: 'weeklyActiveParticipants',
    label: () => 'Weekly active participants',
    kind: 'count',
    better: 'higher',
    definition: () => "The mean, over the window's whole weeks, of each week's active participants.",
    docsQuote: 'activeParticipants, the distinct people with any post that counts as activity that week (opening posts included)',
  },
  {
    id: 'returningRate',
    figure: 'returningRate',
    label: () => 'Returning participants',
    kind: 'percent',
    better: 'higher',
    definition: () => 'Of the people who posted in the window, the share who had posted before it.',
    docsQuote: "returningRate: the share of the window's participants whose first post is before the window.",
    meaninglessOverAllHistory: 'the window covers all history, so nobody can have posted before it (pick a shorter window)',
  },
  {
    id: 'absenceFactor',
    figure: 'absenceFactor',
    label: () => 'Absence factor',
    kind: 'count',
    better: 'higher',
    definition: () => "The fewest people who together made half of the window's responses. Low means the community depends on very few people.",
    docsQuote:
      'absenceFactor (CHAOSS "contributor absence factor", also known as bus factor): the fewest responders who together made at least 50% of the responses (ranking responders by responses).',
  },
];

/**
 * The headline rows of a window. `previous` null: the window covers all history (no earlier window), so
 * there is no change to show, and a figure that compares with the time before the window has no meaning.
 */
export function buildHeadlines(current: Headline, previous: Headline | null, context: HeadlineContext): HeadlineRow[] {
  const { previousLabel } = context;
  return SPECS.map((spec): HeadlineRow => {
    const meaningless = previous === null ? spec.meaninglessOverAllHistory : undefined;
    const value = meaningless ? null : current[spec.figure];
    const before = previous ? previous[spec.figure] : null;
    return {
      id: spec.id,
      label: spec.label(context),
      value: formatFigure(spec.kind, value),
      change: value !== null && before !== null ? describeChange(spec, value, before) : null,
      previousWindow: previousLabel,
      previousFigure: previous ? formatFigure(spec.kind, before) : null,
      definition: spec.definition(current, context),
      docsQuote: spec.docsQuote,
      missingReason: value === null ? (meaningless ?? current.reasons[spec.figure] ?? 'no data in the window') : null,
    };
  });
}

export function formatFigure(kind: Kind, value: number | null): string {
  if (value === null) return NO_VALUE;
  switch (kind) {
    case 'seconds':
      return formatSeconds(value);
    case 'percent':
      return formatPercent(value);
    case 'count':
      return formatCount(roundForDisplay(value));
  }
}

function describeChange(spec: HeadlineSpec, value: number, before: number): HeadlineChange {
  const delta = value - before;
  const shown = spec.kind === 'percent' ? Math.round(delta * 100) : spec.kind === 'count' ? roundForDisplay(delta) : delta;
  if (shown === 0 || (spec.kind === 'seconds' && formatSeconds(Math.abs(delta)) === formatSeconds(0))) {
    return { arrow: '=', text: 'no change', tone: 'neutral' };
  }
  const up = delta > 0;
  const sign = up ? '+' : '−';
  const magnitude =
    spec.kind === 'seconds'
      ? formatSeconds(Math.abs(delta))
      : spec.kind === 'percent'
        ? `${Math.abs(shown)} pts`
        : formatCount(Math.abs(shown));
  const good = up === (spec.better === 'higher');
  return { arrow: up ? '▲' : '▼', text: `${sign}${magnitude}`, tone: good ? 'good' : 'bad' };
}

/** Means (weekly participants) read best with one decimal; counts stay whole. */
function roundForDisplay(value: number): number {
  return Math.round(value * 10) / 10;
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

/** `previous 90 days: 4.2 h`, or `no earlier window`. */
export function previousText(row: HeadlineRow): string {
  return row.previousFigure === null ? row.previousWindow : `${row.previousWindow}: ${row.previousFigure}`;
}

/** `docs/metrics.md: “…”`: the quoted definition. */
function docsLine(row: HeadlineRow): string {
  return `docs/metrics.md: “${row.docsQuote}”`;
}

/** The dashboard card's and the Health item's tooltip text: definition, docs quote, and why the figure is missing. */
export function headlineTooltip(row: HeadlineRow): string {
  const lines = [row.definition, docsLine(row), previousText(row)];
  if (row.missingReason) lines.unshift(`No figure: ${row.missingReason}.`);
  return lines.join('\n\n');
}

export function headlineItemLook(row: HeadlineRow): HeadlineItemLook {
  const change = row.change ? `  ${row.change.arrow} ${row.change.text}` : '';
  const icon = row.missingReason ? 'circle-slash' : !row.change ? 'dash' : row.change.arrow === '▲' ? 'arrow-up' : row.change.arrow === '▼' ? 'arrow-down' : 'arrow-right';
  const color = row.change?.tone === 'good' ? 'charts.green' : row.change?.tone === 'bad' ? 'charts.red' : null;
  return { description: `${row.value}${change}`, tooltip: `${row.label}: ${row.value}${change}\n\n${headlineTooltip(row)}`, icon, color };
}
