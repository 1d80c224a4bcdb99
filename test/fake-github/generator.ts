import type { AuthorAssociation } from '../../src/github/schemas';
import { Cast, type Person } from './cast';
import { shortHash } from './hash';
import { formatGitHubTime } from './model';
import { chance, geometricAtLeastOne, geometricFromZero, integerBetween, logNormal, mulberry32, pick, WeightedSampler, type Random } from './random';

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
}

export interface GeneratedActor {
  __typename: 'User' | 'Bot';
  login: string;
}

export interface GeneratedReply {
  id: string;
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

const TITLES: Record<CategoryName, readonly string[]> = {
  'Q&A': [
    'How do I configure {thing}?',
    'Why does {thing} fail after upgrading?',
    'Is it possible to use {thing} with Docker?',
    'Best way to test {thing}?',
    '{thing} returns an empty result',
  ],
  General: ['Thoughts on {thing}', 'Migrating our team to {thing}', 'Anyone using {thing} in production?'],
  Ideas: ['Idea: first-class support for {thing}', 'Proposal: simplify {thing}', 'Make {thing} configurable'],
  'Show and tell': ['I built a dashboard for {thing}', 'Plugin: {thing} integration', 'Our case study with {thing}'],
  Announcements: ['Release notes: {thing}', 'Deprecation of {thing}', 'Community call about {thing}'],
};
const THINGS = [
  'the CLI',
  'webhooks',
  'the REST client',
  'authentication',
  'caching',
  'the config file',
  'localization',
  'file uploads',
  'the plugin API',
  'migrations',
  'access control',
  'the admin panel',
];

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
  const discussions = created.map((createdAtMs, index) => generateThread(context, index + 1, createdAtMs, overflow.has(index)));
  return { repository, discussions };
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

function generateThread(context: ThreadContext, number: number, createdAtMs: number, overflow: boolean): GeneratedDiscussion {
  const { random, cast } = context;
  const category = overflow ? CATEGORIES[0] : CATEGORIES[context.categories.sample(random)]!;
  const author = category.name === 'Announcements' ? cast.maintainer(random) : withGhosts(random, cast.asker(random));
  const plan = planThread(random, context.meanComments, overflow);
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
  return {
    id,
    number,
    title: pick(random, TITLES[category.name]).replace('{thing}', pick(random, THINGS)),
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
    comments: { totalCount: comments.length, nodes: comments },
  };
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
