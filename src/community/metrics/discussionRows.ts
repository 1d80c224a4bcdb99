import { answeredBy, type CommunityFacts } from './facts';
import type { Window } from './window';

/** One discussion created in the window, as of `until`: the rows `report --format csv` writes. */
export interface DiscussionRow {
  readonly number: number;
  readonly title: string;
  readonly url: string;
  readonly author: string;
  readonly category: string | null;
  readonly createdAt: number;
  readonly firstResponseSeconds: number | null;
  /** null also when no maintainer is known (see `maintainersKnown`). */
  readonly firstMaintainerResponseSeconds: number | null;
  readonly answered: boolean;
  readonly timeToAnswerSeconds: number | null;
}

export function discussionRows(facts: CommunityFacts, window: Window): DiscussionRow[] {
  const { since, until } = window;
  const secondsUntil = (at: number | null, from: number): number | null => (at !== null && at < until ? (at - from) / 1000 : null);
  return facts.discussions
    .filter((d) => d.createdAt >= since && d.createdAt < until)
    .sort((a, b) => a.createdAt - b.createdAt || a.discussion.number - b.discussion.number)
    .map((d) => ({
      number: d.discussion.number,
      title: d.discussion.title,
      url: d.discussion.url,
      author: d.discussion.opening.author,
      category: d.category?.name ?? null,
      createdAt: d.createdAt,
      firstResponseSeconds: secondsUntil(d.firstResponseAt, d.createdAt),
      firstMaintainerResponseSeconds: secondsUntil(d.firstMaintainerResponseAt, d.createdAt),
      answered: answeredBy(d, until),
      timeToAnswerSeconds: secondsUntil(d.answerChosenAt, d.createdAt),
    }));
}
