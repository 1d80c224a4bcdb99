import { DAY_MS } from '../../shared/time';
import { GHOST_LOGIN, POST_FLAGS, POST_KINDS, type Category, type Community, type Discussion, type PostKind } from '../model';
import { assertClassifiedFrom, type People } from '../people';
import { answeredAt } from './asOf';
import { rowRules } from '../responses';
import { ColumnMemory, releaseColumns } from './sharedColumns';

// Read twice per post, so kept as a module-local copy: an imported binding costs a getter call per read
// in CommonJS output such as tsx's (the bench's); the bundle inlines either.
const DAY = DAY_MS;

/**
 * What every metric needs, computed once from the community and shared: each discussion's first
 * responses and answer, and every post that counts as activity in day order, in columns (typed arrays),
 * so a metric is a cheap scan of its span with no re-classification, no re-sorting and next to no garbage.
 * Window-independent: one `CommunityFacts` serves the report's window and the previous one.
 *
 * The metrics read these columns as `column[row]!` (noUncheckedIndexedAccess): every index is a row, discussion
 * or person id below its column's length by construction (a loop bound or an id from another column), and a
 * check per read would cost the hot loops for a case that cannot happen.
 */
export interface CommunityFacts {
  readonly repository: string;
  /** Person id → login (`Community.logins`: the ids of `Post.authorId`). */
  readonly logins: readonly string[];
  /** Person id → 1 when a maintainer (issue #2: OWNER/MEMBER/COLLABORATOR association or `--maintainers`). */
  readonly isMaintainer: Uint8Array;
  /** Person id of `ghost` (deleted accounts, indistinguishable from one another), or -1. */
  readonly ghost: number;
  /** Whether anyone in the data is a maintainer; without one, maintainer figures are null. */
  readonly maintainerKnown: boolean;
  /** Discussions opened by a person (not a bot): the only ones any metric counts. */
  readonly perDiscussion: DiscussionColumns;
  /**
   * The same discussions as one object each, for a caller that looks one up (the dashboard opens a
   * discussion by number): built on first use, as the metrics read `perDiscussion`.
   */
  readonly discussions: readonly DiscussionFacts[];
  /** The categories of those discussions, each once (null: discussions without a category). */
  readonly categories: readonly (Category | null)[];
  /** In ascending order of day (UTC), so that any span of time is a run of consecutive rows (`rowsOfDays`). */
  readonly posts: PostColumns;
  readonly days: DayIndex;
  /** Person id → their first post (one that counts as activity), all history; Infinity for none. */
  readonly firstPostAt: Float64Array;
  /** Person id → their latest post (one that counts as activity), all history; -Infinity for none. */
  readonly lastPostAt: Float64Array;
  /**
   * Every post was created at or after its discussion (so on GitHub; imported data may say otherwise): a
   * metric of the discussions opened in a window may then leave out the rows before it.
   */
  readonly postsFollowTheirDiscussion: boolean;
}

/** The time in a "when" column for what has not happened: it is after every `until`. */
export const NEVER = Infinity;

/** Row d of each array describes counted discussion d (the arrays may be longer than `length`: bots' discussions had room). */
export interface DiscussionColumns {
  readonly length: number;
  readonly discussion: readonly Discussion[];
  readonly createdAt: Float64Array;
  /** Person id of the author of the opening post. */
  readonly author: Int32Array;
  /** Index into `CommunityFacts.categories`. */
  readonly category: Int32Array;
  /** 1 when the discussion's category is answerable. */
  readonly answerable: Uint8Array;
  /** 1 when the discussion is neither closed nor locked (as the data says now: these are not dated). */
  readonly open: Uint8Array;
  /** When the answer was chosen, if the data says (the only time used for time to answer), else `NEVER`. */
  readonly answerChosenAt: Float64Array;
  /** When D had a chosen answer by, as well as the data tells (`answeredAt` in asOf.ts); `NEVER` without one. */
  readonly answeredAt: Float64Array;
  /** `NEVER` without a response. */
  readonly firstResponseAt: Float64Array;
  /** Person id of the first responder, or -1. */
  readonly firstResponder: Int32Array;
  /** `NEVER` without a response by a maintainer. */
  readonly firstMaintainerResponseAt: Float64Array;
  /** The row of its latest post that counts (`posts`; its opening post when no other counts), whatever the moment. */
  readonly latestRow: Int32Array;
}

/** One counted discussion's facts (null where the columns say `NEVER`). */
export interface DiscussionFacts {
  readonly discussion: Discussion;
  readonly createdAt: number;
  readonly author: number;
  readonly category: Category | null;
  readonly answerable: boolean;
  readonly answerChosenAt: number | null;
  readonly answeredAt: number | null;
  readonly firstResponseAt: number | null;
  readonly firstResponder: number;
  readonly firstMaintainerResponseAt: number | null;
}

/** A post's kind as a number: its index in `POST_KINDS`, as the community's table keeps it. */
export const POST_KIND_CODES = Object.fromEntries(POST_KINDS.map((kind, code) => [kind, code])) as Readonly<Record<PostKind, number>>;

/**
 * Every post that counts as activity (not by a bot, not deleted, not minimized) in a counted
 * discussion, opening posts included. Row i of each array describes post i. A discussion's posts keep
 * their order (ascending time after the opening post) among the rows.
 */
export interface PostColumns {
  readonly length: number;
  /** Index into `CommunityFacts.perDiscussion`. */
  readonly discussion: Int32Array;
  readonly author: Int32Array;
  readonly createdAt: Float64Array;
  /** `POST_KIND_CODES`. */
  readonly kind: Uint8Array;
  /** 1 when the post is a response to its discussion (issue #2). */
  readonly isResponse: Uint8Array;
  /** 1 when the post is a response and its discussion's chosen answer. */
  readonly isChosenAnswer: Uint8Array;
  readonly upvotes: Int32Array;
  /**
   * Person id of the author this post answers (docs/metrics.md "Network"): the opener for a comment, the
   * comment's author for a reply; -1 for an opening post, and for a reply under a comment that does not count.
   */
  readonly answers: Int32Array;
}

/**
 * Whether a post by `from` answering `to` (`PostColumns.answers`) is an interaction: none with oneself or nobody, and
 * `ghost` (deleted accounts) on neither end. The window's totals count them and the network places them by this one
 * test, so the two agree.
 */
export function isInteraction(from: number, to: number, ghost: number): boolean {
  return to >= 0 && to !== from && to !== ghost && from !== ghost;
}

/** Where each day's posts start among the rows: day `firstDay + k` holds rows `start[k]` to `start[k + 1] - 1`. */
export interface DayIndex {
  /** UTC days since 1970-01-01. */
  readonly firstDay: number;
  readonly start: Int32Array;
}

/**
 * The rows of the days that `[from, to)` touches: every post created in it, and only posts of those
 * days. When `from` and `to` are midnights (UTC weeks and months are), exactly the posts created in it.
 */
export function rowsOfDays(facts: CommunityFacts, from: number, to: number): { readonly first: number; readonly end: number } {
  const { firstDay, start } = facts.days;
  const dayOffset = (day: number): number => Math.min(Math.max(day - firstDay, 0), start.length - 1);
  return { first: start[dayOffset(Math.floor(from / DAY_MS))]!, end: start[dayOffset(Math.ceil(to / DAY_MS))]! };
}

/** Whether every post that counts is before `until` (live figures, until now): what holds for all history then holds at it. */
export function everyPostBefore(facts: CommunityFacts, until: number): boolean {
  return facts.lastPostAt.every((at) => at < until);
}

/** Per person, their latest post before `until` (any post that counts as activity, all history); to read, not to change. */
export function lastPostPerPerson(facts: CommunityFacts, until: number): Float64Array {
  // Live figures (until now) need no pass over the posts, nor a copy.
  if (everyPostBefore(facts, until)) return facts.lastPostAt;
  const { createdAt, author } = facts.posts;
  const last = new Float64Array(facts.logins.length).fill(-Infinity);
  for (let row = 0, end = rowsOfDays(facts, -Infinity, until).end; row < end; row++) {
    const at = createdAt[row]!;
    if (at < until && at > last[author[row]!]!) last[author[row]!] = at;
  }
  return last;
}

export function buildFacts(community: Community, people: People): CommunityFacts {
  assertClassifiedFrom(people, community);
  const categories = new CategoryTable();
  const memory = new ColumnMemory();
  const perDiscussion = allocateDiscussions(community.discussions.length, memory);
  // Two passes, so that the posts are written straight to their place in day order (an unsorted copy
  // of millions of rows would double the memory a report takes): the first finds each discussion's
  // facts, notes which rows count and counts them per day, the second writes them. Both run once per row
  // of millions, so the rules are read as data inline (`RowRules`), not called per row.
  const postsPerDay = new DayCounts(community.latestActivityAt);
  const persons = community.logins.length;
  const firstPostAt = memory.float64(persons).fill(Infinity);
  const lastPostAt = memory.float64(persons).fill(-Infinity);
  const isMaintainer = memory.uint8(persons);
  for (let person = 0; person < persons; person++) if (people.isMaintainerId(person)) isMaintainer[person] = 1;
  let postsFollowTheirDiscussion = true;
  const table = community.posts;
  const { createdAt, author, flags } = table;
  const { hiddenFlags, botPerson } = rowRules(community, people);
  const { botActor, answer: answerFlag, kindMask } = POST_FLAGS;
  /** Per row of the table: 1 when it counts (a post that counts as activity in a discussion that counts). */
  const counts = new Uint8Array(table.length);
  for (const discussion of community.discussions) {
    const { firstRow, endRow } = discussion;
    const opener = author[firstRow]!;
    if ((flags[firstRow]! & botActor) !== 0 || botPerson[opener] === 1) continue;
    const openedAt = createdAt[firstRow]!;
    counts[firstRow] = 1;
    postsPerDay.add(openedAt);
    if (openedAt < firstPostAt[opener]!) firstPostAt[opener] = openedAt;
    if (openedAt > lastPostAt[opener]!) lastPostAt[opener] = openedAt;
    let first = -1;
    let firstByMaintainer = -1;
    let answer = -1;
    for (let row = firstRow + 1; row < endRow; row++) {
      const rowFlags = flags[row]!;
      if (answer < 0 && (rowFlags & answerFlag) !== 0) answer = row;
      const person = author[row]!;
      if ((rowFlags & hiddenFlags) !== 0 || botPerson[person] === 1) continue;
      counts[row] = 1;
      const at = createdAt[row]!;
      postsPerDay.add(at);
      if (at < firstPostAt[person]!) firstPostAt[person] = at;
      if (at > lastPostAt[person]!) lastPostAt[person] = at;
      if (at < openedAt) postsFollowTheirDiscussion = false;
      if (person === opener) continue;
      if (first < 0) first = row;
      if (firstByMaintainer < 0 && isMaintainer[person] === 1) firstByMaintainer = row;
    }
    const index = perDiscussion.length++;
    perDiscussion.discussion.push(discussion);
    perDiscussion.createdAt[index] = discussion.createdAt;
    perDiscussion.author[index] = opener;
    perDiscussion.category[index] = categories.indexOf(discussion.category);
    perDiscussion.answerable[index] = discussion.category?.answerable ? 1 : 0;
    perDiscussion.open[index] = discussion.closed || discussion.locked ? 0 : 1;
    perDiscussion.answerChosenAt[index] = discussion.answerChosenAt ?? NEVER;
    perDiscussion.answeredAt[index] = answeredAt(discussion, answer < 0 ? null : createdAt[answer]!) ?? NEVER;
    perDiscussion.firstResponseAt[index] = first < 0 ? NEVER : createdAt[first]!;
    perDiscussion.firstResponder[index] = first < 0 ? -1 : author[first]!;
    perDiscussion.firstMaintainerResponseAt[index] = firstByMaintainer < 0 ? NEVER : createdAt[firstByMaintainer]!;
  }
  const days = postsPerDay.index(memory);
  const posts = allocatePosts(days.start[days.start.length - 1]!, memory);
  // Each day's next free row: a counting sort, stable, so a discussion's posts keep their order.
  const next = days.start.slice(0, -1);
  const { firstDay } = days;
  const { inReplyTo, upvotes } = table;
  const { latestRow } = perDiscussion;
  const { discussion: discussionOf, author: authorOf, createdAt: createdAtOf, kind, isResponse, isChosenAnswer, upvotes: upvotesOf, answers } = posts;
  for (let index = 0; index < perDiscussion.length; index++) {
    const { firstRow, endRow } = perDiscussion.discussion[index]!;
    const opener = author[firstRow]!;
    for (let row = firstRow; row < endRow; row++) {
      if (counts[row] === 0) continue;
      const at = createdAt[row]!;
      const person = author[row]!;
      const rowFlags = flags[row]!;
      const opening = row === firstRow;
      const response = !opening && person !== opener;
      const parent = inReplyTo[row]!;
      const to = next[Math.floor(at / DAY) - firstDay]!++;
      discussionOf[to] = index;
      // Rows are placed in the discussion's time order, each after the one before: the last is its latest.
      latestRow[index] = to;
      authorOf[to] = person;
      createdAtOf[to] = at;
      kind[to] = rowFlags & kindMask;
      isResponse[to] = response ? 1 : 0;
      isChosenAnswer[to] = response && (rowFlags & answerFlag) !== 0 ? 1 : 0;
      upvotesOf[to] = upvotes[row]!;
      // Whom it answers (PostColumns.answers): the opener for a comment; for a reply, its comment's author if that counts.
      answers[to] = opening ? -1 : parent < 0 ? opener : counts[parent] === 1 ? author[parent]! : -1;
    }
  }
  const ghost = community.logins.indexOf(GHOST_LOGIN);
  const facts = new Facts(
    community.repository,
    community.logins,
    isMaintainer,
    ghost,
    perDiscussion,
    categories.list,
    posts,
    days,
    firstPostAt,
    lastPostAt,
    postsFollowTheirDiscussion,
  );
  // The columns' memory serves later facts once these are collected, or sooner through `releaseFacts`.
  RELEASED_WHEN_COLLECTED.register(facts, memory.taken, facts);
  MEMORY_OF.set(facts, memory.taken);
  return facts;
}

const RELEASED_WHEN_COLLECTED = new FinalizationRegistry<readonly ArrayBufferLike[]>(releaseColumns);
const MEMORY_OF = new WeakMap<CommunityFacts, readonly ArrayBufferLike[]>();

/**
 * Gives the memory of `facts` (built by `buildFacts`) to the next facts built at once, rather than when they are
 * collected: for their one holder, done with them (a report that built its own). Nothing may read them afterwards.
 */
export function releaseFacts(facts: CommunityFacts): void {
  const memory = MEMORY_OF.get(facts);
  if (memory === undefined || !RELEASED_WHEN_COLLECTED.unregister(facts)) return;
  MEMORY_OF.delete(facts);
  releaseColumns(memory);
}

/**
 * Posts counted per UTC day, back from the day of the community's latest activity (no post is later),
 * in a table that grows as earlier days turn up; then `index` gives where each day's rows start.
 */
class DayCounts {
  private readonly lastDay: number;
  private daysBack = new Int32Array(64);
  private earliestBack = 0;

  constructor(latestActivityAt: number) {
    this.lastDay = Number.isFinite(latestActivityAt) ? Math.floor(latestActivityAt / DAY) : 0;
  }

  add(time: number): void {
    const back = this.lastDay - Math.floor(time / DAY);
    if (back >= this.daysBack.length) {
      const grown = new Int32Array(Math.max(back + 1, 2 * this.daysBack.length));
      grown.set(this.daysBack);
      this.daysBack = grown;
    }
    this.daysBack[back]!++;
    if (back > this.earliestBack) this.earliestBack = back;
  }

  index(memory: ColumnMemory): DayIndex {
    const start = memory.int32(this.earliestBack + 2);
    for (let day = 1; day < start.length; day++) start[day] = start[day - 1]! + this.daysBack[this.earliestBack - (day - 1)]!;
    return { firstDay: this.lastDay - this.earliestBack, start };
  }
}

/**
 * The facts without the logins and the discussions' objects: typed arrays (shared memory: sharedColumns.ts) and a few
 * plain values, which the report's helper thread is handed as they are (community/reportHelper.ts).
 */
export type FactColumns = Omit<CommunityFacts, 'logins' | 'maintainerKnown' | 'discussions' | 'perDiscussion'> & {
  readonly perDiscussion: Omit<DiscussionColumns, 'discussion'>;
};

export function factColumns(facts: CommunityFacts): FactColumns {
  const { discussion: _objects, ...perDiscussion } = facts.perDiscussion;
  return {
    repository: facts.repository,
    isMaintainer: facts.isMaintainer,
    ghost: facts.ghost,
    perDiscussion,
    categories: facts.categories,
    posts: facts.posts,
    days: facts.days,
    firstPostAt: facts.firstPostAt,
    lastPostAt: facts.lastPostAt,
    postsFollowTheirDiscussion: facts.postsFollowTheirDiscussion,
  };
}

/**
 * The facts again from their columns and logins, in the report's helper thread: without the discussions' objects
 * (`perDiscussion.discussion` and `discussions` are empty there), which only the sections that name a discussion read,
 * and those run where the discussions are.
 */
export function factsFromColumns(columns: FactColumns, logins: readonly string[]): CommunityFacts {
  // `length` and `discussion` first, then the columns in their order: the same hidden class as `allocateDiscussions`'
  // literal, so the metrics' optimized code serves these facts too.
  const { length, ...perDiscussionColumns } = columns.perDiscussion;
  const perDiscussion: DiscussionColumns = { length, discussion: [], ...perDiscussionColumns };
  const { repository, isMaintainer, ghost, categories, posts, days, firstPostAt, lastPostAt, postsFollowTheirDiscussion } = columns;
  return new Facts(repository, logins, isMaintainer, ghost, perDiscussion, categories, posts, days, firstPostAt, lastPostAt, postsFollowTheirDiscussion);
}

/**
 * `CommunityFacts` with `discussions` built on first use. A class, so that every facts object (and
 * each of its column groups, built as literals of one shape) has the same hidden class: the metrics'
 * optimized code then serves every report instead of being thrown away for each new one.
 */
class Facts implements CommunityFacts {
  readonly maintainerKnown: boolean;
  private described: DiscussionFacts[] | undefined = undefined;

  constructor(
    readonly repository: string,
    readonly logins: readonly string[],
    readonly isMaintainer: Uint8Array,
    readonly ghost: number,
    readonly perDiscussion: DiscussionColumns,
    readonly categories: readonly (Category | null)[],
    readonly posts: PostColumns,
    readonly days: DayIndex,
    readonly firstPostAt: Float64Array,
    readonly lastPostAt: Float64Array,
    readonly postsFollowTheirDiscussion: boolean,
  ) {
    this.maintainerKnown = isMaintainer.includes(1);
  }

  get discussions(): readonly DiscussionFacts[] {
    return (this.described ??= describeDiscussions(this.perDiscussion, this.categories));
  }
}

function describeDiscussions(columns: DiscussionColumns, categories: readonly (Category | null)[]): DiscussionFacts[] {
  const known = (at: number): number | null => (at === NEVER ? null : at);
  return columns.discussion.map((discussion, d) => ({
    discussion,
    createdAt: columns.createdAt[d]!,
    author: columns.author[d]!,
    category: categories[columns.category[d]!]!,
    answerable: columns.answerable[d] === 1,
    answerChosenAt: known(columns.answerChosenAt[d]!),
    answeredAt: known(columns.answeredAt[d]!),
    firstResponseAt: known(columns.firstResponseAt[d]!),
    firstResponder: columns.firstResponder[d]!,
    firstMaintainerResponseAt: known(columns.firstMaintainerResponseAt[d]!),
  }));
}

/** Categories by name, each given an index once. */
class CategoryTable {
  readonly list: (Category | null)[] = [];
  private readonly indices = new Map<string | null, number>();

  indexOf(category: Category | null): number {
    const key = category?.name ?? null;
    let index = this.indices.get(key);
    if (index === undefined) {
      index = this.list.push(category) - 1;
      this.indices.set(key, index);
    }
    return index;
  }
}

/** Columns with room for `capacity` rows, `length` 0 until they are filled. */
function allocateDiscussions(capacity: number, memory: ColumnMemory): Mutable<DiscussionColumns> & { discussion: Discussion[] } {
  return {
    length: 0,
    discussion: [],
    createdAt: memory.float64(capacity),
    author: memory.int32(capacity),
    category: memory.int32(capacity),
    answerable: memory.uint8(capacity),
    open: memory.uint8(capacity),
    answerChosenAt: memory.float64(capacity),
    answeredAt: memory.float64(capacity),
    firstResponseAt: memory.float64(capacity),
    firstResponder: memory.int32(capacity),
    firstMaintainerResponseAt: memory.float64(capacity),
    latestRow: memory.int32(capacity),
  };
}

function allocatePosts(length: number, memory: ColumnMemory): PostColumns {
  return {
    length,
    discussion: memory.int32(length),
    author: memory.int32(length),
    createdAt: memory.float64(length),
    kind: memory.uint8(length),
    isResponse: memory.uint8(length),
    isChosenAnswer: memory.uint8(length),
    upvotes: memory.int32(length),
    answers: memory.int32(length),
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
