import { communityAsOf } from './metrics/asOf';
import { DAY_MS } from '../shared/time';
import type { Community, Discussion } from './model';
import { assertClassifiedFrom, type People } from './people';
import { firstResponse, latestVisiblePost } from './responses';

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
  for (const discussion of communityAsOf(community, options.now).discussions) {
    const item = triageDiscussion(discussion, people, options);
    if (item) result[item.bucket].push(item);
  }
  for (const bucket of TRIAGE_BUCKETS) result[bucket].sort(longestWaitingFirst);
  return result;
}

/** Which bucket D belongs to, or null when it is not waiting on the team. */
export function triageDiscussion(discussion: Discussion, people: People, options: TriageOptions): TriageItem | null {
  if (!isOpenQuestion(discussion, people)) return null;
  if (!firstResponse(discussion, people)) {
    return { bucket: 'noResponse', discussion, waitingSince: discussion.createdAt, waitingOn: discussion.opening.author };
  }
  // A response exists, so a visible non-opening post exists and `latest` is never the opening post.
  const latest = latestVisiblePost(discussion, people)!;
  const answerable = discussion.category?.answerable ?? false;
  const bucket = respondedBucket(latest.authorId === discussion.opening.authorId, latest.createdAt, answerable, options);
  return bucket ? { bucket, discussion, waitingSince: latest.createdAt, waitingOn: latest.author } : null;
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

/** Triage covers open, unlocked discussions without a chosen answer, opened by a person (bot posts are ignored everywhere). */
function isOpenQuestion(discussion: Discussion, people: People): boolean {
  return (
    !discussion.closed &&
    !discussion.locked &&
    discussion.answerId === null &&
    discussion.answerChosenAt === null &&
    !people.isBotPost(discussion.opening) &&
    !hasAnswerPost(discussion)
  );
}

function hasAnswerPost(discussion: Discussion): boolean {
  for (const post of discussion.posts) if (post.isAnswer) return true;
  return false;
}

function longestWaitingFirst(a: TriageItem, b: TriageItem): number {
  return a.waitingSince - b.waitingSince || a.discussion.number - b.discussion.number;
}
