import { latestEventOf, type Community, type Discussion } from '../model';

/**
 * When D got its chosen answer: `answerChosenAt`; when the data lacks it, the answer comment's
 * creation (an answer cannot be chosen before it exists), else D's creation; null without an answer.
 * `answerPostAt`: the creation of D's answer post (null without one), when the caller has already found it.
 */
export function answeredAt(
  discussion: Discussion,
  answerPostAt: number | null = discussion.posts.find((post) => post.isAnswer)?.createdAt ?? null,
): number | null {
  if (discussion.answerChosenAt !== null) return discussion.answerChosenAt;
  if (answerPostAt !== null) return answerPostAt;
  return discussion.answerId !== null ? discussion.createdAt : null;
}

/**
 * The community as it stood at `until`: discussions and posts created later are dropped, and an
 * answer chosen later is not chosen yet. What is not dated (closed, locked) stays as in the data.
 * Returns `community` itself when nothing in it is dated at or after `until`.
 */
export function communityAsOf(community: Community, until: number): Community {
  if (community.latestActivityAt < until) return community;
  const discussions: Discussion[] = [];
  let latestActivityAt = -Infinity;
  for (const discussion of community.discussions) {
    if (discussion.createdAt >= until) continue;
    const asOf = discussion.latestActivityAt < until ? discussion : discussionAsOf(discussion, until);
    discussions.push(asOf);
    latestActivityAt = Math.max(latestActivityAt, asOf.latestActivityAt);
  }
  return { ...community, discussions, latestActivityAt };
}

/**
 * D without what happened from `until` on: a plain object, detached from the community's table. Its rows are the
 * posts before `until` (a prefix: posts are in time order), but the table's answer flag is not cleared for an
 * answer chosen later: read such a discussion's `posts`, not the table.
 */
function discussionAsOf(discussion: Discussion, until: number): Discussion {
  const answerLater = (answeredAt(discussion) ?? -Infinity) >= until;
  const answerChosenAt = answerLater ? null : discussion.answerChosenAt;
  const posts = discussion.posts.filter((post) => post.createdAt < until).map((post) => (answerLater && post.isAnswer ? { ...post, isAnswer: false } : post));
  // Every field but `opening` and `posts` is the discussion's own (a table discussion makes those in getters, which no
  // spread copies).
  return {
    ...discussion,
    opening: discussion.opening,
    answerChosenAt,
    answerId: answerLater ? null : discussion.answerId,
    posts,
    endRow: discussion.firstRow + 1 + posts.length,
    latestActivityAt: latestEventOf({ createdAt: discussion.createdAt, posts, answerChosenAt }),
  };
}
