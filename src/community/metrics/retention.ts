import type { Cohort, Retention } from '../reportSchema';
import { MonthOffsets, monthIndex, monthName, monthStart } from './calendar';
import { explainNulls } from './explain';
import type { CommunityFacts } from './facts';
import type { MetricSettings } from './settings';
import { rate } from './stats';
import type { Window } from './window';

/**
 * Whether people come back. A person's cohort is the month of their first post (any post, all history
 * before `until`). Cohorts: the latest `cohortMonths` months up to the one holding `until`, each with
 * its size and, for k = 0, 1, …, how many of its people posted in month cohort + k.
 */
export function retention(facts: CommunityFacts, window: Window, settings: MetricSettings): Retention {
  const firstPost = firstPostTimes(facts, window.until);
  const { participants, returning } = windowParticipants(facts, window, firstPost);
  return explainNulls(
    {
      participants,
      returningRate: rate(returning, participants),
      newParticipants: newParticipantsPerMonth(firstPost, window),
      cohorts: cohorts(facts, firstPost, window.until, settings.cohortMonths),
    },
    { returningRate: 'nobody posted in the window' },
  );
}

/** Per person, the time of their first post before `until` (Infinity when none). */
function firstPostTimes(facts: CommunityFacts, until: number): Float64Array {
  const { posts } = facts;
  const first = new Float64Array(facts.logins.length).fill(Infinity);
  for (let row = 0; row < posts.length; row++) {
    const at = posts.createdAt[row]!;
    const author = posts.author[row]!;
    if (at < until && at < first[author]!) first[author] = at;
  }
  return first;
}

/** Distinct people with a post in the window, and how many of them had posted before it. */
function windowParticipants(facts: CommunityFacts, window: Window, firstPost: Float64Array) {
  const { posts } = facts;
  const seen = new Uint8Array(facts.logins.length);
  let participants = 0;
  let returning = 0;
  for (let row = 0; row < posts.length; row++) {
    const at = posts.createdAt[row]!;
    const author = posts.author[row]!;
    if (at < window.since || at >= window.until || seen[author] === 1) continue;
    seen[author] = 1;
    participants++;
    if (firstPost[author]! < window.since) returning++;
  }
  return { participants, returning };
}

/** People whose first post falls in the window, per month overlapping it (counting the window's part only). */
function newParticipantsPerMonth(firstPost: Float64Array, window: Window): { month: string; count: number }[] {
  const firstMonth = monthIndex(window.since);
  const counts = new Array<number>(monthIndex(window.until - 1) - firstMonth + 1).fill(0);
  for (const at of firstPost) {
    if (at >= window.since && at < window.until) counts[monthIndex(at) - firstMonth]!++;
  }
  return counts.map((count, offset) => ({ month: monthName(firstMonth + offset), count }));
}

function cohorts(facts: CommunityFacts, firstPost: Float64Array, until: number, cohortMonths: number): Cohort[] {
  const firstMonth = monthIndex(until - 1) - cohortMonths + 1;
  const months = new MonthOffsets(firstMonth, cohortMonths);
  const earliest = monthStart(firstMonth);
  // Each cohort member gets a row of `cohortMonths` flags: posted in month cohort + k.
  const member = new Int32Array(firstPost.length).fill(-1);
  const cohortOf: number[] = [];
  for (let person = 0; person < firstPost.length; person++) {
    const at = firstPost[person]!;
    if (at < earliest || at >= until) continue;
    member[person] = cohortOf.length;
    cohortOf.push(months.of(at));
  }
  const postedIn = new Uint8Array(cohortOf.length * cohortMonths);
  const { posts } = facts;
  for (let row = 0; row < posts.length; row++) {
    const index = member[posts.author[row]!]!;
    const at = posts.createdAt[row]!;
    if (index < 0 || at >= until) continue;
    postedIn[index * cohortMonths + months.of(at) - cohortOf[index]!] = 1;
  }
  const result = Array.from({ length: cohortMonths }, (_, offset): Cohort => ({
    month: monthName(firstMonth + offset),
    size: 0,
    active: new Array<number>(cohortMonths - offset).fill(0),
  }));
  cohortOf.forEach((cohort, index) => {
    const row = result[cohort]!;
    row.size++;
    for (let k = 0; k < row.active.length; k++) row.active[k]! += postedIn[index * cohortMonths + k]!;
  });
  return result;
}
