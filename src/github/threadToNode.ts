import type { DiscussionThread } from './discussionThread';
import { DiscussionNodeSchema, type DiscussionNode } from './schemas';

/**
 * The snapshot's node for a fetched thread: exactly what a sync of that discussion stores. The thread asks for
 * every field the sync asks for (and more); the snapshot's own schema drops the rest (bodies, labels, `viewerCan*`,
 * why it was closed or locked), so the two cannot drift apart field by field.
 */
export function discussionNodeOf(thread: DiscussionThread): DiscussionNode {
  return DiscussionNodeSchema.parse({
    ...thread.discussion,
    comments: { nodes: thread.comments.map((comment) => ({ ...comment, replies: { nodes: comment.replies } })) },
  });
}
