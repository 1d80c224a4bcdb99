import { readFileSync } from 'node:fs';
import * as z from 'zod';
import { DiscussionStateReasonSchema, LockReasonSchema } from '../../src/github/discussionThread';
import {
  ActorSchema,
  CategorySchema,
  CommentNodeSchema,
  CommentsConnectionSchema,
  DiscussionNodeSchema,
  isoDateTime,
  RepliesConnectionSchema,
  ReplyNodeSchema,
} from '../../src/github/schemas';
import type { FakeRepositoryInput } from './types';

/** Markdown; absent in the real sample, where it is served empty (never invented). */
const BODY = { body: z.string().optional() };

const ImportedReplySchema = ReplyNodeSchema.extend(BODY);
const ImportedCommentSchema = CommentNodeSchema.extend({
  ...BODY,
  replies: RepliesConnectionSchema.extend({ nodes: z.array(ImportedReplySchema) }).optional(),
});

/**
 * The import format the fake GitHub serves: GitHub `Discussion` nodes (src/github/schemas.ts) plus the
 * fields the fake needs that the sync does not store: `answerChosenBy`, the category's `emoji`, bodies,
 * labels (by name; the colour defaults to GitHub's default label's, else `ededed`), why it was closed or locked.
 */
export const ImportedDiscussionSchema = DiscussionNodeSchema.extend({
  ...BODY,
  answerChosenBy: ActorSchema.optional(),
  category: CategorySchema.extend({ emoji: z.string().optional() }).nullable().optional(),
  closedAt: isoDateTime.nullable().optional(),
  stateReason: DiscussionStateReasonSchema.nullable().optional(),
  activeLockReason: LockReasonSchema.nullable().optional(),
  labels: z
    .object({
      nodes: z.array(
        z.object({
          name: z.string().min(1),
          color: z
            .string()
            .regex(/^#?[0-9a-fA-F]{6}$/)
            .optional(),
        }),
      ),
    })
    .nullable()
    .optional(),
  comments: CommentsConnectionSchema.extend({ nodes: z.array(ImportedCommentSchema) }).optional(),
});
export type ImportedDiscussion = z.infer<typeof ImportedDiscussionSchema>;

const NAME_WITH_OWNER = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
const DatasetFileSchema = z.union([z.array(z.unknown()), z.object({ repository: z.string().optional(), discussions: z.array(z.unknown()) })]);

/** Parses discussion nodes, naming the repository and the offending node and field on a mismatch. */
export function parseDiscussions(repository: string, nodes: readonly unknown[]): ImportedDiscussion[] {
  return nodes.map((node, index) => {
    const parsed = ImportedDiscussionSchema.safeParse(node);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(
        `${repository}: discussion #${index} is not a GitHub Discussion node: ${['discussions', index, ...issue.path].join('.')}: ${issue.message}`,
      );
    }
    return parsed.data;
  });
}

export function assertNameWithOwner(value: string, where: string): void {
  if (!NAME_WITH_OWNER.test(value)) throw new Error(`${where}: "${value}" is not a repository name of the form OWNER/NAME`);
}

/**
 * Reads a dataset file: an array of Discussion nodes or `{ repository?, discussions }`. The repository is
 * `repository` when given, else the file's `repository` field, else taken from the discussions' URLs.
 */
export function loadDatasetFile(path: string, repository?: string): FakeRepositoryInput {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: cannot read a JSON dataset: ${(error as Error).message}`, { cause: error });
  }
  const file = DatasetFileSchema.safeParse(json);
  if (!file.success) {
    throw new Error(`${path}: expected an array of Discussion nodes or an object with a "discussions" array`);
  }
  const discussions = Array.isArray(file.data) ? file.data : file.data.discussions;
  const named = repository ?? (Array.isArray(file.data) ? undefined : file.data.repository) ?? repositoryFromUrls(discussions);
  if (named === undefined) {
    throw new Error(`${path}: the file does not name its repository; pass one (--repo OWNER/NAME)`);
  }
  assertNameWithOwner(named, path);
  return { nameWithOwner: named, discussions };
}

function repositoryFromUrls(discussions: readonly unknown[]): string | undefined {
  const first = discussions[0] as { url?: unknown } | undefined;
  if (typeof first?.url !== 'string') return undefined;
  return /^https?:\/\/[^/]+\/([^/]+\/[^/]+)\/discussions\/\d+/.exec(first.url)?.[1];
}
