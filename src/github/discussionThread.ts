import * as z from 'zod';
import { RateLimitSchema } from './answerSchemas';
import { AuthorAssociationSchema, PageInfoSchema, isoDateTime } from './schemas';

/**
 * One discussion as the Discussion view reads it: everything the snapshot keeps (so the answer can be merged into
 * it after a change), plus what only the open tab needs: bodies (Markdown and GitHub's `bodyHTML`), labels, why it
 * was closed or locked, and what the signed-in viewer may do (`viewerCan*`, the repository permission).
 *
 * Cost: `node` → `comments(first: 100)` → `replies(first: 100)` implies 1 + 100 requests (plus one for the labels),
 * a single point. Comments beyond the first 100 and replies beyond a comment's first 100 come from the follow-up
 * documents below, page by page, until the thread is complete.
 */

export const THREAD_PAGE_SIZE = 100;

const PAGE_INFO = 'pageInfo { hasNextPage endCursor }';
const RATE_LIMIT = 'rateLimit { cost remaining resetAt }';

const THREAD_REPLY_FRAGMENT = `
fragment ThreadReplyFields on DiscussionComment {
  id url createdAt lastEditedAt author { __typename login } authorAssociation
  deletedAt isMinimized minimizedReason upvoteCount body bodyHTML
  viewerDidAuthor viewerCanUpdate viewerCanDelete
}`;

const THREAD_COMMENT_FRAGMENT = `
fragment ThreadCommentFields on DiscussionComment {
  ...ThreadReplyFields
  isAnswer viewerCanMarkAsAnswer viewerCanUnmarkAsAnswer
  replies(first: ${THREAD_PAGE_SIZE}) { totalCount ${PAGE_INFO} nodes { ...ThreadReplyFields } }
}`;

export const DISCUSSION_THREAD_QUERY_NAME = 'DiscussionThread';

/** The discussion and its first page of comments, by node id (the snapshot keeps every discussion's id). */
export const DISCUSSION_THREAD_QUERY = `
query ${DISCUSSION_THREAD_QUERY_NAME}($id: ID!) {
  ${RATE_LIMIT}
  node(id: $id) {
    ... on Discussion {
      id number title url createdAt updatedAt lastEditedAt
      closed closedAt stateReason locked activeLockReason
      author { __typename login } authorAssociation
      category { id name slug isAnswerable }
      labels(first: ${THREAD_PAGE_SIZE}) { nodes { id name color } }
      isAnswered answerChosenAt answer { id } upvoteCount
      body bodyHTML
      viewerDidAuthor viewerCanUpdate viewerCanDelete viewerCanClose viewerCanReopen viewerCanLabel
      repository { nameWithOwner url viewerPermission }
      comments(first: ${THREAD_PAGE_SIZE}) { totalCount ${PAGE_INFO} nodes { ...ThreadCommentFields } }
    }
  }
}
${THREAD_COMMENT_FRAGMENT}
${THREAD_REPLY_FRAGMENT}`;

export const DISCUSSION_COMMENTS_PAGE_QUERY_NAME = 'DiscussionThreadComments';

/** The next page of a discussion's comments. */
export const DISCUSSION_COMMENTS_PAGE_QUERY = `
query ${DISCUSSION_COMMENTS_PAGE_QUERY_NAME}($id: ID!, $after: String) {
  ${RATE_LIMIT}
  node(id: $id) {
    ... on Discussion {
      comments(first: ${THREAD_PAGE_SIZE}, after: $after) { totalCount ${PAGE_INFO} nodes { ...ThreadCommentFields } }
    }
  }
}
${THREAD_COMMENT_FRAGMENT}
${THREAD_REPLY_FRAGMENT}`;

export const COMMENT_REPLIES_PAGE_QUERY_NAME = 'DiscussionThreadReplies';

/** The next page of a comment's replies. */
export const COMMENT_REPLIES_PAGE_QUERY = `
query ${COMMENT_REPLIES_PAGE_QUERY_NAME}($id: ID!, $after: String) {
  ${RATE_LIMIT}
  node(id: $id) {
    ... on DiscussionComment {
      replies(first: ${THREAD_PAGE_SIZE}, after: $after) { totalCount ${PAGE_INFO} nodes { ...ThreadReplyFields } }
    }
  }
}
${THREAD_REPLY_FRAGMENT}`;

// ── Answers ────────────────────────────────────────────────────────────────────────────────────────────────

const ThreadActorSchema = z.object({ __typename: z.string(), login: z.string() }).nullable();

/** GitHub's `RepositoryPermission`: what the viewer's role in the repository lets them do. */
export const RepositoryPermissionSchema = z.enum(['READ', 'TRIAGE', 'WRITE', 'MAINTAIN', 'ADMIN']);
export type RepositoryPermission = z.infer<typeof RepositoryPermissionSchema>;

export const DiscussionStateReasonSchema = z.enum(['RESOLVED', 'OUTDATED', 'DUPLICATE', 'REOPENED']);
export type DiscussionStateReason = z.infer<typeof DiscussionStateReasonSchema>;

/** `closeDiscussion`'s reasons (a subset of the state reasons). */
export const DISCUSSION_CLOSE_REASONS = ['RESOLVED', 'OUTDATED', 'DUPLICATE'] as const;
export type DiscussionCloseReason = (typeof DISCUSSION_CLOSE_REASONS)[number];

export const LockReasonSchema = z.enum(['OFF_TOPIC', 'RESOLVED', 'SPAM', 'TOO_HEATED']);
export type LockReason = z.infer<typeof LockReasonSchema>;

export const LabelSchema = z.object({ id: z.string(), name: z.string(), color: z.string() });
export type Label = z.infer<typeof LabelSchema>;

export const ThreadReplySchema = z.object({
  id: z.string(),
  url: z.string(),
  createdAt: isoDateTime,
  lastEditedAt: isoDateTime.nullable(),
  author: ThreadActorSchema,
  authorAssociation: AuthorAssociationSchema,
  deletedAt: isoDateTime.nullable(),
  isMinimized: z.boolean(),
  /** GitHub's words, lower case: `spam`, `abuse`, `off-topic`, `outdated`, `duplicate`, `resolved`. */
  minimizedReason: z.string().nullable(),
  upvoteCount: z.number().int(),
  /** Markdown. Empty when the data set does not carry bodies (the bundled real sample): never invented. */
  body: z.string(),
  bodyHTML: z.string(),
  viewerDidAuthor: z.boolean(),
  viewerCanUpdate: z.boolean(),
  viewerCanDelete: z.boolean(),
});
export type ThreadReply = z.infer<typeof ThreadReplySchema>;

function connectionOf<Node extends z.ZodType>(node: Node) {
  return z.object({ totalCount: z.number().int(), pageInfo: PageInfoSchema, nodes: z.array(node) });
}

export const ThreadCommentSchema = ThreadReplySchema.extend({
  isAnswer: z.boolean(),
  viewerCanMarkAsAnswer: z.boolean(),
  viewerCanUnmarkAsAnswer: z.boolean(),
  replies: connectionOf(ThreadReplySchema),
});
export type ThreadComment = z.infer<typeof ThreadCommentSchema>;

export const ThreadDiscussionSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  title: z.string(),
  url: z.string(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  lastEditedAt: isoDateTime.nullable(),
  closed: z.boolean(),
  closedAt: isoDateTime.nullable(),
  stateReason: DiscussionStateReasonSchema.nullable(),
  locked: z.boolean(),
  activeLockReason: LockReasonSchema.nullable(),
  author: ThreadActorSchema,
  authorAssociation: AuthorAssociationSchema,
  category: z.object({ id: z.string(), name: z.string(), slug: z.string(), isAnswerable: z.boolean() }),
  labels: z.object({ nodes: z.array(LabelSchema) }).nullable(),
  isAnswered: z.boolean().nullable(),
  answerChosenAt: isoDateTime.nullable(),
  answer: z.object({ id: z.string() }).nullable(),
  upvoteCount: z.number().int(),
  body: z.string(),
  bodyHTML: z.string(),
  viewerDidAuthor: z.boolean(),
  viewerCanUpdate: z.boolean(),
  viewerCanDelete: z.boolean(),
  viewerCanClose: z.boolean(),
  viewerCanReopen: z.boolean(),
  viewerCanLabel: z.boolean(),
  repository: z.object({ nameWithOwner: z.string(), url: z.string(), viewerPermission: RepositoryPermissionSchema.nullable() }),
  comments: connectionOf(ThreadCommentSchema),
});
export type ThreadDiscussion = z.infer<typeof ThreadDiscussionSchema>;

/** `node` is null when the discussion was deleted (or the id never existed): GitHub adds a NOT_FOUND error. */
export const DiscussionThreadAnswerSchema = z.object({ rateLimit: RateLimitSchema, node: ThreadDiscussionSchema.nullable() });
export const DiscussionCommentsPageAnswerSchema = z.object({
  rateLimit: RateLimitSchema,
  node: z.object({ comments: connectionOf(ThreadCommentSchema) }).nullable(),
});
export const CommentRepliesPageAnswerSchema = z.object({
  rateLimit: RateLimitSchema,
  node: z.object({ replies: connectionOf(ThreadReplySchema) }).nullable(),
});

/**
 * A complete thread as the Discussion view holds it in memory (open tabs only, never in the snapshot): every
 * comment and every reply, oldest first, the paging fields gone.
 */
export interface DiscussionThread {
  readonly discussion: Omit<ThreadDiscussion, 'comments' | 'labels'>;
  readonly labels: readonly Label[];
  readonly comments: readonly (Omit<ThreadComment, 'replies'> & { readonly replies: readonly ThreadReply[] })[];
  /** When it was fetched (local clock, epoch ms). */
  readonly fetchedAt: number;
}
