import * as z from 'zod';

/**
 * Zod schemas for GitHub's GraphQL `Discussion` node shape. One shape serves three boundaries:
 * GraphQL responses during sync, imported files (`--input`), and the stored snapshot. Fields that
 * imported data may lack are optional; `normalize.ts` applies the documented defaults.
 * Unknown fields are stripped (zod's default), so bodies or extra fields never reach the snapshot.
 */

/** A date-time as GitHub, imported files and the snapshot write it: any ISO 8601 text `Date.parse` reads. Every such schema uses this one. */
export const isoDateTime = z.string().refine((value) => !Number.isNaN(Date.parse(value)), {
  message: 'expected an ISO 8601 date-time',
});

export const AuthorAssociationSchema = z.enum(['OWNER', 'MEMBER', 'COLLABORATOR', 'CONTRIBUTOR', 'FIRST_TIME_CONTRIBUTOR', 'FIRST_TIMER', 'MANNEQUIN', 'NONE']);
export type AuthorAssociation = z.infer<typeof AuthorAssociationSchema>;

/** `author` is null for deleted accounts ("ghost"). `__typename` is `Bot` for GitHub Apps. */
export const ActorSchema = z
  .object({
    __typename: z.string().optional(),
    login: z.string(),
  })
  .nullable();

const PageInfoSchema = z.object({
  hasNextPage: z.boolean(),
  endCursor: z.string().nullable(),
});

export const ReplyNodeSchema = z.object({
  id: z.string(),
  createdAt: isoDateTime,
  author: ActorSchema.optional(),
  authorAssociation: AuthorAssociationSchema.optional(),
  deletedAt: isoDateTime.nullable().optional(),
  isMinimized: z.boolean().optional(),
  upvoteCount: z.number().int().optional(),
});
export type ReplyNode = z.infer<typeof ReplyNodeSchema>;

export const RepliesConnectionSchema = z.object({
  totalCount: z.number().int().optional(),
  pageInfo: PageInfoSchema.optional(),
  nodes: z.array(ReplyNodeSchema),
});

export const CommentNodeSchema = ReplyNodeSchema.extend({
  isAnswer: z.boolean().optional(),
  replies: RepliesConnectionSchema.optional(),
});
export type CommentNode = z.infer<typeof CommentNodeSchema>;

export const CommentsConnectionSchema = z.object({
  totalCount: z.number().int().optional(),
  pageInfo: PageInfoSchema.optional(),
  nodes: z.array(CommentNodeSchema),
});

export const CategorySchema = z.object({
  id: z.string().optional(),
  name: z.string(),
  slug: z.string().optional(),
  isAnswerable: z.boolean().optional(),
});

export const DiscussionNodeSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  title: z.string(),
  url: z.string(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime.optional(),
  closed: z.boolean().optional(),
  locked: z.boolean().optional(),
  author: ActorSchema.optional(),
  authorAssociation: AuthorAssociationSchema.optional(),
  category: CategorySchema.nullable().optional(),
  isAnswered: z.boolean().nullable().optional(),
  answerChosenAt: isoDateTime.nullable().optional(),
  answer: z.object({ id: z.string() }).nullable().optional(),
  upvoteCount: z.number().int().optional(),
  comments: CommentsConnectionSchema.optional(),
});
export type DiscussionNode = z.infer<typeof DiscussionNodeSchema>;

export { PageInfoSchema };
