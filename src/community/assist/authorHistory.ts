import { percentileOf } from '../metrics/stats';
import type { Discussion } from '../model';
import { isResponse } from '../responses';
import { answeredAt, countPersonBefore, latestBefore, type AssistIndex } from './assistIndex';

/** A discussion's author in this community (docs/metrics.md "Author history"), as numbers; the view model words it. */
export interface AuthorHistory {
  readonly login: string;
  /** `ghost`: deleted accounts are one person to the data, so they have no history worth showing. */
  readonly deletedAccount: boolean;
  /** Discussions they opened before this one was. */
  readonly discussionsBefore: number;
  /** Comments and replies (that count as activity) they posted before this discussion was opened. */
  readonly commentsBefore: number;
  /** Their earlier discussions in answerable categories (questions). */
  readonly questions: number;
  /** Of those, the ones with an answer chosen before now. */
  readonly questionsAnswered: number;
  /** Median time from opening to the chosen answer over those answered, in seconds; null when none was. */
  readonly medianSecondsToAnswer: number | null;
  /** Their latest post that counts as activity before now, anywhere (this discussion included); null when none. */
  readonly lastActiveAt: number | null;
  /** People who responded in their earlier discussions, most discussions first (ties: most recent, then login). */
  readonly helpedBy: readonly HelpedBy[];
}

export interface HelpedBy {
  readonly person: number;
  readonly login: string;
  /** How many of the author's earlier discussions they responded in (before now). */
  readonly discussions: number;
  readonly lastAt: number;
}

export function authorHistory(index: AssistIndex, discussion: Discussion, now: number): AuthorHistory {
  const author = discussion.opening.authorId;
  const earlier = earlierDiscussions(index, discussion);
  let questions = 0;
  const secondsToAnswer: number[] = [];
  for (const previous of earlier) {
    if (!(previous.category?.answerable ?? false)) continue;
    questions++;
    const chosenAt = answeredAt(previous);
    if (chosenAt !== null && chosenAt < now) secondsToAnswer.push((chosenAt - previous.createdAt) / 1000);
  }
  return {
    login: discussion.opening.author,
    deletedAccount: author === index.ghost,
    discussionsBefore: earlier.length,
    commentsBefore: countPersonBefore(index.comments, author, discussion.createdAt),
    questions,
    questionsAnswered: secondsToAnswer.length,
    medianSecondsToAnswer: secondsToAnswer.length === 0 ? null : percentileOf(Float64Array.from(secondsToAnswer), 50),
    lastActiveAt: latestBefore(index.posts, author, now),
    helpedBy: helpedBy(index, earlier, now),
  };
}

/** The discussions D's author opened before D (by `createdAt`; D itself excluded). */
export function earlierDiscussions(index: AssistIndex, discussion: Discussion): Discussion[] {
  const { start, values } = index.discussionsBy;
  const author = discussion.opening.authorId;
  const earlier: Discussion[] = [];
  for (let slot = start[author]!; slot < start[author + 1]!; slot++) {
    const previous = index.community.discussions[values[slot]!]!;
    if (previous.createdAt >= discussion.createdAt) break; // oldest first
    if (previous.id !== discussion.id) earlier.push(previous);
  }
  return earlier;
}

/** Responders in `earlier` (responses before now), most discussions first; `ghost` is never named. */
export function helpedBy(index: AssistIndex, earlier: readonly Discussion[], now: number): HelpedBy[] {
  const tallies = new Map<number, { discussions: number; lastAt: number }>();
  for (const previous of earlier) {
    const seen = new Set<number>();
    for (const post of previous.posts) {
      if (post.createdAt >= now || post.authorId === index.ghost || !isResponse(post, previous, index.people)) continue;
      const tally = tallies.get(post.authorId) ?? { discussions: 0, lastAt: -Infinity };
      if (!seen.has(post.authorId)) tally.discussions++;
      seen.add(post.authorId);
      tally.lastAt = Math.max(tally.lastAt, post.createdAt);
      tallies.set(post.authorId, tally);
    }
  }
  const logins = index.community.logins;
  return [...tallies]
    .map(([person, tally]) => ({ person, login: logins[person]!, ...tally }))
    .sort((a, b) => b.discussions - a.discussions || b.lastAt - a.lastAt || (a.login < b.login ? -1 : a.login > b.login ? 1 : 0));
}
