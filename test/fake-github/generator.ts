import type { AuthorAssociation } from '../../src/github/schemas';
import { writeBodies } from './generatedBodies';
import { Cast, type Person } from './cast';
import { shortHash } from './hash';
import { chooseLabels, type GeneratedLabel } from './generatedLabels';
import { formatGitHubTime } from './model';
import { chance, geometricAtLeastOne, geometricFromZero, integerBetween, logNormal, mulberry32, pick, WeightedSampler, type Random } from './random';
import { TOPICS, type Topic } from './topics';

export interface GenerateOptions {
  seed: number;
  discussions: number;
  /** ISO date-time: no activity is generated after it. */
  now: string;
  /** `owner/name`; default `synthetic/community`. */
  repository?: string;
  /** Discussions are created over this many days before `now`; default 365. */
  spanDays?: number;
  /** The average number of comments and replies a discussion gets; default 10. */
  postsPerDiscussion?: number;
  /** Threads with more than 30 comments and one comment with more than 10 replies; default 1 per 200 (at least 1). */
  overflowThreads?: number;
  /**
   * Default true: every opening post, comment and reply carries a Markdown `body`. False leaves them out (the
   * structure is the same either way: bodies come from a random stream of their own); for benchmarks that only
   * count, where 50,000 discussions' bodies cost seconds and hundreds of megabytes.
   */
  bodies?: boolean;
  /** When set, the discussion created nearest 10 days before `now` is a Q&A thread of exactly this many posts. */
  longThreadPosts?: number;
  /**
   * A maintainer's login (association MEMBER) who wrote a few of the maintainers' comments, e.g. the demo's
   * viewer, so that the views and the fake GitHub take them for one. Drawn from a stream of its own too.
   */
  memberLogin?: string;
}

export interface GeneratedActor {
  __typename: 'User' | 'Bot';
  login: string;
}

export interface GeneratedReply {
  id: string;
  /** Markdown; absent with `bodies: false`, empty when deleted. */
  body?: string;
  createdAt: string;
  author: GeneratedActor | null;
  authorAssociation: AuthorAssociation;
  deletedAt: string | null;
  isMinimized: boolean;
  upvoteCount: number;
  replyTo: { id: string };
}

export interface GeneratedComment extends Omit<GeneratedReply, 'replyTo'> {
  isAnswer: boolean;
  replies: { totalCount: number; nodes: GeneratedReply[] };
}

/** A complete GitHub `Discussion` node: every field the sync reads is present. */
export interface GeneratedDiscussion {
  id: string;
  number: number;
  title: string;
  url: string;
  createdAt: string;
  /** The latest activity: newest post or answer choice. */
  updatedAt: string;
  closed: boolean;
  locked: boolean;
  author: GeneratedActor | null;
  authorAssociation: AuthorAssociation;
  category: { id: string; name: string; slug: string; emoji: string; isAnswerable: boolean };
  isAnswered: boolean;
  answerChosenAt: string | null;
  answerChosenBy: GeneratedActor | null;
  answer: { id: string } | null;
  upvoteCount: number;
  labels: { nodes: GeneratedLabel[] };
  /** Markdown; absent with `bodies: false`. */
  body?: string;
  comments: { totalCount: number; nodes: GeneratedComment[] };
}

export interface GeneratedCommunity {
  repository: string;
  discussions: GeneratedDiscussion[];
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NORMAL_MAX_COMMENTS = 30;
const NORMAL_MAX_REPLIES = 10;
/** Share of threads nobody answers at all (before bots and the author's own follow-ups). */
const SILENT_SHARE = 0.1;
const MEAN_REPLIES_PER_COMMENT = 1.2;
const MAINTAINER_ASSOCIATIONS: ReadonlySet<AuthorAssociation> = new Set(['OWNER', 'MEMBER', 'COLLABORATOR']);

const CATEGORIES = [
  { name: 'Q&A', slug: 'q-a', emoji: ':pray:', isAnswerable: true, weight: 45 },
  { name: 'General', slug: 'general', emoji: ':speech_balloon:', isAnswerable: false, weight: 20 },
  { name: 'Ideas', slug: 'ideas', emoji: ':bulb:', isAnswerable: false, weight: 15 },
  { name: 'Show and tell', slug: 'show-and-tell', emoji: ':raised_hands:', isAnswerable: false, weight: 12 },
  { name: 'Announcements', slug: 'announcements', emoji: ':mega:', isAnswerable: false, weight: 8 },
] as const;
type CategoryName = (typeof CATEGORIES)[number]['name'];

// Families of titles (one template, many topics; one topic, many templates) that read well with any topic, singular
// or plural: the similar-discussions search has real neighbours to find.
const TITLES: Record<CategoryName, readonly string[]> = {
  'Q&A': [
    'How do I configure {thing}?',
    'Errors with {thing} after upgrading to v3',
    'Is it possible to use {thing} with Docker?',
    'Best way to test {thing}?',
    'Empty result when using {thing}',
  ],
  General: ['Thoughts on {thing}', 'How does your team handle {thing}?', 'Anyone using {thing} in production?'],
  Ideas: ['Idea: first-class support for {thing}', 'Proposal: simplify {thing}', 'Make {thing} configurable per environment'],
  'Show and tell': ['I built a dashboard for {thing}', 'A plugin that extends {thing}', 'Case study: {thing} at scale'],
  Announcements: ['Release notes: changes to {thing}', 'Upcoming deprecations in {thing}', 'Community call about {thing}'],
};

/**
 * A seeded, realistic synthetic GitHub Discussions community: the same options always give the same
 * nodes. Categories with Q&A answerable, a few very active responders and a long tail, maintainers,
 * bots, answered and unanswered threads, silent threads, authors coming back, closed and locked threads,
 * deleted and minimized comments, upvotes, ghosts, and a few threads longer than any inline page.
 */
export function generateCommunity(options: GenerateOptions): GeneratedCommunity {
  const repository = options.repository ?? 'synthetic/community';
  const nowMs = Date.parse(options.now);
  if (Number.isNaN(nowMs)) throw new Error(`generateCommunity: now "${options.now}" is not an ISO 8601 date-time`);
  if (!Number.isInteger(options.discussions) || options.discussions < 0) {
    throw new Error(`generateCommunity: discussions must be a whole number ≥ 0, got ${options.discussions}`);
  }
  const random = mulberry32(options.seed);
  const count = options.discussions;
  const overflowCount = Math.min(count, options.overflowThreads ?? Math.max(1, Math.round(count / 200)));
  const postsPerDiscussion = options.postsPerDiscussion ?? 10;
  const context: ThreadContext = {
    random,
    cast: new Cast(random, Math.max(100, 2 * count)),
    key: shortHash(repository.toLowerCase()),
    repository,
    nowMs,
    // Each comment brings itself and its replies; silent threads bring nothing.
    meanComments: postsPerDiscussion / ((1 - SILENT_SHARE) * (1 + MEAN_REPLIES_PER_COMMENT)),
    categories: new WeightedSampler(CATEGORIES.map((category) => category.weight)),
  };
  const overflow = chooseDistinct(random, count, overflowCount);
  const created = creationTimes(random, count, nowMs, (options.spanDays ?? 365) * DAY);
  const threads = created.map((createdAtMs, index) => generateThread(context, index + 1, createdAtMs, overflow.has(index)));
  if (options.longThreadPosts !== undefined && count > 0) {
    const index = nearestIndex(created, nowMs - LONG_THREAD_AGE_MS);
    threads[index] = generateLongThreadIn(
      { ...context, random: mulberry32(streamSeed(options.seed, 0, STREAM_LONG_THREAD)) },
      index + 1,
      created[index]!,
      options.longThreadPosts,
    );
  }
  writeText(threads, options);
  return { repository, discussions: threads.map((thread) => thread.node) };
}

export interface LongThreadOptions {
  seed: number;
  /** Comments and replies together (about 40% comments, so 300 posts pass one page of 100 comments). */
  posts: number;
  /** ISO date-time: the thread starts 10 days before and ends before it. */
  now: string;
  /** `owner/name`; default `synthetic/community`. */
  repository?: string;
  /** Default 1. */
  number?: number;
}

/** One long Q&A thread with bodies, for trying and measuring the thread view at size. */
export function generateLongThread(options: LongThreadOptions): GeneratedDiscussion {
  const repository = options.repository ?? 'synthetic/community';
  const nowMs = Date.parse(options.now);
  if (Number.isNaN(nowMs)) throw new Error(`generateLongThread: now "${options.now}" is not an ISO 8601 date-time`);
  const random = mulberry32(streamSeed(options.seed, 0, STREAM_LONG_THREAD));
  const context: ThreadContext = {
    random,
    cast: new Cast(random, 100),
    key: shortHash(repository.toLowerCase()),
    repository,
    nowMs,
    meanComments: 1,
    categories: new WeightedSampler([1]),
  };
  const createdAtMs = Math.floor((nowMs - LONG_THREAD_AGE_MS) / 1000) * 1000;
  const thread = generateLongThreadIn(context, options.number ?? 1, createdAtMs, options.posts);
  writeText([thread], { seed: options.seed, repository });
  return thread.node;
}

interface ThreadContext {
  readonly random: Random;
  readonly cast: Cast;
  readonly key: string;
  readonly repository: string;
  readonly nowMs: number;
  readonly meanComments: number;
  readonly categories: WeightedSampler;
}

/** A generated discussion, the topic its title names and which of its category's titles it has (its body agrees). */
interface Thread {
  readonly node: GeneratedDiscussion;
  readonly topic: Topic;
  readonly titleIndex: number;
}

const LONG_THREAD_AGE_MS = 10 * DAY;
// Labels, the member's posts, bodies and the long thread each draw from their own seeded streams, so turning one
// on or off leaves the rest of the community exactly as it was.
const STREAM_TEXT = 1;
const STREAM_LONG_THREAD = 2;

function streamSeed(seed: number, number: number, stream: number): number {
  return (Math.imul(seed, 0x9e3779b1) ^ Math.imul(number + 1, 0x85ebca6b) ^ Math.imul(stream, 0xc2b2ae35)) >>> 0;
}

function nearestIndex(sortedTimes: readonly number[], target: number): number {
  let best = 0;
  sortedTimes.forEach((time, index) => {
    if (Math.abs(time - target) < Math.abs(sortedTimes[best]! - target)) best = index;
  });
  return best;
}

/** Creation times growing towards `now` (communities grow), ascending, in whole seconds. */
function creationTimes(random: Random, count: number, nowMs: number, spanMs: number): number[] {
  const latest = nowMs - 60_000;
  const times = Array.from({ length: count }, () => Math.floor((latest - spanMs * (1 - Math.sqrt(random()))) / 1000) * 1000);
  return times.sort((a, b) => a - b);
}

function chooseDistinct(random: Random, size: number, wanted: number): Set<number> {
  const chosen = new Set<number>();
  while (chosen.size < wanted) chosen.add(Math.floor(random() * size));
  return chosen;
}

interface PlannedPost {
  offsetMs: number;
  replies: number[];
}

type Category = (typeof CATEGORIES)[number];

function generateThread(context: ThreadContext, number: number, createdAtMs: number, overflow: boolean): Thread {
  const { random, cast } = context;
  const category = overflow ? CATEGORIES[0] : CATEGORIES[context.categories.sample(random)]!;
  const author = category.name === 'Announcements' ? cast.maintainer(random) : withGhosts(random, cast.asker(random));
  return buildThread(context, number, createdAtMs, category, author, planThread(random, context.meanComments, overflow));
}

function generateLongThreadIn(context: ThreadContext, number: number, createdAtMs: number, posts: number): Thread {
  return buildThread(context, number, createdAtMs, CATEGORIES[0], context.cast.asker(context.random), planLongThread(context.random, posts));
}

function buildThread(context: ThreadContext, number: number, createdAtMs: number, category: Category, author: Person | null, plan: PlannedPost[]): Thread {
  const { random, cast } = context;
  const scale = fitWithin(plan, context.nowMs - 1000 - createdAtMs);
  const at = (offsetMs: number) => formatGitHubTime(createdAtMs + Math.max(1000, Math.floor(offsetMs * scale)));
  const id = `D_${context.key}_${number}`;

  const comments = plan.map((planned, index): GeneratedComment => {
    const commentId = `DC_${context.key}_${number}_${index}`;
    const commentAuthor = postAuthor(random, cast, author, index === 0 ? 0.1 : 0.2);
    const replies = planned.replies.map((offsetMs, replyIndex): GeneratedReply =>
      post(context, `${commentId}_${replyIndex}`, at(offsetMs), postAuthor(random, cast, author, 0.3), { replyTo: { id: commentId } }),
    );
    return post(context, commentId, at(planned.offsetMs), commentAuthor, {
      isAnswer: false,
      replies: { totalCount: replies.length, nodes: replies },
    });
  });

  const answer = category.isAnswerable ? chooseAnswer(random, comments, author) : null;
  let answerChosenAt: string | null = null;
  let answerChosenBy: GeneratedActor | null = null;
  if (answer) {
    answer.isAnswer = true;
    answer.upvoteCount += geometricFromZero(random, 3);
    const chosenMs = Math.min(context.nowMs, Date.parse(answer.createdAt) + Math.floor(logNormal(random, DAY, 1.2)));
    answerChosenAt = formatGitHubTime(chosenMs);
    answerChosenBy = author && chance(random, 0.8) ? author.actor : cast.maintainer(random).actor;
  }
  const createdAt = formatGitHubTime(createdAtMs);
  const old = context.nowMs - createdAtMs > 30 * DAY;
  const titleIndex = Math.floor(random() * TITLES[category.name].length);
  const topic = pick(random, TOPICS);
  const node: GeneratedDiscussion = {
    id,
    number,
    title: TITLES[category.name][titleIndex]!.replace('{thing}', topic.thing),
    url: `https://github.com/${context.repository}/discussions/${number}`,
    createdAt,
    updatedAt: latestActivity(createdAt, comments, answerChosenAt),
    closed: old && chance(random, answer ? 0.12 : 0.05),
    locked: chance(random, category.name === 'Announcements' ? 0.3 : 0.01),
    author: author?.actor ?? null,
    authorAssociation: author?.association ?? 'NONE',
    category: {
      id: `DIC_${context.key}_${category.slug}`,
      name: category.name,
      slug: category.slug,
      emoji: category.emoji,
      isAnswerable: category.isAnswerable,
    },
    isAnswered: answer !== null,
    answerChosenAt,
    answerChosenBy,
    answer: answer ? { id: answer.id } : null,
    upvoteCount: geometricFromZero(random, 2),
    labels: { nodes: [] },
    comments: { totalCount: comments.length, nodes: comments },
  };
  return { node, topic, titleIndex };
}

/**
 * The text of each thread, in number order, each from its own stream: labels; the member's few posts; the
 * bodies, pointing back ("see #N") to earlier discussions on the same topic.
 */
function writeText(threads: readonly Thread[], options: Pick<GenerateOptions, 'seed' | 'repository' | 'bodies' | 'memberLogin'>): void {
  const repository = options.repository ?? 'synthetic/community';
  const earlierByTopic = new Map<Topic, number[]>();
  for (const { node, topic, titleIndex } of threads) {
    const random = mulberry32(streamSeed(options.seed, node.number, STREAM_TEXT));
    node.labels.nodes = chooseLabels(random, node.category.name);
    if (options.memberLogin !== undefined) attributeToMember(random, node, options.memberLogin);
    const earlier = earlierByTopic.get(topic) ?? [];
    if (options.bodies !== false) writeBodies(node, { random, repository, topic, titleIndex, related: earlier.slice(-RELATED_KEPT) });
    earlier.push(node.number);
    earlierByTopic.set(topic, earlier);
  }
}

/** "See #N" points among the latest few discussions on a topic, as people link what they remember. */
const RELATED_KEPT = 8;
/** Share of threads where the member wrote one of the maintainers' comments. */
const MEMBER_SHARE = 0.03;

/** Gives one maintainer comment of some threads (not the author's own) to the member, as a MEMBER. */
function attributeToMember(random: Random, node: GeneratedDiscussion, login: string): void {
  if (!chance(random, MEMBER_SHARE)) return;
  const candidates = node.comments.nodes.filter(
    (comment) => MAINTAINER_ASSOCIATIONS.has(comment.authorAssociation) && comment.author?.login !== node.author?.login && comment.deletedAt === null,
  );
  if (candidates.length === 0) return;
  const chosen = pick(random, candidates);
  chosen.author = { __typename: 'User', login };
  chosen.authorAssociation = 'MEMBER';
}

/** Offsets (ms after the opening post) of each comment and its replies, oldest first. */
function planThread(random: Random, meanComments: number, overflow: boolean): PlannedPost[] {
  const commentCount = overflow
    ? integerBetween(random, NORMAL_MAX_COMMENTS + 1, NORMAL_MAX_COMMENTS + 15)
    : chance(random, SILENT_SHARE)
      ? 0
      : Math.min(NORMAL_MAX_COMMENTS, geometricAtLeastOne(random, meanComments));
  const longReplyThread = overflow ? integerBetween(random, 0, commentCount - 1) : -1;
  let offsetMs = 0;
  return Array.from({ length: commentCount }, (_, index) => {
    offsetMs += index === 0 ? logNormal(random, 6 * HOUR, 1.5) : logNormal(random, 2 * HOUR, 1.8);
    const replyCount =
      index === longReplyThread
        ? integerBetween(random, NORMAL_MAX_REPLIES + 1, NORMAL_MAX_REPLIES + 10)
        : Math.min(NORMAL_MAX_REPLIES, geometricFromZero(random, MEAN_REPLIES_PER_COMMENT));
    let replyOffsetMs = offsetMs;
    const replies = Array.from({ length: replyCount }, () => (replyOffsetMs += logNormal(random, HOUR, 1.6)));
    return { offsetMs, replies };
  });
}

/** Exactly `posts` posts: about 40% comments, the replies mostly on the early comments (where a thread's talk is). */
function planLongThread(random: Random, posts: number): PlannedPost[] {
  const commentCount = Math.max(1, Math.round(posts * 0.4));
  const replyCounts = new Array<number>(commentCount).fill(0);
  for (let reply = commentCount; reply < posts; reply += 1) replyCounts[Math.floor(random() ** 2 * commentCount)]! += 1;
  let offsetMs = 0;
  return replyCounts.map((replyCount) => {
    offsetMs += logNormal(random, 2 * HOUR, 1);
    let replyOffsetMs = offsetMs;
    return { offsetMs, replies: Array.from({ length: replyCount }, () => (replyOffsetMs += logNormal(random, HOUR, 1.2))) };
  });
}

/** The factor that compresses a thread's timeline into the time left before `now`. */
function fitWithin(plan: readonly PlannedPost[], availableMs: number): number {
  let latest = 0;
  for (const planned of plan) latest = Math.max(latest, planned.offsetMs, ...planned.replies);
  return latest > availableMs ? Math.max(0, availableMs) / latest : 1;
}

/** Bots now and then; the discussion's author coming back with `authorReturns`; else a responder. */
function postAuthor(random: Random, cast: Cast, discussionAuthor: Person | null, authorReturns: number): Person | null {
  if (chance(random, 0.02)) return cast.bot(random);
  if (discussionAuthor && chance(random, authorReturns)) return discussionAuthor;
  return withGhosts(random, cast.responder(random));
}

/** A few accounts have been deleted since: GitHub shows them as a null author ("ghost"). */
function withGhosts(random: Random, person: Person): Person | null {
  return chance(random, 0.004) ? null : person;
}

/** A comment or reply with `extra` (its replies or `replyTo`), built in one object: there are millions. */
function post<Extra extends object>(
  context: ThreadContext,
  id: string,
  createdAt: string,
  author: Person | null,
  extra: Extra,
): Omit<GeneratedReply, 'replyTo'> & Extra {
  const { random, nowMs } = context;
  const deleted = chance(random, 0.015);
  return {
    id,
    createdAt,
    author: author?.actor ?? null,
    authorAssociation: author?.association ?? 'NONE',
    deletedAt: deleted ? formatGitHubTime(Math.min(nowMs, Date.parse(createdAt) + Math.floor(logNormal(random, DAY, 1)))) : null,
    isMinimized: !deleted && chance(random, 0.015),
    upvoteCount: geometricFromZero(random, 0.6),
    ...extra,
  };
}

/** About 55% of answerable threads with a usable comment get one marked, often a maintainer's. */
function chooseAnswer(random: Random, comments: readonly GeneratedComment[], author: Person | null): GeneratedComment | null {
  const candidates = comments.filter(
    (comment) =>
      comment.author !== null &&
      comment.author.__typename !== 'Bot' &&
      comment.author.login !== author?.actor.login &&
      comment.deletedAt === null &&
      !comment.isMinimized,
  );
  if (candidates.length === 0 || !chance(random, 0.55)) return null;
  const byMaintainers = candidates.filter((comment) => MAINTAINER_ASSOCIATIONS.has(comment.authorAssociation));
  return pick(random, byMaintainers.length > 0 && chance(random, 0.5) ? byMaintainers : candidates);
}

function latestActivity(createdAt: string, comments: readonly GeneratedComment[], answerChosenAt: string | null): string {
  // Whole-second UTC ISO strings compare correctly as text.
  let latest = answerChosenAt !== null && answerChosenAt > createdAt ? answerChosenAt : createdAt;
  for (const comment of comments) {
    if (comment.createdAt > latest) latest = comment.createdAt;
    for (const reply of comment.replies.nodes) if (reply.createdAt > latest) latest = reply.createdAt;
  }
  return latest;
}
