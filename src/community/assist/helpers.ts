import { DAY_MS } from '../../shared/time';
import type { Discussion } from '../model';
import { rowsOfDays } from '../metrics/facts';
import { categoryKey, latestBefore, type AssistIndex } from './assistIndex';
import { earlierDiscussions, helpedBy } from './authorHistory';

/** The rule of docs/metrics.md "Who can help", in one place: the look-back, the weights and how many are shown. */
export const HELPER_RULE = {
  lookbackDays: 90,
  /** Points per response in the discussion's category in the look-back. */
  response: 1,
  /** Extra points per such response that is its discussion's chosen answer (chosen before now). */
  acceptedAnswer: 3,
  /** Points for having responded in one of the author's earlier discussions. */
  helpedAuthor: 5,
  /** Points for a latest response (anywhere) less than `recentDays` ago, or else less than `fairlyRecentDays` ago. */
  recent: 2,
  recentDays: 7,
  fairlyRecent: 1,
  fairlyRecentDays: 30,
  limit: 3,
} as const;

export interface HelperSuggestion {
  readonly person: number;
  readonly login: string;
  /** Responses in the discussion's category in the look-back. */
  readonly responses: number;
  /** Of those, chosen answers (chosen before now). */
  readonly acceptedAnswers: number;
  readonly helpedAuthor: boolean;
  /** Their latest response anywhere before now. */
  readonly lastResponseAt: number;
  readonly leaderCandidate: boolean;
  readonly maintainer: boolean;
  readonly score: number;
}

/**
 * Up to three people most likely to answer D, best first: ranked by score, then leader candidates first, then the
 * most recent latest response, then login. Only people with a response in D's category in the look-back qualify;
 * D's author, the signed-in `viewer` (nobody is asked to ask themselves), bots (ignored users included) and `ghost`
 * never do.
 */
export function suggestHelpers(index: AssistIndex, discussion: Discussion, now: number, viewer: string | null = null): HelperSuggestion[] {
  const tallies = categoryTallies(index, discussion, now);
  const author = discussion.opening.authorId;
  const viewerLogin = viewer?.toLowerCase();
  const helpedBefore = new Set(helpedBy(index, earlierDiscussions(index, discussion), now).map((helper) => helper.person));
  const suggestions: HelperSuggestion[] = [];
  for (const [person, tally] of tallies) {
    if (person === author || person === index.ghost || index.people.isBotId(person)) continue;
    if (index.community.logins[person]!.toLowerCase() === viewerLogin) continue;
    const lastResponseAt = latestBefore(index.responses, person, now) ?? -Infinity;
    const helpedAuthor = helpedBefore.has(person);
    suggestions.push({
      person,
      login: index.community.logins[person]!,
      ...tally,
      helpedAuthor,
      lastResponseAt,
      leaderCandidate: index.leaderCandidates.has(person),
      maintainer: index.people.isMaintainerId(person),
      score: helperScore(tally.responses, tally.acceptedAnswers, helpedAuthor, now - lastResponseAt),
    });
  }
  return suggestions.sort(bestHelperFirst).slice(0, HELPER_RULE.limit);
}

/** Σ weight × evidence (docs/metrics.md "Who can help"). */
export function helperScore(responses: number, acceptedAnswers: number, helpedAuthor: boolean, sinceLastResponseMs: number): number {
  const rule = HELPER_RULE;
  const recency = sinceLastResponseMs < rule.recentDays * DAY_MS ? rule.recent : sinceLastResponseMs < rule.fairlyRecentDays * DAY_MS ? rule.fairlyRecent : 0;
  return rule.response * responses + rule.acceptedAnswer * acceptedAnswers + (helpedAuthor ? rule.helpedAuthor : 0) + recency;
}

function bestHelperFirst(a: HelperSuggestion, b: HelperSuggestion): number {
  return (
    b.score - a.score ||
    Number(b.leaderCandidate) - Number(a.leaderCandidate) ||
    b.lastResponseAt - a.lastResponseAt ||
    (a.login < b.login ? -1 : a.login > b.login ? 1 : 0)
  );
}

/**
 * Per person, their responses in D's category in `[now − 90 days, now)` and how many of those are their
 * discussion's chosen answer (chosen before now): a scan of the facts' rows of those days.
 */
function categoryTallies(index: AssistIndex, discussion: Discussion, now: number): Map<number, { responses: number; acceptedAnswers: number }> {
  const tallies = new Map<number, { responses: number; acceptedAnswers: number }>();
  const category = index.categoryIndex.get(categoryKey(discussion));
  if (category === undefined) return tallies;
  const { posts, perDiscussion } = index.facts;
  const since = now - HELPER_RULE.lookbackDays * DAY_MS;
  const responses = new Int32Array(index.community.logins.length);
  const accepted = new Int32Array(index.community.logins.length);
  const { first, end } = rowsOfDays(index.facts, since, now);
  for (let row = first; row < end; row++) {
    const at = posts.createdAt[row]!;
    const d = posts.discussion[row]!;
    if (posts.isResponse[row] === 0 || at < since || at >= now || perDiscussion.category[d] !== category) continue;
    const person = posts.author[row]!;
    responses[person]!++;
    if (posts.isChosenAnswer[row] === 1 && perDiscussion.answeredAt[d]! < now) accepted[person]!++;
  }
  for (let person = 0; person < responses.length; person++) {
    if (responses[person]! > 0) tallies.set(person, { responses: responses[person]!, acceptedAnswers: accepted[person]! });
  }
  return tallies;
}
