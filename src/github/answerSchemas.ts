import * as z from 'zod';
import { AuthorAssociationSchema, CategorySchema, CommentNodeSchema, DiscussionNodeSchema, PageInfoSchema, ReplyNodeSchema, isoDateTime } from './schemas';

/**
 * The shapes of the sync's GraphQL answers, built from the node schemas in `schemas.ts`. Every field
 * the queries ask for is required here (imported files may lack them; GitHub's answers may not).
 */

/** GitHub Enterprise Server answers `rateLimit: null` when rate limiting is disabled. */
export const RateLimitSchema = z.object({ cost: z.number().int(), remaining: z.number().int(), resetAt: isoDateTime }).nullable();

const SyncedActorSchema = z.object({ __typename: z.string(), login: z.string() }).nullable();

function connectionOf<Node extends z.ZodType>(node: Node) {
  return z.object({ totalCount: z.number().int(), pageInfo: PageInfoSchema, nodes: z.array(node) });
}

export const SyncedReplySchema = ReplyNodeSchema.required().extend({
  author: SyncedActorSchema,
  authorAssociation: AuthorAssociationSchema,
});
export type SyncedReply = z.infer<typeof SyncedReplySchema>;

export const SyncedCommentSchema = CommentNodeSchema.required().extend({
  author: SyncedActorSchema,
  authorAssociation: AuthorAssociationSchema,
  replies: connectionOf(SyncedReplySchema),
});
export type SyncedComment = z.infer<typeof SyncedCommentSchema>;

export const SyncedDiscussionSchema = DiscussionNodeSchema.required().extend({
  author: SyncedActorSchema,
  authorAssociation: AuthorAssociationSchema,
  category: CategorySchema.required(),
  comments: connectionOf(SyncedCommentSchema),
});
export type SyncedDiscussion = z.infer<typeof SyncedDiscussionSchema>;

export const DiscussionsPageSchema = z.object({
  rateLimit: RateLimitSchema,
  /** Null only together with a NOT_FOUND error, which is handled before validation. */
  repository: z
    .object({
      hasDiscussionsEnabled: z.boolean(),
      discussions: connectionOf(SyncedDiscussionSchema),
    })
    .nullable(),
});
export type DiscussionsPage = z.infer<typeof DiscussionsPageSchema>;

const CommentsOverflowSchema = z.object({ comments: connectionOf(SyncedCommentSchema) });
const RepliesOverflowSchema = z.object({ replies: connectionOf(SyncedReplySchema) });
export type CommentsOverflow = z.infer<typeof CommentsOverflowSchema>;
export type RepliesOverflow = z.infer<typeof RepliesOverflowSchema>;

/** The answer to a thread-overflow query: `answers[i]` is alias `t<i>`, null when the node no longer exists. */
export interface ThreadOverflowAnswer {
  readonly rateLimit: z.infer<typeof RateLimitSchema>;
  readonly answers: readonly (CommentsOverflow | RepliesOverflow | null)[];
}

/** Validates alias `t<i>` against the shape its request asked for, so a mismatch names that alias's path. */
export function threadOverflowSchema(kinds: readonly ('comments' | 'replies')[]): z.ZodType<ThreadOverflowAnswer> {
  const aliases: Record<string, z.ZodType<CommentsOverflow | RepliesOverflow | null>> = {};
  kinds.forEach((kind, index) => {
    aliases[`t${index}`] = (kind === 'comments' ? CommentsOverflowSchema : RepliesOverflowSchema).nullable();
  });
  return z.object({ rateLimit: RateLimitSchema, ...aliases }).transform((data) => ({
    rateLimit: data.rateLimit,
    answers: kinds.map((_, index) => (data as Record<string, CommentsOverflow | RepliesOverflow | null>)[`t${index}`] ?? null),
  }));
}
