import { weekIndex, weekName } from './calendar';
import { answeredBy, type CommunityFacts, type DiscussionFacts } from './facts';
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
  const { posts } = facts;
  for (let row = 0; person >= 0 && row < posts.length; row++) {
    if (posts.author[row] !== person || posts.isResponse[row] !== 1) continue;
    const at = posts.createdAt[row]!;
    if (!inWindow(at, window)) continue;
    const discussion = facts.discussions[posts.discussion[row]!]!;
    const evidence = describe(discussion, at);
    if (posts.isChosenAnswer[row] === 1 && answeredBy(discussion, window.until)) acceptedAnswers.push(evidence);
    if ((helped.get(discussion.author)?.at ?? -Infinity) < at) helped.set(discussion.author, { ...evidence, author: facts.logins[discussion.author]! });
    const week = weekIndex(at);
    if ((weeks.get(week)?.at ?? -Infinity) < at) weeks.set(week, { ...evidence, week: weekName(week) });
  }
  const firstResponses = facts.discussions
    .filter((discussion) => discussion.firstResponder === person && person >= 0 && discussion.firstResponseAt !== null && inWindow(discussion.firstResponseAt, window))
    .map((discussion) => describe(discussion, discussion.firstResponseAt!));
  const latestFirst = <T extends EvidenceDiscussion>(items: Iterable<T>): T[] => [...items].sort((a, b) => b.at - a.at);
  return {
    acceptedAnswers: latestFirst(acceptedAnswers),
    firstResponses: latestFirst(firstResponses),
    peopleHelped: latestFirst(helped.values()),
    activeWeeks: latestFirst(weeks.values()),
  };
}

function describe(discussion: DiscussionFacts, at: number): EvidenceDiscussion {
  return { number: discussion.discussion.number, title: discussion.discussion.title, url: discussion.discussion.url, at };
}
