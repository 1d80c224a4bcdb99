import { SECOND_MS } from '../../shared/time';
import { isInteraction, rowsOfDays, type CommunityFacts } from './facts';
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
  const network = discussionNetworks(facts, window);
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
      people: network.get(d)?.people.size ?? 0,
      ties: network.get(d)?.ties.size ?? 0,
    });
  }
  return rows.sort((a, b) => a.createdAt - b.createdAt || a.number - b.number);
}

/**
 * Per discussion created in the window (by index), who posted in it in the window and which pairs answered
 * each other there (a pair as low person id × people + high). Posts follow "Network": `ghost` is nobody on
 * either end, and only an interaction (`isInteraction`) ties two people.
 */
function discussionNetworks(facts: CommunityFacts, window: Window): Map<number, { people: Set<number>; ties: Set<number> }> {
  const { posts, ghost, perDiscussion } = facts;
  const everyone = facts.logins.length;
  const found = new Map<number, { people: Set<number>; ties: Set<number> }>();
  const { first, end } = rowsOfDays(facts, window.since, window.until);
  for (let row = first; row < end; row++) {
    const at = posts.createdAt[row]!;
    const author = posts.author[row]!;
    const d = posts.discussion[row]!;
    const created = perDiscussion.createdAt[d]!;
    if (at < window.since || at >= window.until || author === ghost || created < window.since || created >= window.until) continue;
    let discussion = found.get(d);
    if (!discussion) found.set(d, (discussion = { people: new Set(), ties: new Set() }));
    discussion.people.add(author);
    const answered = posts.answers[row]!;
    if (!isInteraction(author, answered, ghost)) continue;
    discussion.ties.add(Math.min(author, answered) * everyone + Math.max(author, answered));
  }
  return found;
}
