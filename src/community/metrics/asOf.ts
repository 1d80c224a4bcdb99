import type { Community, Discussion } from '../model';

/**
 * When D got its chosen answer: `answerChosenAt`; when the data lacks it, the answer comment's
 * creation (an answer cannot be chosen before it exists), else D's creation; null without an answer.
 */
export function answeredAt(discussion: Discussion): number | null {
  const answer = discussion.posts.find((post) => post.isAnswer || post.id === discussion.answerId);
  if (discussion.answerChosenAt !== null) return discussion.answerChosenAt;
  if (answer) return answer.createdAt;
  return discussion.answerId !== null ? discussion.createdAt : null;
}

/**
 * The community as it stood at `until`: discussions and posts created later are dropped, and an
 * answer chosen later is not chosen yet. What is not dated (closed, locked) stays as in the data.
 * Returns `community` itself when nothing in it is dated at or after `until`.
 */
export function communityAsOf(community: Community, until: number): Community {
  const isLater = (discussion: Discussion): boolean =>
    discussion.createdAt >= until ||
    (answeredAt(discussion) ?? -Infinity) >= until ||
    discussion.posts.some((post) => post.createdAt >= until);
  if (!community.discussions.some(isLater)) return community;
  const discussions: Discussion[] = [];
  for (const discussion of community.discussions) {
    if (discussion.createdAt >= until) continue;
    if (!isLater(discussion)) {
      discussions.push(discussion);
      continue;
    }
    const answerLater = (answeredAt(discussion) ?? -Infinity) >= until;
    discussions.push({
      ...discussion,
      answerChosenAt: answerLater ? null : discussion.answerChosenAt,
      answerId: answerLater ? null : discussion.answerId,
      posts: discussion.posts
        .filter((post) => post.createdAt < until)
        .map((post) => (answerLater && post.isAnswer ? { ...post, isAnswer: false } : post)),
    });
  }
  return { ...community, discussions };
}
