import type { AuthorAssociation } from '../github/schemas';

/**
 * The domain model every metric reads: discussions with their posts flattened, times as epoch
 * milliseconds (numbers compare and subtract fast over millions of posts).
 * Built once from GitHub-shaped nodes by `normalize.ts`; metrics never see raw nodes.
 *
 * Every post lives in one table of columns (`Community.posts`, typed arrays: about 26 bytes a post), not in an
 * object of its own: an object per post took about 150 bytes, 340 MB at 2.3 million posts (docs/architecture.md
 * "The community in memory"). Code that scans every post reads the columns; code about one discussion asks it for
 * its `posts`, made as objects on demand.
 */

export type PostKind = 'opening' | 'comment' | 'reply';

export interface Post {
  /** Its row in `Community.posts`. */
  readonly row: number;
  readonly kind: PostKind;
  /** Login; `ghost` when GitHub returned a null author (deleted account). */
  readonly author: string;
  /** The author's person id: `author`'s index in `Community.logins`. */
  readonly authorId: number;
  /** GitHub reported the author as `__typename: "Bot"`. */
  readonly authorIsBotActor: boolean;
  readonly association: AuthorAssociation;
  readonly createdAt: number;
  readonly deleted: boolean;
  readonly minimized: boolean;
  readonly upvotes: number;
  /** This post is the discussion's chosen answer: GitHub marks it `isAnswer`, or it is the discussion's `answer`. */
  readonly isAnswer: boolean;
  /** For a reply, the comment it sits under (the post it answers, docs/metrics.md "Network"); null otherwise. */
  readonly inReplyTo: Post | null;
}

export interface Category {
  readonly name: string;
  readonly slug: string;
  readonly answerable: boolean;
}

export interface Discussion {
  readonly id: string;
  readonly number: number;
  readonly title: string;
  readonly url: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly closed: boolean;
  readonly locked: boolean;
  readonly category: Category | null;
  readonly upvotes: number;
  readonly answerChosenAt: number | null;
  /** GitHub's `answer` of the discussion; or, in data without it, the post marked `isAnswer`; null when none. */
  readonly answerId: string | null;
  /** The opening post (the discussion itself). */
  readonly opening: Post;
  /** Comments and replies, in ascending `createdAt` order: made from the table on each read, so read it once. */
  readonly posts: readonly Post[];
  /** The opening post's row in `Community.posts`; the comments and replies follow it, in `posts`' order, up to `endRow`. */
  readonly firstRow: number;
  readonly endRow: number;
  /** `latestEventOf` this discussion, kept since every as-of check asks it of every discussion. */
  readonly latestActivityAt: number;
}

export interface Community {
  readonly repository: string;
  /**
   * Person id → login: every author in the data, numbered once when the community is built, so code that
   * runs per post compares and indexes small integers instead of looking logins up.
   */
  readonly logins: readonly string[];
  readonly discussions: readonly Discussion[];
  /** Every post, each discussion's rows together (`Discussion.firstRow` to `endRow`). */
  readonly posts: PostTable;
  /** The latest `latestActivityAt` of its discussions (-Infinity without any). */
  readonly latestActivityAt: number;
  /** Person id → their earliest post in the data: its GitHub node id and time (the Discussion view marks a first post). */
  readonly firstPosts: readonly FirstPost[];
}

export interface FirstPost {
  readonly id: string;
  readonly at: number;
}

/** The posts of a community as columns: row r of each array describes post r. */
export interface PostTable {
  readonly length: number;
  readonly createdAt: Float64Array;
  /** Person id (`Community.logins`). */
  readonly author: Int32Array;
  /** For a reply, the row of the comment it sits under; -1 otherwise. */
  readonly inReplyTo: Int32Array;
  readonly upvotes: Int32Array;
  /** `POST_FLAGS`: the kind in the low two bits, then one bit each. */
  readonly flags: Uint8Array;
  /** Index in `AUTHOR_ASSOCIATIONS`. */
  readonly association: Uint8Array;
}

export const POST_FLAGS = { kindMask: 3, deleted: 4, minimized: 8, answer: 16, botActor: 32 } as const;
export const POST_KINDS: readonly PostKind[] = ['opening', 'comment', 'reply'];
/** Each association's code in the table (`PostTable.association`): a Record, so one GitHub adds fails to compile until coded. */
export const ASSOCIATION_CODES: Readonly<Record<AuthorAssociation, number>> = {
  OWNER: 0,
  MEMBER: 1,
  COLLABORATOR: 2,
  CONTRIBUTOR: 3,
  FIRST_TIME_CONTRIBUTOR: 4,
  FIRST_TIMER: 5,
  MANNEQUIN: 6,
  NONE: 7,
};
/** Code → association. */
export const AUTHOR_ASSOCIATIONS: readonly AuthorAssociation[] = (Object.keys(ASSOCIATION_CODES) as AuthorAssociation[]).sort(
  (a, b) => ASSOCIATION_CODES[a] - ASSOCIATION_CODES[b],
);

/** Post `row` of `community` as an object; `inReplyTo` as given (the caller has made the comment before its replies). */
export function postAt(community: Pick<Community, 'posts' | 'logins'>, row: number, inReplyTo: Post | null): Post {
  const { posts, logins } = community;
  const flags = posts.flags[row]!;
  const author = posts.author[row]!;
  return {
    row,
    kind: POST_KINDS[flags & POST_FLAGS.kindMask]!,
    author: logins[author]!,
    authorId: author,
    authorIsBotActor: (flags & POST_FLAGS.botActor) !== 0,
    association: AUTHOR_ASSOCIATIONS[posts.association[row]!]!,
    createdAt: posts.createdAt[row]!,
    deleted: (flags & POST_FLAGS.deleted) !== 0,
    minimized: (flags & POST_FLAGS.minimized) !== 0,
    upvotes: posts.upvotes[row]!,
    isAnswer: (flags & POST_FLAGS.answer) !== 0,
    inReplyTo,
  };
}

/** Rows `firstRow + 1` to `endRow - 1` as objects, in order, each reply pointing at its comment's object. */
export function postsAt(community: Pick<Community, 'posts' | 'logins'>, firstRow: number, endRow: number): Post[] {
  const made: { -readonly [Key in keyof Post]: Post[Key] }[] = [];
  for (let row = firstRow + 1; row < endRow; row++) made.push(postAt(community, row, null));
  const { inReplyTo } = community.posts;
  for (let row = firstRow + 1; row < endRow; row++) {
    const parent = inReplyTo[row]!;
    if (parent > firstRow && parent < endRow) made[row - firstRow - 1]!.inReplyTo = made[parent - firstRow - 1]!;
  }
  return made;
}

/** A discussion's latest dated event: its creation, its last post (posts are in ascending order) or the answer choice. */
export function latestEventOf(discussion: Pick<Discussion, 'createdAt' | 'posts' | 'answerChosenAt'>): number {
  return Math.max(discussion.createdAt, discussion.posts.at(-1)?.createdAt ?? -Infinity, discussion.answerChosenAt ?? -Infinity);
}

export const GHOST_LOGIN = 'ghost';
