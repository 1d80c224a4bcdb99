import type { AuthorAssociation } from '../github/schemas';

/**
 * The domain model every metric reads: discussions with their posts flattened, times as epoch
 * milliseconds (numbers compare and subtract fast over hundreds of thousands of posts).
 * Built once from GitHub-shaped nodes by `normalize.ts`; metrics never see raw nodes.
 */

export type PostKind = 'opening' | 'comment' | 'reply';

export interface Post {
  readonly id: string;
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
  readonly answerId: string | null;
  /** The opening post (the discussion itself). */
  readonly opening: Post;
  /** Comments and replies, in ascending `createdAt` order. */
  readonly posts: readonly Post[];
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
  /** The latest `latestActivityAt` of its discussions (-Infinity without any). */
  readonly latestActivityAt: number;
}

/** A discussion's latest dated event: its creation, its last post (posts are in ascending order) or the answer choice. */
export function latestEventOf(discussion: Pick<Discussion, 'createdAt' | 'posts' | 'answerChosenAt'>): number {
  return Math.max(discussion.createdAt, discussion.posts.at(-1)?.createdAt ?? -Infinity, discussion.answerChosenAt ?? -Infinity);
}

export const GHOST_LOGIN = 'ghost';
