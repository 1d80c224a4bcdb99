import * as z from 'zod';
import { countOf, formatCount } from '../shared/format';
import type { GitHubClient } from './client';
import type { DiscussionCloseReason, LockReason } from './discussionThread';
import { formatIssuePath } from './issuePath';
import { MutationError, mutationErrorFrom } from './mutationError';

export { MutationError, type MutationErrorKind } from './mutationError';

/** GitHub's longest body of a discussion comment; a longer one is refused before anything is sent. */
export const MAX_BODY_LENGTH = 65_536;

/** The changes the Discussion view makes to a discussion; each is one GitHub mutation. */
export type DiscussionMutation =
  | { kind: 'reply'; discussionId: string; body: string; replyToId: string | null }
  | { kind: 'edit'; commentId: string; body: string }
  | { kind: 'delete'; commentId: string }
  | { kind: 'markAnswer'; commentId: string }
  | { kind: 'unmarkAnswer'; commentId: string }
  | { kind: 'close'; discussionId: string; reason: DiscussionCloseReason }
  | { kind: 'reopen'; discussionId: string }
  | { kind: 'addLabels'; discussionId: string; labelIds: readonly string[] }
  | { kind: 'removeLabels'; discussionId: string; labelIds: readonly string[] }
  | { kind: 'lock'; discussionId: string; reason: LockReason | null }
  | { kind: 'unlock'; discussionId: string };

type MutationKind = DiscussionMutation['kind'];
type MutationOf<Kind extends MutationKind> = Extract<DiscussionMutation, { kind: Kind }>;

/** One GitHub mutation: its field, its input's fields with their GraphQL types, and the payload field that proves it took. */
interface MutationSpec<Kind extends MutationKind> {
  readonly field: string;
  readonly input: Readonly<Record<string, string>>;
  readonly result: string;
  readonly variables: (mutation: MutationOf<Kind>) => Record<string, unknown>;
  /** What the user asked for, as the object of "Could not …". */
  readonly action: (mutation: MutationOf<Kind>) => string;
}

const SPECS: { readonly [Kind in MutationKind]: MutationSpec<Kind> } = {
  reply: {
    field: 'addDiscussionComment',
    input: { discussionId: 'ID!', body: 'String!', replyToId: 'ID' },
    result: 'comment',
    variables: ({ discussionId, body, replyToId }) => ({ discussionId, body, replyToId }),
    action: ({ discussionId, replyToId }) => (replyToId === null ? `comment on discussion ${discussionId}` : `reply to comment ${replyToId}`),
  },
  edit: {
    field: 'updateDiscussionComment',
    input: { commentId: 'ID!', body: 'String!' },
    result: 'comment',
    variables: ({ commentId, body }) => ({ commentId, body }),
    action: ({ commentId }) => `edit comment ${commentId}`,
  },
  delete: {
    field: 'deleteDiscussionComment',
    input: { id: 'ID!' },
    result: 'comment',
    variables: ({ commentId }) => ({ id: commentId }),
    action: ({ commentId }) => `delete comment ${commentId}`,
  },
  markAnswer: {
    field: 'markDiscussionCommentAsAnswer',
    input: { id: 'ID!' },
    result: 'discussion',
    variables: ({ commentId }) => ({ id: commentId }),
    action: ({ commentId }) => `mark comment ${commentId} as the answer`,
  },
  unmarkAnswer: {
    field: 'unmarkDiscussionCommentAsAnswer',
    input: { id: 'ID!' },
    result: 'discussion',
    variables: ({ commentId }) => ({ id: commentId }),
    action: ({ commentId }) => `unmark comment ${commentId} as the answer`,
  },
  close: {
    field: 'closeDiscussion',
    input: { discussionId: 'ID!', reason: 'DiscussionCloseReason' },
    result: 'discussion',
    variables: ({ discussionId, reason }) => ({ discussionId, reason }),
    action: ({ discussionId, reason }) => `close discussion ${discussionId} as ${reason.toLowerCase()}`,
  },
  reopen: {
    field: 'reopenDiscussion',
    input: { discussionId: 'ID!' },
    result: 'discussion',
    variables: ({ discussionId }) => ({ discussionId }),
    action: ({ discussionId }) => `reopen discussion ${discussionId}`,
  },
  addLabels: {
    field: 'addLabelsToLabelable',
    input: { labelableId: 'ID!', labelIds: '[ID!]!' },
    result: 'labelable',
    variables: ({ discussionId, labelIds }) => ({ labelableId: discussionId, labelIds }),
    action: ({ discussionId, labelIds }) => `add ${countOf(labelIds.length, 'label')} to discussion ${discussionId}`,
  },
  removeLabels: {
    field: 'removeLabelsFromLabelable',
    input: { labelableId: 'ID!', labelIds: '[ID!]!' },
    result: 'labelable',
    variables: ({ discussionId, labelIds }) => ({ labelableId: discussionId, labelIds }),
    action: ({ discussionId, labelIds }) => `remove ${countOf(labelIds.length, 'label')} from discussion ${discussionId}`,
  },
  lock: {
    field: 'lockLockable',
    input: { lockableId: 'ID!', lockReason: 'LockReason' },
    result: 'lockedRecord',
    variables: ({ discussionId, reason }) => ({ lockableId: discussionId, lockReason: reason }),
    action: ({ discussionId }) => `lock discussion ${discussionId}`,
  },
  unlock: {
    field: 'unlockLockable',
    input: { lockableId: 'ID!' },
    result: 'unlockedRecord',
    variables: ({ discussionId }) => ({ lockableId: discussionId }),
    action: ({ discussionId }) => `unlock discussion ${discussionId}`,
  },
};

/**
 * Runs one mutation; resolves when GitHub accepted it, rejects with a MutationError. A body (reply, edit) that is
 * blank or longer than MAX_BODY_LENGTH is refused before anything is sent.
 */
export async function runDiscussionMutation(client: GitHubClient, mutation: DiscussionMutation, repository: string, signal?: AbortSignal): Promise<void> {
  const spec = SPECS[mutation.kind] as MutationSpec<MutationKind>;
  const context = { action: spec.action(mutation), repository, apiUrl: client.endpoint.baseUrl };
  if ('body' in mutation) checkBody(mutation.body, `Could not ${context.action} in ${repository}`);
  let data: unknown;
  try {
    data = await client.mutate<unknown>(documentOf(spec), spec.variables(mutation), signal);
  } catch (error) {
    throw mutationErrorFrom(error, context, signal);
  }
  const parsed = answerSchemaOf(spec).safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue ? formatIssuePath(issue.path) : '';
    throw new MutationError(
      'validation',
      `Could not confirm that GitHub made the change (${context.action} in ${repository}): its answer has an unexpected shape at ${path || 'the top level'}: ${issue?.message ?? 'invalid'}. Refresh the discussion to see whether the change was made.`,
      { cause: parsed.error },
    );
  }
}

function checkBody(body: string, failed: string): void {
  if (body.trim() === '') throw new MutationError('bodyBlank', `${failed}: the text is empty. Write something, then send again.`);
  if (body.length > MAX_BODY_LENGTH) {
    throw new MutationError(
      'bodyTooLong',
      `${failed}: the text has ${formatCount(body.length)} characters; GitHub takes at most ${formatCount(MAX_BODY_LENGTH)}. Shorten it, then send again.`,
    );
  }
}

/** `mutation CloseDiscussion($discussionId: ID!, …) { closeDiscussion(input: { discussionId: $discussionId, … }) { discussion { __typename } } }` */
function documentOf(spec: MutationSpec<MutationKind>): string {
  const names = Object.keys(spec.input);
  const declarations = names.map((name) => `$${name}: ${spec.input[name]}`).join(', ');
  const input = names.map((name) => `${name}: $${name}`).join(', ');
  const operation = spec.field.charAt(0).toUpperCase() + spec.field.slice(1);
  return `mutation ${operation}(${declarations}) { ${spec.field}(input: { ${input} }) { ${spec.result} { __typename } } }`;
}

/** GitHub accepted the change when the payload holds the changed object (the schema allows null there). */
function answerSchemaOf(spec: MutationSpec<MutationKind>): z.ZodType {
  return z.object({ [spec.field]: z.object({ [spec.result]: z.object({ __typename: z.string() }) }) });
}
