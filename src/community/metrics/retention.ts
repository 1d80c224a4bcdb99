import type { Cohort, Retention } from '../reportSchema';
import { monthIndex, monthName, monthStart } from './calendar';
import { explainNulls, NOBODY_POSTED } from './explain';
import { rowsOfDays, type CommunityFacts } from './facts';
import type { MetricSettings } from './settings';
import { rate } from './stats';
import type { Window } from './window';
import type { WindowTotals } from './windowTotals';

/** Whether people come back, but for the cohorts (`cohorts`): what the headline needs, of the previous window too. */
export type RetentionFigures = Omit<Retention, 'cohorts'>;

/** Who posted in the window, who of them had posted before it, and who posted for the first time (per month). */
export function retention(facts: CommunityFacts, totals: WindowTotals): RetentionFigures {
  const { window, participants, returning } = totals;
  return explainNulls(
    { participants, returningRate: rate(returning, participants), newParticipants: newParticipantsPerMonth(facts.firstPostAt, window) },
    { returningRate: NOBODY_POSTED },
  );
}

/**
 * A person's cohort is the month of their first post (any post, all history before `until`). Cohorts:
 * the latest `cohortMonths` months up to the one holding `until`, each with its size and, for
 * k = 0, 1, …, how many of its people posted in month cohort + k.
 */
export function cohorts(facts: CommunityFacts, until: number, settings: MetricSettings): Cohort[] {
  return cohortsOf(facts, until, settings.cohortMonths);
}

/**
 * People whose first post falls in the window, per month overlapping it (counting the window's part only).
 * `firstPost`: `CommunityFacts.firstPostAt`, all history: a first post after the window is not in it either.
 */
function newParticipantsPerMonth(firstPost: Float64Array, window: Window): { month: string; count: number }[] {
  const firstMonth = monthIndex(window.since);
  const counts = new Array<number>(monthIndex(window.until - 1) - firstMonth + 1).fill(0);
  for (let person = 0; person < firstPost.length; person++) {
    const at = firstPost[person]!;
    if (at >= window.since && at < window.until) counts[monthIndex(at) - firstMonth]!++;
  }
  return counts.map((count, offset) => ({ month: monthName(firstMonth + offset), count }));
}

function cohortsOf(facts: CommunityFacts, until: number, cohortMonths: number): Cohort[] {
  // First posts of all history: one at or after `until` is in no cohort, as if it were not there yet.
  const firstPost = facts.firstPostAt;
  const firstMonth = monthIndex(until - 1) - cohortMonths + 1;
  const earliest = monthStart(firstMonth);
  // Per person, a bit per month they posted in (a word per 32 months): one pass over the months' posts,
  // whoever wrote them, then the cohorts' members are read from their bits.
  const words = Math.ceil(cohortMonths / 32);
  const postedIn = new Int32Array(firstPost.length * words);
  const { createdAt, author } = facts.posts;
  for (let month = 0; month < cohortMonths; month++) {
    const { first, end } = rowsOfDays(facts, monthStart(firstMonth + month), Math.min(monthStart(firstMonth + month + 1), until));
    const word = month >>> 5;
    const bit = 1 << (month & 31);
    // Only the last month's rows can reach past until (rowsOfDays gives whole days).
    const last = month === cohortMonths - 1;
    for (let row = first; row < end; row++) {
      if (!last || createdAt[row]! < until) postedIn[author[row]! * words + word]! |= bit;
    }
  }
  const result = Array.from({ length: cohortMonths }, (_, offset): Cohort => ({
    month: monthName(firstMonth + offset),
    size: 0,
    active: new Array<number>(cohortMonths - offset).fill(0),
  }));
  for (let person = 0; person < firstPost.length; person++) {
    const at = firstPost[person]!;
    if (at < earliest || at >= until) continue;
    const cohort = monthIndex(at) - firstMonth;
    const row = result[cohort]!;
    row.size++;
    for (let k = 0; k < row.active.length; k++) {
      const month = cohort + k;
      if ((postedIn[person * words + (month >>> 5)]! & (1 << (month & 31))) !== 0) row.active[k]!++;
    }
  }
  return result;
}
