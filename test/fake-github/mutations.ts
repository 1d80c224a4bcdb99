import type { DiscussionCloseReason, LockReason } from '../../src/github/discussionThread';
import { GitHubResolverError } from './errors';
import type { StoredActor, StoredComment, StoredDiscussion, StoredLabel, StoredRepository } from './model';
import { GitHubViews, notFoundNode, type RequestContext } from './resolvers';
import type { FakeStore } from './store';

/** GitHub's limit on a post's body, in characters. */
export const MAX_BODY_CHARACTERS = 65_536;

interface MutationInput {
  clientMutationId?: string | null;
}

/**
 * The discussion mutations the Discussion view sends, executed with GitHub's permission rules (permissions.ts).
 * A refusal throws, so graphql-js answers as GitHub does: `data: { <field>: null }` and one error with GitHub's
 * `type` (NOT_FOUND, FORBIDDEN, UNPROCESSABLE), `path` and `locations`. Checks run in GitHub's order: the ids
 * resolve, then the viewer may, then the input is valid.
 */
export function createMutationRoot(store: FakeStore, context: RequestContext): Record<string, unknown> {
  const viewer = context.viewer;
  const views = new GitHubViews(viewer);
  const find = new Lookup(store);
  const viewerActor: StoredActor = { typename: 'User', login: viewer.login };
  const allow = (allowed: boolean, operation: string) => {
    if (!allowed) throw new GitHubResolverError('FORBIDDEN', `${viewer.login} does not have the correct permissions to execute \`${operation}\``);
  };

  return {
    addDiscussionComment: mutation((input: MutationInput & { discussionId: string; replyToId?: string | null; body: string }) => {
      const discussion = find.discussion(input.discussionId);
      const replyTo = input.replyToId == null ? null : find.comment(input.replyToId);
      if (!viewer.canComment(discussion)) {
        throw new GitHubResolverError('FORBIDDEN', `${viewer.login} cannot comment: discussion #${discussion.number} is locked`);
      }
      if (replyTo && (replyTo.replyTo !== null || replyTo.discussion !== discussion)) {
        throw new GitHubResolverError('UNPROCESSABLE', 'Replies can only be made to a top-level comment of the same discussion');
      }
      validBody(input.body);
      const association = viewer.association(discussion.repository);
      const comment = store.post(discussion, replyTo, { author: viewer.login, authorAssociation: association, body: input.body });
      return { comment: views.comment(comment) };
    }),

    updateDiscussionComment: mutation((input: MutationInput & { commentId: string; body: string }) => {
      const comment = find.comment(input.commentId);
      allow(viewer.canUpdate(comment, comment.discussion.repository), 'UpdateDiscussionComment');
      validBody(input.body);
      store.edit(comment, input.body);
      return { comment: views.comment(comment) };
    }),

    deleteDiscussionComment: mutation((input: MutationInput & { id: string }) => {
      const comment = find.comment(input.id);
      allow(viewer.canDelete(comment, comment.discussion.repository), 'DeleteDiscussionComment');
      store.delete(comment);
      return { comment: views.comment(comment) };
    }),

    markDiscussionCommentAsAnswer: mutation((input: MutationInput & { id: string }) => {
      const comment = find.comment(input.id);
      const discussion = comment.discussion;
      allow(viewer.canModerate(discussion), 'MarkDiscussionCommentAsAnswer');
      if (!discussion.category.isAnswerable) {
        throw new GitHubResolverError('UNPROCESSABLE', `Discussions in the category "${discussion.category.name}" cannot have an answer`);
      }
      if (comment.replyTo !== null) throw new GitHubResolverError('UNPROCESSABLE', 'Only a top-level comment can be marked as the answer');
      store.chooseAnswer(comment, viewerActor, store.currentTime());
      return { discussion: views.discussion(discussion) };
    }),

    unmarkDiscussionCommentAsAnswer: mutation((input: MutationInput & { id: string }) => {
      const comment = find.comment(input.id);
      const discussion = comment.discussion;
      allow(viewer.canModerate(discussion), 'UnmarkDiscussionCommentAsAnswer');
      if (discussion.answer !== comment) throw new GitHubResolverError('UNPROCESSABLE', 'This comment is not the answer of its discussion');
      store.clearAnswer(discussion);
      return { discussion: views.discussion(discussion) };
    }),

    closeDiscussion: mutation((input: MutationInput & { discussionId: string; reason?: DiscussionCloseReason | null }) => {
      const discussion = find.discussion(input.discussionId);
      allow(viewer.canModerate(discussion), 'CloseDiscussion');
      return { discussion: views.discussion(change(discussion, { closed: true, closedAt: store.currentTime(), stateReason: input.reason ?? 'RESOLVED' })) };
    }),

    reopenDiscussion: mutation((input: MutationInput & { discussionId: string }) => {
      const discussion = find.discussion(input.discussionId);
      allow(viewer.canModerate(discussion), 'ReopenDiscussion');
      return { discussion: views.discussion(change(discussion, { closed: false, closedAt: null, stateReason: 'REOPENED' })) };
    }),

    addLabelsToLabelable: mutation((input: MutationInput & { labelableId: string; labelIds: readonly string[] }) => {
      const discussion = find.discussion(input.labelableId);
      allow(viewer.canTriage(discussion.repository), 'AddLabelsToLabelable');
      const added = find.labels(discussion.repository, input.labelIds);
      const labels = discussion.repository.labels.sorted([...new Set([...discussion.labels, ...added])], undefined);
      return { labelable: views.discussion(change(discussion, { labels })) };
    }),

    removeLabelsFromLabelable: mutation((input: MutationInput & { labelableId: string; labelIds: readonly string[] }) => {
      const discussion = find.discussion(input.labelableId);
      allow(viewer.canTriage(discussion.repository), 'RemoveLabelsFromLabelable');
      const removed = new Set(find.labels(discussion.repository, input.labelIds));
      return { labelable: views.discussion(change(discussion, { labels: discussion.labels.filter((label) => !removed.has(label)) })) };
    }),

    lockLockable: mutation((input: MutationInput & { lockableId: string; lockReason?: LockReason | null }) => {
      const discussion = find.discussion(input.lockableId);
      allow(viewer.canTriage(discussion.repository), 'LockLockable');
      return {
        actor: views.actor(viewerActor),
        lockedRecord: views.discussion(change(discussion, { locked: true, activeLockReason: input.lockReason ?? null })),
      };
    }),

    unlockLockable: mutation((input: MutationInput & { lockableId: string }) => {
      const discussion = find.discussion(input.lockableId);
      allow(viewer.canTriage(discussion.repository), 'UnlockLockable');
      return { actor: views.actor(viewerActor), unlockedRecord: views.discussion(change(discussion, { locked: false, activeLockReason: null })) };
    }),
  };

  /** Applies a change to the discussion itself; its `updatedAt` moves to now. */
  function change(
    discussion: StoredDiscussion,
    patch: Partial<Pick<StoredDiscussion, 'closed' | 'closedAt' | 'stateReason' | 'locked' | 'activeLockReason' | 'labels'>>,
  ) {
    Object.assign(discussion, patch);
    store.touchNow(discussion);
    return discussion;
  }
}

/** Every payload echoes the input's `clientMutationId`. */
function mutation<Input extends MutationInput>(run: (input: Input) => object): (args: { input: Input }) => object {
  return ({ input }) => ({ clientMutationId: input.clientMutationId ?? null, ...run(input) });
}

/** GitHub's validation messages for a post's body. */
function validBody(body: string): void {
  if (body.trim() === '') throw new GitHubResolverError('UNPROCESSABLE', "Body can't be blank");
  if ([...body].length > MAX_BODY_CHARACTERS) {
    throw new GitHubResolverError('UNPROCESSABLE', `Body is too long (maximum is ${MAX_BODY_CHARACTERS} characters)`);
  }
}

/** The nodes a mutation names; an id of another kind, or of a deleted comment, is not found (as on GitHub). */
class Lookup {
  constructor(private readonly store: FakeStore) {}

  discussion(id: string): StoredDiscussion {
    const node = this.store.node(id);
    if (node?.kind !== 'discussion' || !node.discussion.repository.hasDiscussionsEnabled) throw notFoundNode(id);
    return node.discussion;
  }

  comment(id: string): StoredComment {
    const node = this.store.node(id);
    if (node?.kind !== 'comment' || node.comment.deletedAt !== null || !node.comment.discussion.repository.hasDiscussionsEnabled) throw notFoundNode(id);
    return node.comment;
  }

  labels(repository: StoredRepository, ids: readonly string[]): StoredLabel[] {
    return ids.map((id) => {
      const node = this.store.node(id);
      if (node?.kind !== 'label' || node.repository !== repository) throw notFoundNode(id);
      return node.label;
    });
  }
}
