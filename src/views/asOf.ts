/**
 * How a view says it shows a past moment (`communityPulse.asOf`) rather than live data, so nobody
 * mistakes a review of last quarter for today's community.
 */

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
