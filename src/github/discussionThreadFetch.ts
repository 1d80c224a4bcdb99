import {
  COMMENT_REPLIES_PAGE_QUERY,
  COMMENT_REPLIES_PAGE_QUERY_NAME,
  CommentRepliesPageAnswerSchema,
  DISCUSSION_COMMENTS_PAGE_QUERY,
  DISCUSSION_COMMENTS_PAGE_QUERY_NAME,
  DISCUSSION_THREAD_QUERY,
  DISCUSSION_THREAD_QUERY_NAME,
  DiscussionCommentsPageAnswerSchema,
  DiscussionThreadAnswerSchema,
  type DiscussionThread,
  type ThreadComment,
  type ThreadReply,
} from './discussionThread';
import type { QueryRunner } from './queryRunner';

type ThreadCommentWithReplies = DiscussionThread['comments'][number];

interface Page<Node> {
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  readonly nodes: readonly Node[];
}

/**
 * One discussion with every comment and every reply, oldest first, for the Discussion view. The first query
 * brings the discussion and its first 100 comments (each with its first 100 replies); the rest comes page by
 * page. Null when the discussion no longer exists, also when it disappears between two pages.
 * Failures are the runner's SyncErrors.
 */
export async function fetchDiscussionThread(runner: QueryRunner, discussionId: string, now: () => number = Date.now): Promise<DiscussionThread | null> {
  // A deleted discussion answers `node: null` with a NOT_FOUND error: the caller gets null, not a failure.
  const missingNodesAllowed = { missingNodesAllowed: true };
  const answer = await runner.run(
    DISCUSSION_THREAD_QUERY_NAME,
    DISCUSSION_THREAD_QUERY,
    { id: discussionId },
    DiscussionThreadAnswerSchema,
    missingNodesAllowed,
  );
  if (answer.node === null) return null;
  // The moment GitHub described the discussion; later pages only add posts to it.
  const fetchedAt = now();
  const { comments: firstComments, labels, ...discussion } = answer.node;

  const comments: ThreadComment[] = [...firstComments.nodes];
  let commentPage: Page<ThreadComment> = firstComments;
  while (commentPage.pageInfo.hasNextPage) {
    const next = await runner.run(
      DISCUSSION_COMMENTS_PAGE_QUERY_NAME,
      DISCUSSION_COMMENTS_PAGE_QUERY,
      { id: discussionId, after: commentPage.pageInfo.endCursor },
      DiscussionCommentsPageAnswerSchema,
      missingNodesAllowed,
    );
    if (next.node === null) return null;
    commentPage = next.node.comments;
    comments.push(...commentPage.nodes);
  }

  const complete: ThreadCommentWithReplies[] = [];
  for (const { replies, ...comment } of comments) {
    complete.push({ ...comment, replies: await allReplies(runner, comment.id, replies) });
  }
  return { discussion, labels: labels?.nodes ?? [], comments: complete, fetchedAt };
}

/** A comment's replies: the first page it came with, then the rest (none more when it was deleted meanwhile). */
async function allReplies(runner: QueryRunner, commentId: string, first: Page<ThreadReply>): Promise<ThreadReply[]> {
  const replies = [...first.nodes];
  let page = first;
  while (page.pageInfo.hasNextPage) {
    const next = await runner.run(
      COMMENT_REPLIES_PAGE_QUERY_NAME,
      COMMENT_REPLIES_PAGE_QUERY,
      { id: commentId, after: page.pageInfo.endCursor },
      CommentRepliesPageAnswerSchema,
      { missingNodesAllowed: true },
    );
    if (next.node === null) break;
    page = next.node.replies;
    replies.push(...page.nodes);
  }
  return replies;
}
