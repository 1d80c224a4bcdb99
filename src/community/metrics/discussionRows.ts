import { SECOND_MS } from '../../shared/time';
import type { CommunityFacts } from './facts';
import type { Window } from './window';
import { isInteraction } from './network';

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
  /** Distinct authors of its posts in the window (docs/metrics.md "Network": `ghost` left out). */
  readonly people: number;
  /** Distinct pairs of people who answered each other in it in the window: its ties, "Network"'s definition. */
  readonly ties: number;
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
    const network = discussionNetwork(facts, d, window);
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
      people: network.people,
      ties: network.ties,
    });
  }
  return rows.sort((a, b) => a.createdAt - b.createdAt || a.number - b.number);
}

/**
 * Who posted in discussion `d` in the window and how many pairs answered each other there, as "Network"
 * counts them: `ghost` is nobody, and only an interaction (`isInteraction`) ties two people.
 */
function discussionNetwork(facts: CommunityFacts, d: number, window: Window): { readonly people: number; readonly ties: number } {
  const { start, rows, author, answers } = facts.rowsByDiscussion;
  const { ghost } = facts;
  const everyone = facts.logins.length;
  const people = new Set<number>();
  const ties = new Set<number>();
  for (let at = start[d]!; at < start[d + 1]!; at++) {
    const time = facts.posts.createdAt[rows[at]!]!;
    const from = author[at]!;
    if (time < window.since || time >= window.until || from === ghost) continue;
    people.add(from);
    const to = answers[at]!;
    if (isInteraction(from, to, ghost)) ties.add(Math.min(from, to) * everyone + Math.max(from, to));
  }
  return { people: people.size, ties: ties.size };
}
