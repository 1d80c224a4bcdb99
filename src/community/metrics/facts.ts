import { GHOST_LOGIN, type Category, type Community, type Discussion, type Post, type PostKind } from '../model';
import { assertClassifiedFrom, type People } from '../people';
import { answeredAt, isAnswerPost, latestTime } from './asOf';

/**
 * What every metric needs, computed in one pass over the community and shared: each discussion's
 * first responses, and every post that counts as activity in columns
 * (typed arrays), so a metric is a cheap scan with no re-classification and no re-sorting.
 * Window-independent: one `CommunityFacts` serves the report's window and the previous one.
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
  readonly discussions: readonly DiscussionFacts[];
  /** The categories of those discussions, each once (null: discussions without a category). */
  readonly categories: readonly (Category | null)[];
  /** Discussion index → index into `categories`. */
  readonly categoryOf: Int32Array;
  readonly posts: PostColumns;
  /** The latest time anything in the data happened (a discussion, post or answer choice, bots' included). */
  readonly latestActivityAt: number;
}

export interface DiscussionFacts {
  readonly discussion: Discussion;
  readonly createdAt: number;
  /** Person id of the author of the opening post. */
  readonly author: number;
  readonly category: Category | null;
  readonly answerable: boolean;
  /** When the answer was chosen, if the data says: the only time used for time to answer. */
  readonly answerChosenAt: number | null;
  /** When D had a chosen answer by, as well as the data tells (`answeredAt` in asOf.ts); null without one. */
  readonly answeredAt: number | null;
  readonly firstResponseAt: number | null;
  /** Person id of the first responder, or -1. */
  readonly firstResponder: number;
  readonly firstMaintainerResponseAt: number | null;
}

export const POST_KIND_CODES: Readonly<Record<PostKind, number>> = { opening: 0, comment: 1, reply: 2 };

/**
 * Every post that counts as activity (not by a bot, not deleted, not minimized) in a counted
 * discussion, opening posts included. Row i of each array describes post i.
 */
export interface PostColumns {
  readonly length: number;
  /** Index into `CommunityFacts.discussions`. */
  readonly discussion: Int32Array;
  readonly author: Int32Array;
  /** Person id of the author of the post's discussion. */
  readonly opener: Int32Array;
  readonly createdAt: Float64Array;
  /** `POST_KIND_CODES`. */
  readonly kind: Uint8Array;
  /** 1 when the post is a response to its discussion (issue #2). */
  readonly isResponse: Uint8Array;
  /** 1 when the post is a response and its discussion's chosen answer. */
  readonly isChosenAnswer: Uint8Array;
  readonly upvotes: Int32Array;
}

/** Whether D had a chosen answer before `until`. */
export function answeredBy(facts: DiscussionFacts, until: number): boolean {
  return facts.answeredAt !== null && facts.answeredAt < until;
}

/** Per person, their latest post before `until` (any post that counts as activity, all history). */
export function lastPostPerPerson(facts: CommunityFacts, until: number): Float64Array {
  const { posts } = facts;
  const last = new Float64Array(facts.logins.length).fill(-Infinity);
  for (let row = 0; row < posts.length; row++) {
    const at = posts.createdAt[row]!;
    const author = posts.author[row]!;
    if (at < until && at > last[author]!) last[author] = at;
  }
  return last;
}

export function buildFacts(community: Community, people: People): CommunityFacts {
  assertClassifiedFrom(people, community);
  const categories = new CategoryTable();
  const posts = allocatePosts(community.discussions.reduce((sum, discussion) => sum + 1 + discussion.posts.length, 0));
  const discussions: DiscussionFacts[] = [];
  const categoryOf = new Int32Array(community.discussions.length);
  let latestActivityAt = -Infinity;
  let row = 0;
  for (const discussion of community.discussions) {
    latestActivityAt = Math.max(latestActivityAt, latestTime(discussion));
    if (people.isBotPost(discussion.opening)) continue;
    const opener = discussion.opening.authorId;
    const index = discussions.length;
    writeRow(posts, row++, index, opener, discussion.opening, false, false);
    let first: Post | null = null;
    let firstByMaintainer: Post | null = null;
    let answer: Post | null = null;
    for (const post of discussion.posts) {
      const isAnswer = isAnswerPost(post, discussion);
      if (isAnswer) answer ??= post;
      // responses.ts's isVisibleHumanPost and isResponse on person ids (test/unit/metricsFacts.test.ts holds them equal).
      if (post.deleted || post.minimized || people.isBotPost(post)) continue;
      const response = post.authorId !== opener;
      writeRow(posts, row++, index, opener, post, response, response && isAnswer);
      if (!response) continue;
      first ??= post;
      if (firstByMaintainer === null && people.isMaintainerId(post.authorId)) firstByMaintainer = post;
    }
    categoryOf[index] = categories.indexOf(discussion.category);
    discussions.push({
      discussion,
      createdAt: discussion.createdAt,
      author: opener,
      category: discussion.category,
      answerable: discussion.category?.answerable ?? false,
      answerChosenAt: discussion.answerChosenAt,
      answeredAt: answeredAt(discussion, answer),
      firstResponseAt: first?.createdAt ?? null,
      firstResponder: first ? first.authorId : -1,
      firstMaintainerResponseAt: firstByMaintainer?.createdAt ?? null,
    });
  }
  const isMaintainer = Uint8Array.from(community.logins, (_, id) => (people.isMaintainerId(id) ? 1 : 0));
  return {
    repository: community.repository,
    logins: community.logins,
    isMaintainer,
    ghost: community.logins.indexOf(GHOST_LOGIN),
    maintainerKnown: isMaintainer.includes(1),
    discussions,
    categories: categories.list,
    categoryOf: categoryOf.subarray(0, discussions.length),
    posts: { ...posts, length: row },
    latestActivityAt,
  };
}

function writeRow(
  posts: Omit<PostColumns, 'length'>,
  row: number,
  discussion: number,
  opener: number,
  post: Post,
  response: boolean,
  chosenAnswer: boolean,
): void {
  posts.discussion[row] = discussion;
  posts.author[row] = post.authorId;
  posts.opener[row] = opener;
  posts.createdAt[row] = post.createdAt;
  posts.kind[row] = POST_KIND_CODES[post.kind];
  posts.isResponse[row] = response ? 1 : 0;
  posts.isChosenAnswer[row] = chosenAnswer ? 1 : 0;
  posts.upvotes[row] = post.upvotes;
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

function allocatePosts(capacity: number): Omit<PostColumns, 'length'> {
  return {
    discussion: new Int32Array(capacity),
    author: new Int32Array(capacity),
    opener: new Int32Array(capacity),
    createdAt: new Float64Array(capacity),
    kind: new Uint8Array(capacity),
    isResponse: new Uint8Array(capacity),
    isChosenAnswer: new Uint8Array(capacity),
    upvotes: new Int32Array(capacity),
  };
}
