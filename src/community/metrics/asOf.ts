import { latestEventOf, type Community, type Discussion, type Post } from '../model';

/**
 * When D got its chosen answer: `answerChosenAt`; when the data lacks it, the answer comment's
 * creation (an answer cannot be chosen before it exists), else D's creation; null without an answer.
 * `answer`: D's answer post, when the caller has already found it.
 */
export function answeredAt(discussion: Discussion, answer: Post | null | undefined = discussion.posts.find((post) => post.isAnswer)): number | null {
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

function discussionAsOf(discussion: Discussion, until: number): Discussion {
  const answerLater = (answeredAt(discussion) ?? -Infinity) >= until;
  const answerChosenAt = answerLater ? null : discussion.answerChosenAt;
  const posts = discussion.posts.filter((post) => post.createdAt < until).map((post) => (answerLater && post.isAnswer ? { ...post, isAnswer: false } : post));
  return {
    ...discussion,
    answerChosenAt,
    answerId: answerLater ? null : discussion.answerId,
    posts,
    latestActivityAt: latestEventOf({ createdAt: discussion.createdAt, posts, answerChosenAt }),
  };
}
