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
  const { since, until } = window;
  const { cohortMonths } = settings;
  const firstPost = firstPostTimes(facts, until);
  const { firstMonth, months, member, cohortOf } = cohortMembers(firstPost, until, cohortMonths);
  // Member index × `cohortMonths` + k → 1 when they posted in month cohort + k.
  const postedIn = new Uint8Array(cohortOf.length * cohortMonths);
  // One pass over the posts for both the window's participants and the cohorts' active months.
  const { posts } = facts;
  const seen = new Uint8Array(facts.logins.length);
  let participants = 0;
  let returning = 0;
  for (let row = 0; row < posts.length; row++) {
    const at = posts.createdAt[row]!;
    if (at >= until) continue;
    const author = posts.author[row]!;
    // A member's posts are never before their first post, so always in the cohorts' months.
    const index = member[author]!;
    if (index >= 0) postedIn[index * cohortMonths + months.of(at) - cohortOf[index]!] = 1;
    if (at < since || seen[author] === 1) continue;
    seen[author] = 1;
    participants++;
    if (firstPost[author]! < since) returning++;
  }
  return explainNulls(
    {
      participants,
      returningRate: rate(returning, participants),
      newParticipants: newParticipantsPerMonth(firstPost, window),
      cohorts: cohortRows(firstMonth, cohortMonths, cohortOf, postedIn),
    },
    { returningRate: 'nobody posted in the window' },
  );
}

/** Per person, the time of their first post before `until` (Infinity when none): their first post, if before `until`. */
function firstPostTimes(facts: CommunityFacts, until: number): Float64Array {
  const first = new Float64Array(facts.firstPostAt.length);
  for (let person = 0; person < first.length; person++) first[person] = facts.firstPostAt[person]! < until ? facts.firstPostAt[person]! : Infinity;
  return first;
}

/** People whose first post falls in the window, per month overlapping it (counting the window's part only). */
function newParticipantsPerMonth(firstPost: Float64Array, window: Window): { month: string; count: number }[] {
  const firstMonth = monthIndex(window.since);
  const counts = new Array<number>(monthIndex(window.until - 1) - firstMonth + 1).fill(0);
  for (let person = 0; person < firstPost.length; person++) {
    const at = firstPost[person]!;
    if (at >= window.since && at < window.until) counts[monthIndex(at) - firstMonth]!++;
  }
  return counts.map((count, offset) => ({ month: monthName(firstMonth + offset), count }));
}

/**
 * The people of the `cohortMonths` cohorts up to `until`: `member` maps a person id to their index
 * among them (-1: in no cohort), `cohortOf` a member index to their cohort's month offset.
 */
function cohortMembers(firstPost: Float64Array, until: number, cohortMonths: number) {
  const firstMonth = monthIndex(until - 1) - cohortMonths + 1;
  const months = new MonthOffsets(firstMonth, cohortMonths);
  const earliest = monthStart(firstMonth);
  const member = new Int32Array(firstPost.length).fill(-1);
  const cohortOf = new Int32Array(firstPost.length);
  let members = 0;
  for (let person = 0; person < firstPost.length; person++) {
    const at = firstPost[person]!;
    if (at < earliest || at >= until) continue;
    member[person] = members;
    cohortOf[members++] = months.of(at);
  }
  return { firstMonth, months, member, cohortOf: cohortOf.subarray(0, members) };
}

function cohortRows(firstMonth: number, cohortMonths: number, cohortOf: Int32Array, postedIn: Uint8Array): Cohort[] {
  const result = Array.from({ length: cohortMonths }, (_, offset): Cohort => ({
    month: monthName(firstMonth + offset),
    size: 0,
    active: new Array<number>(cohortMonths - offset).fill(0),
  }));
  for (let index = 0; index < cohortOf.length; index++) {
    const row = result[cohortOf[index]!]!;
    row.size++;
    for (let k = 0; k < row.active.length; k++) row.active[k]! += postedIn[index * cohortMonths + k]!;
  }
  return result;
}
