import { DAY_MS, DAY_SECONDS, HOUR_MS, HOUR_SECONDS, MINUTE_MS, MINUTE_SECONDS } from './time';

/**
 * How figures read, everywhere (tree views, dashboard, status bar, CLI, Markdown report): one formatter per
 * kind, so every surface shows the same text for the same number. `null` reads as an em dash.
 */

export const NO_VALUE = '—';

/** What a figure measures, which decides how it reads: a duration in seconds, a share 0..1, or a count (or mean). */
export type FigureKind = 'duration' | 'share' | 'count';

/** `42 s`, `18 min`, `5.2 h`, `3.1 d`: a figure's duration (seconds). */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null) return NO_VALUE;
  const magnitude = Math.abs(seconds);
  if (magnitude < MINUTE_SECONDS) return `${Math.round(seconds)} s`;
  if (magnitude < HOUR_SECONDS) return `${Math.round(seconds / MINUTE_SECONDS)} min`;
  if (magnitude < 2 * DAY_SECONDS) return `${oneDecimal(seconds / HOUR_SECONDS)} h`;
  return `${oneDecimal(seconds / DAY_SECONDS)} d`;
}

/** A fraction 0..1 as `45%` (`0.5%` under one percent, so a small share is not shown as 0). */
export function formatPercent(fraction: number | null): string {
  if (fraction === null) return NO_VALUE;
  const percent = fraction * 100;
  if (percent !== 0 && Math.abs(percent) < 1) return `${oneDecimal(percent)}%`;
  return `${Math.round(percent)}%`;
}

/**
 * `formatPercent` of a share compared with `other` in the same sentence: one decimal when whole percents would show
 * two different shares alike ("49.6% … (under 50%)", never "50% … (under 50%)").
 */
export function formatPercentBeside(fraction: number | null, other: number): string {
  const shown = formatPercent(fraction);
  return fraction !== null && fraction !== other && shown === formatPercent(other) ? `${oneDecimal(fraction * 100)}%` : shown;
}

// One formatter each, made once: `toLocaleString` builds a new one on every call, which made formatting the
// dashboard's tables a noticeable part of drawing it.
const WHOLE = new Intl.NumberFormat('en-US');
const ONE_DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** `1,234`; a non-integer (a mean) keeps one decimal. */
export function formatCount(value: number | null): string {
  if (value === null) return NO_VALUE;
  return Number.isInteger(value) ? WHOLE.format(value) : oneDecimal(value);
}

/** A coefficient 0..1 (the Gini coefficient) to two decimals: `0.42`. */
export function formatCoefficient(value: number | null): string {
  return value === null ? NO_VALUE : value.toFixed(2);
}

/** `5 minutes`, `1 day`: a count with its noun, singular for exactly one. */
export function countOf(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : pluralForm}`;
}

/** A figure of any kind as text. */
export function formatFigure(kind: FigureKind, value: number | null): string {
  switch (kind) {
    case 'duration':
      return formatSeconds(value);
    case 'share':
      return formatPercent(value);
    case 'count':
      return formatCount(value);
  }
}

/**
 * The change of a figure from one window to the next: `+2.1 h`, `−5 pts` (a share's change is in
 * percentage points), `+1`; null when the change is too small to show, so it never reads as `+0`.
 */
export function formatChange(kind: FigureKind, delta: number): string | null {
  const magnitude = changeMagnitude(kind, Math.abs(delta));
  if (magnitude === changeMagnitude(kind, 0)) return null;
  return `${delta > 0 ? '+' : '−'}${magnitude}`;
}

function changeMagnitude(kind: FigureKind, magnitude: number): string {
  return kind === 'share' ? `${Math.round(magnitude * 100)} pts` : formatFigure(kind, magnitude);
}

/** `2024-05-01` of an ISO instant or epoch ms. */
export function formatDate(time: string | number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** A short human duration for lists: `45m`, `5h`, `3d`, `11w`, `2y`. Under a minute is `now`. */
export function formatDuration(ms: number): string {
  if (ms < MINUTE_MS) return 'now';
  if (ms < HOUR_MS) return `${Math.floor(ms / MINUTE_MS)}m`;
  if (ms < DAY_MS) return `${Math.floor(ms / HOUR_MS)}h`;
  if (ms < 14 * DAY_MS) return `${Math.floor(ms / DAY_MS)}d`;
  if (ms < 365 * DAY_MS) return `${Math.floor(ms / (7 * DAY_MS))}w`;
  return `${Math.floor(ms / (365 * DAY_MS))}y`;
}

/** `5 days`, `3 hours`, `12 minutes`: the long form of a wait, for tooltips (at least a minute). */
export function formatDurationLong(ms: number): string {
  const minutes = Math.floor(ms / MINUTE_MS);
  if (minutes < 60) return countOf(Math.max(minutes, 1), 'minute');
  const hours = Math.floor(ms / HOUR_MS);
  if (hours < 48) return countOf(hours, 'hour');
  return countOf(Math.floor(ms / DAY_MS), 'day');
}

/** `14:05`: a moment later today on the local clock (a reset, a resume), to the minute. */
export function formatClockTime(time: number): string {
  const date = new Date(time);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** `12 min left`, `1 min left`: a countdown, rounded up so it reaches `0 min left` only at the end. */
export function formatMinutesLeft(ms: number): string {
  return `${Math.ceil(Math.max(0, ms) / MINUTE_MS)} min left`;
}

/** `just now`, `3 min ago`, `5 h ago`, `2 d ago`: how long ago something happened (negative ages read as now). */
export function formatTimeAgo(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / MINUTE_MS);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  if (days < 60) return `${days} d ago`;
  // Months of 30.44 days and years of 365.25: "706 d ago" reads slower than "23 mo ago".
  const years = Math.floor(days / 365.25);
  return years < 2 ? `${Math.floor(days / 30.44)} mo ago` : `${years} y ago`;
}

// How a view says it shows a past moment (`communityPulse.asOf`) rather than live data, so nobody mistakes a review
// of last quarter for today's community.

/** `2023-03-31` for a midnight (UTC), else `2023-03-31 12:30 UTC`. */
export function formatMoment(time: number): string {
  const iso = new Date(time).toISOString();
  return iso.slice(11, 16) === '00:00' && iso.slice(17, 23) === '00.000' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** `as of 2023-03-31`; undefined when the views show now. */
export function asOfLabel(asOf: number | null): string | undefined {
  return asOf === null ? undefined : `as of ${formatMoment(asOf)}`;
}

/** A view's description: `Last 90 days`, or `Last 90 days · as of 2023-03-31`. */
export function withAsOf(text: string, asOf: number | null): string {
  const label = asOfLabel(asOf);
  return label ? `${text} · ${label}` : text;
}

function oneDecimal(value: number): string {
  return ONE_DECIMAL.format(Math.round(value * 10) / 10);
}
