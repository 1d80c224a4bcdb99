import type { CategoryRegistry } from './categories';

/** The fake GitHub's in-memory records. Times are kept as GitHub formats them and as epoch ms for sorting. */

export type ActorTypename = 'User' | 'Bot';

export interface StoredActor {
  readonly typename: ActorTypename;
  readonly login: string;
}

export interface StoredCategory {
  readonly id: string;
  readonly name: string;
  readonly slug: string;
  readonly emoji: string;
  readonly isAnswerable: boolean;
}

export interface StoredComment {
  readonly id: string;
  readonly discussion: StoredDiscussion;
  /** The top-level comment a reply belongs to; null for a top-level comment. */
  readonly replyTo: StoredComment | null;
  readonly createdAt: string;
  readonly author: StoredActor | null;
  readonly authorAssociation: string;
  readonly deletedAt: string | null;
  readonly isMinimized: boolean;
  readonly upvoteCount: number;
  /** Replies of a top-level comment, oldest first; always empty for a reply. */
  readonly replies: StoredComment[];
}

export interface StoredDiscussion {
  readonly repository: StoredRepository;
  readonly id: string;
  readonly number: number;
  title: string;
  readonly url: string;
  readonly createdAt: string;
  readonly createdAtMs: number;
  updatedAt: string;
  updatedAtMs: number;
  closed: boolean;
  locked: boolean;
  readonly author: StoredActor | null;
  readonly authorAssociation: string;
  readonly category: StoredCategory;
  answer: StoredComment | null;
  answerChosenAt: string | null;
  answerChosenBy: StoredActor | null;
  readonly upvoteCount: number;
  /** Top-level comments, oldest first. */
  readonly comments: StoredComment[];
}

export interface StoredRepository {
  readonly id: string;
  readonly owner: string;
  readonly name: string;
  readonly nameWithOwner: string;
  readonly url: string;
  readonly createdAt: string;
  readonly hasDiscussionsEnabled: boolean;
  readonly categories: CategoryRegistry;
  readonly discussions: StoredDiscussion[];
  readonly byNumber: Map<number, StoredDiscussion>;
  /** Incremented on every change, so cached orderings know when to rebuild. */
  version: number;
}

export type StoredNode = { readonly kind: 'discussion'; readonly discussion: StoredDiscussion } | { readonly kind: 'comment'; readonly comment: StoredComment };

/** GitHub's DateTime format: ISO 8601 in UTC with whole seconds. */
export function formatGitHubTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

export function parseTime(value: string, what: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new Error(`${what}: "${value}" is not an ISO 8601 date-time`);
  return ms;
}
