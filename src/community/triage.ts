import { communityAsOf } from './metrics/asOf';
import { DAY_MS } from '../shared/time';
import type { Community, Discussion } from './model';
import { assertClassifiedFrom, type People } from './people';
import { rowRules, type RowRules } from './responses';

/** The three exclusive Needs Response buckets, in the order they are checked (docs/metrics.md "Needs Response"). */
export const TRIAGE_BUCKETS = ['noResponse', 'awaitingReply', 'unmarkedAnswer'] as const;
export type TriageBucket = (typeof TRIAGE_BUCKETS)[number];

export interface TriageItem {
  readonly bucket: TriageBucket;
  readonly discussion: Discussion;
  /** Epoch ms since which the discussion has been waiting on the team. */
  readonly waitingSince: number;
  /** Login of the author of the post that started the wait. */
  readonly waitingOn: string;
}

export type Triage = Record<TriageBucket, TriageItem[]>;

export interface TriageOptions {
  /** "Now", epoch ms. */
  readonly now: number;
  /** An unmarked answer is flagged once the latest post is older than this many days (default 7). */
  readonly staleDays: number;
}

export const DEFAULT_STALE_DAYS = 7;

/** What waits on the team at `options.now`, judged on the community as it stood then (later posts and answers unseen). */
export function triage(community: Community, people: People, options: TriageOptions): Triage {
  assertClassifiedFrom(people, community);
  const result: Triage = { noResponse: [], awaitingReply: [], unmarkedAnswer: [] };
  const rules = rowRules(community, people);
  for (const discussion of communityAsOf(community, options.now).discussions) {
    const item = triageDiscussion(discussion, community, rules, options);
    if (item) result[item.bucket].push(item);
  }
  for (const bucket of TRIAGE_BUCKETS) result[bucket].sort(longestWaitingFirst);
  return result;
}

/**
 * Which bucket D belongs to, or null when it is not waiting on the team. Read from D's rows of the table (responses.ts's
 * firstResponse and latestVisiblePost, row by row): an as-of discussion's rows are its posts before `now`.
 */
function triageDiscussion(discussion: Discussion, community: Community, rules: RowRules, options: TriageOptions): TriageItem | null {
  const { firstRow, endRow } = discussion;
  if (!isOpenQuestion(discussion, rules)) return null;
  const { author, createdAt } = community.posts;
  const opener = author[firstRow]!;
  let responded = false;
  for (let row = firstRow + 1; row < endRow && !responded; row++) responded = author[row] !== opener && rules.countsAsActivity(row);
  if (!responded) return { bucket: 'noResponse', discussion, waitingSince: discussion.createdAt, waitingOn: discussion.opening.author };
  // A response exists, so a visible non-opening post exists and the latest one is never the opening post.
  let latest = endRow - 1;
  while (!rules.countsAsActivity(latest)) latest--;
  const answerable = discussion.category?.answerable ?? false;
  const bucket = respondedBucket(author[latest] === opener, createdAt[latest]!, answerable, options);
  return bucket ? { bucket, discussion, waitingSince: createdAt[latest]!, waitingOn: community.logins[author[latest]!]! } : null;
}

/**
 * The bucket of an open question that has a response, from its latest post that counts as activity:
 * by the discussion's author, or by someone else and stale in an answerable category; else null.
 */
export function respondedBucket(latestByAuthor: boolean, latestAt: number, answerable: boolean, options: TriageOptions): TriageBucket | null {
  if (latestByAuthor) return 'awaitingReply';
  const stale = options.now - latestAt > options.staleDays * DAY_MS;
  return answerable && stale ? 'unmarkedAnswer' : null;
}

/**
 * Triage covers open, unlocked discussions without a chosen answer, opened by a person (bot posts are ignored
 * everywhere). A post marked as the answer gives D an `answerId` (normalize.ts; communityAsOf clears both when the
 * answer came later), so `answerId` alone tells whether one was chosen.
 */
function isOpenQuestion(discussion: Discussion, rules: RowRules): boolean {
  return !discussion.closed && !discussion.locked && discussion.answerId === null && discussion.answerChosenAt === null && !rules.byBot(discussion.firstRow);
}

function longestWaitingFirst(a: TriageItem, b: TriageItem): number {
  return a.waitingSince - b.waitingSince || a.discussion.number - b.discussion.number;
}
