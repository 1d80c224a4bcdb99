import {
  FOLLOW_UP_REQUEST_BUDGET,
  MAX_PAGE_SIZE,
  overflowRequestCost,
  threadOverflowQuery,
  THREAD_OVERFLOW_QUERY_NAME,
  type OverflowRequest,
} from '../github/queries';
import type { QueryRunner } from '../github/queryRunner';
import { threadOverflowSchema, type SyncedComment, type SyncedDiscussion, type SyncedReply } from '../github/answerSchemas';
import type { CommentNode, DiscussionNode, ReplyNode } from '../github/schemas';

interface Connection<Node> {
  readonly totalCount: number;
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  readonly nodes: readonly Node[];
}

/**
 * Turns a page of discussions into complete threads as stored (every comment and reply, no paging
 * fields): the threads whose comments or replies overflowed the inline pages are completed with
 * follow-up queries that batch several threads each. `onBatch` runs after each follow-up query.
 */
export async function completeThreads(discussions: readonly SyncedDiscussion[], runner: QueryRunner, onBatch: () => void): Promise<DiscussionNode[]> {
  const thread = new ThreadAssembly();
  const stored = discussions.map((discussion) => thread.addDiscussion(discussion));
  while (thread.pending.length > 0) {
    const batch = takeBatch(thread.pending);
    const { query, variables } = threadOverflowQuery(batch);
    const answer = await runner.run(THREAD_OVERFLOW_QUERY_NAME, query, variables, threadOverflowSchema(batch.map((request) => request.kind)), {
      missingNodesAllowed: true,
    });
    batch.forEach((request, index) => {
      const result = answer.answers[index];
      if (result && 'comments' in result) thread.addComments(request.id, result.comments);
      if (result && 'replies' in result) thread.addReplies(request.id, result.replies);
    });
    onBatch();
  }
  return stored;
}

/** Collects the comments and replies of threads as their pages arrive, and what remains to fetch. */
class ThreadAssembly {
  readonly pending: OverflowRequest[] = [];
  private readonly commentsOf = new Map<string, CommentNode[]>();
  private readonly repliesOf = new Map<string, ReplyNode[]>();

  addDiscussion(discussion: SyncedDiscussion): DiscussionNode {
    const { comments, ...fields } = discussion;
    const nodes: CommentNode[] = [];
    this.commentsOf.set(discussion.id, nodes);
    this.addComments(discussion.id, comments);
    return { ...fields, comments: { nodes } };
  }

  addComments(discussionId: string, connection: Connection<SyncedComment>): void {
    const nodes = this.commentsOf.get(discussionId);
    if (!nodes) return;
    for (const comment of connection.nodes) {
      const { replies, ...fields } = comment;
      const replyNodes: ReplyNode[] = [];
      this.repliesOf.set(comment.id, replyNodes);
      nodes.push({ ...fields, replies: { nodes: replyNodes } });
      this.addReplies(comment.id, replies);
    }
    this.continueIfNeeded('comments', discussionId, connection, nodes.length);
  }

  addReplies(commentId: string, connection: Connection<SyncedReply>): void {
    const nodes = this.repliesOf.get(commentId);
    if (!nodes) return;
    nodes.push(...connection.nodes);
    this.continueIfNeeded('replies', commentId, connection, nodes.length);
  }

  private continueIfNeeded(kind: OverflowRequest['kind'], id: string, connection: Connection<unknown>, received: number): void {
    if (!connection.pageInfo.hasNextPage) return;
    // Ask for exactly the remainder: a comment page's price grows with its size (replies per comment).
    const remaining = connection.totalCount - received;
    const first = Math.min(MAX_PAGE_SIZE, Math.max(1, remaining));
    this.pending.push({ kind, id, after: connection.pageInfo.endCursor, first });
  }
}

/** Removes and returns the requests that fit one single-point query (always at least one). */
function takeBatch(pending: OverflowRequest[]): OverflowRequest[] {
  const batch: OverflowRequest[] = [];
  let cost = 0;
  for (let index = 0; index < pending.length;) {
    const request = pending[index]!;
    const requestCost = overflowRequestCost(request);
    if (batch.length === 0 || cost + requestCost <= FOLLOW_UP_REQUEST_BUDGET) {
      batch.push(request);
      cost += requestCost;
      pending.splice(index, 1);
    } else {
      index += 1;
    }
  }
  return batch;
}
