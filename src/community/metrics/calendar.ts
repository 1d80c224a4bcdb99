import { DAY_MS } from '../../shared/time';

/**
 * Weeks and months as integer indices, so hundreds of thousands of posts are bucketed with arithmetic
 * rather than Date objects. Weeks are ISO weeks (Monday 00:00 UTC), named by that Monday's date
 * `YYYY-MM-DD`; months are UTC calendar months `YYYY-MM`.
 */

const WEEK_DAYS = 7;
/** 1970-01-01 was a Thursday: day 4 (1970-01-05) is the first Monday. */
const MONDAY_OFFSET_DAYS = 3;

/** The index of the ISO week holding epoch-ms `time`; consecutive weeks have consecutive indices. */
export function weekIndex(time: number): number {
  return Math.floor((Math.floor(time / DAY_MS) + MONDAY_OFFSET_DAYS) / WEEK_DAYS);
}

/** Epoch ms of the Monday 00:00 UTC that starts week `index`. */
export function weekStart(index: number): number {
  return (index * WEEK_DAYS - MONDAY_OFFSET_DAYS) * DAY_MS;
}

/** `YYYY-MM-DD` of the Monday starting week `index`. */
export function weekName(index: number): string {
  return new Date(weekStart(index)).toISOString().slice(0, 10);
}

/** The UTC calendar month holding epoch-ms `time`, as `year * 12 + month0`. */
export function monthIndex(time: number): number {
  return monthIndexOfDay(Math.floor(time / DAY_MS));
}

/** Epoch ms of the first instant of month `index`. */
export function monthStart(index: number): number {
  return Date.UTC(Math.floor(index / 12), index % 12, 1);
}

/** `YYYY-MM` of month `index`. */
export function monthName(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * Howard Hinnant's `civil_from_days`, reduced to `year * 12 + month0` of a day count since 1970-01-01
 * (proleptic Gregorian); returns a number, not an object, because it runs once per post.
 */
function monthIndexOfDay(days: number): number {
  const shifted = days + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1_460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const month0 = monthFromMarch < 10 ? monthFromMarch + 2 : monthFromMarch - 10;
  return (yearOfEra + era * 400 + (month0 <= 1 ? 1 : 0)) * 12 + month0;
}
