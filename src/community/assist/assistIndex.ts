import { DAY_MS } from '../../shared/time';
import { buildFacts, POST_KIND_CODES, type CommunityFacts } from '../metrics/facts';
import { contributors } from '../metrics/contributors';
import { DEFAULT_METRIC_SETTINGS, type MetricSettings } from '../metrics/settings';
import { windowTotals } from '../metrics/windowTotals';
import type { Community, Discussion, Post } from '../model';
import { assertClassifiedFrom, type People } from '../people';
import { buildTitleSearch, type TitleIndex } from './titleSearch';

/**
 * What the Discussion view's context panel reads (docs/metrics.md "Author history", "Who can help", "Similar
 * discussions"), built once per data change so that each discussion is answered without a pass over the snapshot:
 * the metrics' shared facts (posts that count as activity, in day order, with responses and chosen answers marked),
 * per person the times of their posts, comments and responses, per author their discussions, and the title search.
 * Every time list is sorted, so "before now" is a binary search and the answers hold for any `now` (a past
 * `communityPulse.asOf` included).
 */
export interface AssistIndex {
  readonly community: Community;
  readonly people: People;
  readonly facts: CommunityFacts;
  /** `Discussion.id` → index in `community.discussions`. */
  readonly discussionIndex: ReadonlyMap<string, number>;
  /** Category slug (`''`: no category) → index in `facts.categories`. */
  readonly categoryIndex: ReadonlyMap<string, number>;
  /** Per person, the times of their posts that count as activity (opening posts included). */
  readonly posts: TimesByPerson;
  /** Per person, the times of their comments and replies that count as activity. */
  readonly comments: TimesByPerson;
  /** Per person, the times of their responses. */
  readonly responses: TimesByPerson;
  /** Per person, the discussions they opened (indexes in `community.discussions`), oldest first. */
  readonly discussionsBy: { readonly start: Int32Array; readonly values: Int32Array };
  /** Person ids of the leader candidates (People view), preferred among helpers at equal score. */
  readonly leaderCandidates: ReadonlySet<number>;
  /** Person id of `ghost`, or -1: deleted accounts are never named. */
  readonly ghost: number;
  readonly titles: TitleIndex;
}

/** Person p's times are `times[start[p] .. start[p + 1])`, ascending. */
export interface TimesByPerson {
  readonly start: Int32Array;
  readonly times: Float64Array;
}

export interface AssistOptions {
  /**
   * The leader candidates' logins, as the People view lists them. By default, the leader candidates of the
   * `windowDays` up to the snapshot's latest activity under `settings` (default: the engine's defaults).
   */
  readonly leaderCandidates?: readonly string[];
  readonly settings?: MetricSettings;
}

/** The category key of a discussion: its slug, `''` without one (imported data). */
export function categoryKey(discussion: Discussion): string {
  return discussion.category?.slug ?? '';
}

/** When D's answer was chosen: `answerChosenAt`, else (marked without a date) the answer post's time; null when none. */
export function answeredAt(discussion: Discussion): number | null {
  if (discussion.answerChosenAt !== null) return discussion.answerChosenAt;
  if (discussion.answerId === null && !discussion.posts.some((post) => post.isAnswer)) return null;
  return answerPost(discussion)?.createdAt ?? null;
}

/** D's chosen answer among its posts, when the data has it (normalize marks the post `answerId` names as the answer). */
export function answerPost(discussion: Discussion): Post | null {
  for (const post of discussion.posts) if (post.isAnswer) return post;
  return null;
}

export function buildAssistIndex(community: Community, people: People, options: AssistOptions = {}): AssistIndex {
  assertClassifiedFrom(people, community);
  const facts = buildFacts(community, people);
  const { posts } = facts;
  const personCount = community.logins.length;
  const all = groupTimes(
    personCount,
    posts.length,
    (row) => posts.author[row]!,
    (row) => posts.createdAt[row]!,
  );
  const comments = groupTimes(
    personCount,
    posts.length,
    (row) => (posts.kind[row] === POST_KIND_CODES.opening ? -1 : posts.author[row]!),
    (row) => posts.createdAt[row]!,
  );
  const responses = groupTimes(
    personCount,
    posts.length,
    (row) => (posts.isResponse[row] === 1 ? posts.author[row]! : -1),
    (row) => posts.createdAt[row]!,
  );
  const settings = options.settings ?? DEFAULT_METRIC_SETTINGS;
  const leaders = options.leaderCandidates ?? defaultLeaderCandidates(community, facts, settings);
  return {
    community,
    people,
    facts,
    discussionIndex: new Map(community.discussions.map((discussion, index) => [discussion.id, index])),
    categoryIndex: new Map(facts.categories.map((category, index) => [category?.slug ?? '', index])),
    posts: all,
    comments,
    responses,
    discussionsBy: discussionsByAuthor(community),
    leaderCandidates: personIds(community, leaders),
    ghost: facts.ghost,
    titles: buildTitleSearch(community.discussions),
  };
}

/** How many of `times[from .. to)` (ascending) are before `moment`. */
export function countBefore(times: Float64Array, from: number, to: number, moment: number): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (times[middle]! < moment) low = middle + 1;
    else high = middle;
  }
  return low - from;
}

/** Person p's latest time before `moment`, or null. */
export function latestBefore(group: TimesByPerson, person: number, moment: number): number | null {
  const from = group.start[person]!;
  const before = countBefore(group.times, from, group.start[person + 1]!, moment);
  return before === 0 ? null : group.times[from + before - 1]!;
}

/** How many of person p's times are before `moment`. */
export function countPersonBefore(group: TimesByPerson, person: number, moment: number): number {
  return countBefore(group.times, group.start[person]!, group.start[person + 1]!, moment);
}

/** The times of rows 0..rows-1 grouped by `personOf(row)` (rows with -1 left out), ascending within each person. */
function groupTimes(personCount: number, rows: number, personOf: (row: number) => number, timeOf: (row: number) => number): TimesByPerson {
  const start = new Int32Array(personCount + 1);
  for (let row = 0; row < rows; row++) {
    const person = personOf(row);
    if (person >= 0) start[person + 1]!++;
  }
  for (let person = 0; person < personCount; person++) start[person + 1]! += start[person]!;
  const next = start.slice(0, personCount);
  const times = new Float64Array(start[personCount]!);
  for (let row = 0; row < rows; row++) {
    const person = personOf(row);
    if (person >= 0) times[next[person]!++] = timeOf(row);
  }
  // The facts' rows are in day order, not in time order within a day: each person's run is sorted (a numeric sort).
  for (let person = 0; person < personCount; person++) {
    if (start[person + 1]! - start[person]! > 1) times.subarray(start[person]!, start[person + 1]!).sort();
  }
  return { start, times };
}

function discussionsByAuthor(community: Community): { start: Int32Array; values: Int32Array } {
  const { discussions } = community;
  const order = Int32Array.from(discussions.keys()).sort((a, b) => discussions[a]!.createdAt - discussions[b]!.createdAt);
  const personCount = community.logins.length;
  // The opener's id from the table: asking each discussion for its `opening` would make (and keep) an object for each.
  const openerOf = (discussion: Discussion): number => community.posts.author[discussion.firstRow]!;
  const start = new Int32Array(personCount + 1);
  for (const discussion of discussions) start[openerOf(discussion) + 1]!++;
  for (let person = 0; person < personCount; person++) start[person + 1]! += start[person]!;
  const next = start.slice(0, personCount);
  const values = new Int32Array(discussions.length);
  for (const index of order) values[next[openerOf(discussions[index]!)]!++] = index;
  return { start, values };
}

function personIds(community: Community, logins: readonly string[]): ReadonlySet<number> {
  const wanted = new Set(logins.map((login) => login.toLowerCase()));
  const ids = new Set<number>();
  community.logins.forEach((login, id) => wanted.has(login.toLowerCase()) && ids.add(id));
  return ids;
}

function defaultLeaderCandidates(community: Community, facts: CommunityFacts, settings: MetricSettings): string[] {
  if (community.discussions.length === 0) return [];
  const until = community.latestActivityAt + 1;
  const window = { since: until - settings.windowDays * DAY_MS, until };
  return contributors(facts, windowTotals(facts, window), settings).leaders.map((leader) => leader.login);
}
