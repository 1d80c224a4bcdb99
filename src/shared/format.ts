/**
 * How figures read, everywhere (tree views, dashboard, status bar): one formatter per kind, so the
 * Health view and the dashboard show the same text for the same number. `null` reads as an em dash.
 */

export const NO_VALUE = '—';

const MINUTE = 60;
const HOUR = 3_600;
const DAY = 86_400;

/** `42 s`, `18 min`, `5.2 h`, `3.1 d`. */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null) return NO_VALUE;
  const magnitude = Math.abs(seconds);
  if (magnitude < MINUTE) return `${Math.round(seconds)} s`;
  if (magnitude < HOUR) return `${Math.round(seconds / MINUTE)} min`;
  if (magnitude < 2 * DAY) return `${oneDecimal(seconds / HOUR)} h`;
  return `${oneDecimal(seconds / DAY)} d`;
}

/** A fraction 0..1 as `45%` (`0.5%` under one percent, so a small share is not shown as 0). */
export function formatPercent(fraction: number | null): string {
  if (fraction === null) return NO_VALUE;
  const percent = fraction * 100;
  if (percent !== 0 && Math.abs(percent) < 1) return `${oneDecimal(percent)}%`;
  return `${Math.round(percent)}%`;
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

/** `2024-05-01` of an ISO instant or epoch ms. */
export function formatDate(time: string | number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** Milliseconds, for durations between epoch-ms moments. */
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** A short human duration for lists: `45m`, `5h`, `3d`, `11w`, `2y`. Under a minute is `now`. */
export function formatDuration(ms: number): string {
  if (ms < MINUTE_MS) return 'now';
  if (ms < HOUR_MS) return `${Math.floor(ms / MINUTE_MS)}m`;
  if (ms < DAY_MS) return `${Math.floor(ms / HOUR_MS)}h`;
  if (ms < 14 * DAY_MS) return `${Math.floor(ms / DAY_MS)}d`;
  if (ms < 365 * DAY_MS) return `${Math.floor(ms / (7 * DAY_MS))}w`;
  return `${Math.floor(ms / (365 * DAY_MS))}y`;
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
