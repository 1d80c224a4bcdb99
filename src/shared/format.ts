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

function oneDecimal(value: number): string {
  return ONE_DECIMAL.format(Math.round(value * 10) / 10);
}
