import { SECOND_MS } from '../../shared/time';
import type { CommunityFacts } from './facts';
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
  const columns = facts.perDiscussion;
  const secondsUntil = (at: number, from: number): number | null => (at < until ? (at - from) / SECOND_MS : null);
  const rows: DiscussionRow[] = [];
  for (let d = 0; d < columns.length; d++) {
    const createdAt = columns.createdAt[d]!;
    if (createdAt < since || createdAt >= until) continue;
    const discussion = columns.discussion[d]!;
    rows.push({
      number: discussion.number,
      title: discussion.title,
      url: discussion.url,
      author: discussion.opening.author,
      category: facts.categories[columns.category[d]!]?.name ?? null,
      createdAt,
      firstResponseSeconds: secondsUntil(columns.firstResponseAt[d]!, createdAt),
      firstMaintainerResponseSeconds: secondsUntil(columns.firstMaintainerResponseAt[d]!, createdAt),
      answered: columns.answeredAt[d]! < until,
      timeToAnswerSeconds: secondsUntil(columns.answerChosenAt[d]!, createdAt),
    });
  }
  return rows.sort((a, b) => a.createdAt - b.createdAt || a.number - b.number);
}
