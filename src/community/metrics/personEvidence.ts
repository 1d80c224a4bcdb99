import { weekIndex, weekName } from './calendar';
import type { Discussion } from '../model';
import { rowsOfDays, type CommunityFacts } from './facts';
import { inWindow, type Window } from './window';

/**
 * The discussions behind one contributor's leader-score components in the window, so each figure can
 * be checked by opening what it counts. Same definitions as `contributors.ts`: responses posted in the
 * window; an accepted answer is a response that is its discussion's chosen answer by `until`; a first
 * response is the discussion's first response, theirs, posted in the window.
 */
export interface EvidenceDiscussion {
  readonly number: number;
  readonly title: string;
  readonly url: string;
  /** Epoch ms of the post that counts. */
  readonly at: number;
}

export interface PersonEvidence {
  readonly acceptedAnswers: readonly EvidenceDiscussion[];
  readonly firstResponses: readonly EvidenceDiscussion[];
  /** Per person helped (distinct discussion authors), the latest discussion they were helped in. */
  readonly peopleHelped: readonly (EvidenceDiscussion & { readonly author: string })[];
  /** Per active week (`YYYY-MM-DD` Monday), the week's latest response. */
  readonly activeWeeks: readonly (EvidenceDiscussion & { readonly week: string })[];
}

export function personEvidence(facts: CommunityFacts, window: Window, login: string): PersonEvidence {
  const person = facts.logins.indexOf(login);
  const acceptedAnswers: EvidenceDiscussion[] = [];
  const helped = new Map<number, EvidenceDiscussion & { author: string }>();
  const weeks = new Map<number, EvidenceDiscussion & { week: string }>();
  const { posts, perDiscussion } = facts;
  const { first, end } = rowsOfDays(facts, window.since, window.until);
  for (let row = first; person >= 0 && row < end; row++) {
    if (posts.author[row] !== person || posts.isResponse[row] !== 1) continue;
    const at = posts.createdAt[row]!;
    if (!inWindow(at, window)) continue;
    const d = posts.discussion[row]!;
    const evidence = describe(perDiscussion.discussion[d]!, at);
    if (posts.isChosenAnswer[row] === 1 && perDiscussion.answeredAt[d]! < window.until) acceptedAnswers.push(evidence);
    const opener = perDiscussion.author[d]!;
    if ((helped.get(opener)?.at ?? -Infinity) < at) helped.set(opener, { ...evidence, author: facts.logins[opener]! });
    const week = weekIndex(at);
    if ((weeks.get(week)?.at ?? -Infinity) < at) weeks.set(week, { ...evidence, week: weekName(week) });
  }
  const firstResponses: EvidenceDiscussion[] = [];
  for (let d = 0; person >= 0 && d < perDiscussion.length; d++) {
    const at = perDiscussion.firstResponseAt[d]!;
    if (perDiscussion.firstResponder[d] === person && inWindow(at, window)) firstResponses.push(describe(perDiscussion.discussion[d]!, at));
  }
  const latestFirst = <T extends EvidenceDiscussion>(items: Iterable<T>): T[] => [...items].sort((a, b) => b.at - a.at);
  return {
    acceptedAnswers: latestFirst(acceptedAnswers),
    firstResponses: latestFirst(firstResponses),
    peopleHelped: latestFirst(helped.values()),
    activeWeeks: latestFirst(weeks.values()),
  };
}

function describe(discussion: Discussion, at: number): EvidenceDiscussion {
  return { number: discussion.number, title: discussion.title, url: discussion.url, at };
}
