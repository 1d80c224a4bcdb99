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
  const firstPost = firstPostTimes(facts, until);
  const cohorts = new CohortTable(firstPost, until, settings.cohortMonths);
  // One pass over the posts for both the window's participants and the cohorts' active months.
  const { posts } = facts;
  const seen = new Uint8Array(facts.logins.length);
  let participants = 0;
  let returning = 0;
  for (let row = 0; row < posts.length; row++) {
    const at = posts.createdAt[row]!;
    if (at >= until) continue;
    const author = posts.author[row]!;
    cohorts.posted(author, at);
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
      cohorts: cohorts.rows(),
    },
    { returningRate: 'nobody posted in the window' },
  );
}

/** Per person, the time of their first post before `until` (Infinity when none): their first post, if before `until`. */
function firstPostTimes(facts: CommunityFacts, until: number): Float64Array {
  return facts.firstPostAt.map((at) => (at < until ? at : Infinity));
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

/** The cohorts of the `cohortMonths` months up to `until`, filled in by `posted` for each post before `until`. */
class CohortTable {
  private readonly firstMonth: number;
  private readonly months: MonthOffsets;
  /** Person id → index among the cohorts' members, or -1. */
  private readonly member: Int32Array;
  /** Member index → month offset of their cohort. */
  private readonly cohortOf: number[] = [];
  /** Member index × `cohortMonths` + k → 1 when they posted in month cohort + k. */
  private readonly postedIn: Uint8Array;

  constructor(
    firstPost: Float64Array,
    until: number,
    private readonly cohortMonths: number,
  ) {
    this.firstMonth = monthIndex(until - 1) - cohortMonths + 1;
    this.months = new MonthOffsets(this.firstMonth, cohortMonths);
    const earliest = monthStart(this.firstMonth);
    this.member = new Int32Array(firstPost.length).fill(-1);
    for (let person = 0; person < firstPost.length; person++) {
      const at = firstPost[person]!;
      if (at < earliest || at >= until) continue;
      this.member[person] = this.cohortOf.length;
      this.cohortOf.push(this.months.of(at));
    }
    this.postedIn = new Uint8Array(this.cohortOf.length * cohortMonths);
  }

  /** `person` posted at `at` (before `until`, so never before their first post). */
  posted(person: number, at: number): void {
    const index = this.member[person]!;
    if (index >= 0) this.postedIn[index * this.cohortMonths + this.months.of(at) - this.cohortOf[index]!] = 1;
  }

  rows(): Cohort[] {
    const { cohortMonths } = this;
    const result = Array.from({ length: cohortMonths }, (_, offset): Cohort => ({
      month: monthName(this.firstMonth + offset),
      size: 0,
      active: new Array<number>(cohortMonths - offset).fill(0),
    }));
    this.cohortOf.forEach((cohort, index) => {
      const row = result[cohort]!;
      row.size++;
      for (let k = 0; k < row.active.length; k++) row.active[k]! += this.postedIn[index * cohortMonths + k]!;
    });
    return result;
  }
}
