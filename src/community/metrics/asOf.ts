import type { Community, Discussion, Post } from '../model';

/** Whether `post` is D's chosen answer. */
export function isAnswerPost(post: Post, discussion: Discussion): boolean {
  return post.isAnswer || post.id === discussion.answerId;
}

/**
 * When D got its chosen answer: `answerChosenAt`; when the data lacks it, the answer comment's
 * creation (an answer cannot be chosen before it exists), else D's creation; null without an answer.
 * `answer`: D's answer post, when the caller has already found it.
 */
export function answeredAt(
  discussion: Discussion,
  answer: Post | null | undefined = discussion.posts.find((post) => isAnswerPost(post, discussion)),
): number | null {
  if (discussion.answerChosenAt !== null) return discussion.answerChosenAt;
  if (answer) return answer.createdAt;
  return discussion.answerId !== null ? discussion.createdAt : null;
}

/** D's latest dated event: its creation, its last post (posts are in ascending order) or the answer choice. */
export function latestTime(discussion: Discussion): number {
  return Math.max(discussion.createdAt, discussion.posts.at(-1)?.createdAt ?? -Infinity, discussion.answerChosenAt ?? -Infinity);
}

/**
 * The community as it stood at `until`: discussions and posts created later are dropped, and an
 * answer chosen later is not chosen yet. What is not dated (closed, locked) stays as in the data.
 * Returns `community` itself when nothing in it is dated at or after `until`; a caller that knows the
 * latest time in the data (`CommunityFacts.latestActivityAt`) passes it to skip that check.
 */
export function communityAsOf(
  community: Community,
  until: number,
  latestActivityAt = community.discussions.reduce((latest, discussion) => Math.max(latest, latestTime(discussion)), -Infinity),
): Community {
  if (latestActivityAt < until) return community;
  const discussions: Discussion[] = [];
  for (const discussion of community.discussions) {
    if (discussion.createdAt >= until) continue;
    if (latestTime(discussion) < until) {
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
