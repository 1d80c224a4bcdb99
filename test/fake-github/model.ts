import type { DiscussionStateReason, LockReason } from '../../src/github/discussionThread';
import type { CategoryRegistry } from './categories';
import type { LabelRegistry } from './labels';

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

export interface StoredLabel {
  readonly id: string;
  /** Numeric, in creation order: GitHub's default labels first, then those the data names. */
  readonly databaseId: number;
  readonly name: string;
  /** Six hex digits without `#`, as GitHub answers it. */
  readonly color: string;
  readonly description: string | null;
  readonly isDefault: boolean;
}

/** The Markdown a post carries (empty when the data set has none) and when it was last edited. */
export interface StoredBody {
  body: string;
  lastEditedAt: string | null;
}

export interface StoredComment extends StoredBody {
  readonly id: string;
  /** Numeric like GitHub's, increasing with creation: the comment's anchor in its URL and its place in a thread. */
  readonly databaseId: number;
  readonly discussion: StoredDiscussion;
  /** The top-level comment a reply belongs to; null for a top-level comment. */
  readonly replyTo: StoredComment | null;
  readonly createdAt: string;
  updatedAt: string;
  readonly author: StoredActor | null;
  readonly authorAssociation: string;
  /** Set when a top-level comment with replies is deleted: it stays as a placeholder. */
  deletedAt: string | null;
  readonly isMinimized: boolean;
  readonly upvoteCount: number;
  /** Replies of a top-level comment, oldest first; always empty for a reply. */
  readonly replies: StoredComment[];
}

export interface StoredDiscussion extends StoredBody {
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
  closedAt: string | null;
  stateReason: DiscussionStateReason | null;
  locked: boolean;
  activeLockReason: LockReason | null;
  readonly author: StoredActor | null;
  readonly authorAssociation: string;
  readonly category: StoredCategory;
  answer: StoredComment | null;
  answerChosenAt: string | null;
  answerChosenBy: StoredActor | null;
  readonly upvoteCount: number;
  /** Top-level comments, oldest first. */
  readonly comments: StoredComment[];
  /** In the repository's label order. */
  labels: StoredLabel[];
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
  readonly labels: LabelRegistry;
  readonly discussions: StoredDiscussion[];
  readonly byNumber: Map<number, StoredDiscussion>;
  /** Incremented on every change, so cached orderings know when to rebuild. */
  version: number;
}

export type StoredNode =
  | { readonly kind: 'discussion'; readonly discussion: StoredDiscussion }
  | { readonly kind: 'comment'; readonly comment: StoredComment }
  | { readonly kind: 'label'; readonly label: StoredLabel; readonly repository: StoredRepository };

/** GitHub's DateTime format: ISO 8601 in UTC with whole seconds. */
export function formatGitHubTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

export function parseTime(value: string, what: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new Error(`${what}: "${value}" is not an ISO 8601 date-time`);
  return ms;
}
