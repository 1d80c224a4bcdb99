import { weekIndex, weekStart } from './calendar';
import { isInteraction, rowsOfDays, type CommunityFacts } from './facts';
import { PersonCategoryBits } from './personCategoryBits';
import type { Window } from './window';

/**
 * What the window's posts add up to, per person, week and category: counted in one pass over the window's rows
 * and shared by the sections that read them (activity and responses per discussion, participation, retention,
 * contributors, categories, the network), as the facts are shared for all history. Each of those once made its own
 * pass; at 200,000 discussions a 90-day window holds about a million rows.
 * Everyone who posted counts here, maintainers and `ghost` included: the metrics leave out whom they leave out.
 */
export interface WindowTotals {
  readonly window: Window;
  /** Per person id: their responses posted in the window. */
  readonly responses: Int32Array;
  /** Per person id: the upvotes of those responses. */
  readonly upvotes: Int32Array;
  /** Per person id: those of their responses that are their discussion's chosen answer (by `until`). */
  readonly acceptedAnswers: Int32Array;
  /** Per person id: the time of their latest response in the window; -Infinity for none. */
  readonly lastResponse: Float64Array;
  /** Per counted discussion (`CommunityFacts.perDiscussion`): its responses posted in the window. */
  readonly responsesPerDiscussion: Int32Array;
  /** Every response posted in the window, and how many of them by maintainers. */
  readonly responseCount: number;
  readonly maintainerResponses: number;
  /** Distinct people with a post in the window, and how many of them had posted before it. */
  readonly participants: number;
  readonly returning: number;
  /** The week of `since` (`weekIndex`) and how many weeks the window touches. */
  readonly firstWeek: number;
  readonly weekCount: number;
  /** Posts per kind and week: at `POST_KIND_CODES[kind] × weekCount + week offset`. */
  readonly postsPerKindAndWeek: Int32Array;
  /** Per week offset: distinct people with a post in that week (the window's part of it). */
  readonly activeParticipantsPerWeek: Int32Array;
  /** Per category (`CommunityFacts.categories`): responses in the window. */
  readonly categoryResponses: Int32Array;
  /** Who posted in the window, in which categories (`count`: distinct people per category). */
  readonly participation: PersonCategoryBits;
  /** Per counted discussion: its posts in the window that are interactions (`isInteraction`: the network's). */
  readonly interactionsPerDiscussion: Int32Array;
}

export function windowTotals(facts: CommunityFacts, window: Window): WindowTotals {
  const { since, until } = window;
  const people = facts.logins.length;
  const { posts, isMaintainer, firstPostAt, ghost } = facts;
  const { createdAt, author, kind, isResponse, isChosenAnswer, upvotes: upvotesOf, discussion: discussionOf, answers } = posts;
  const { answeredAt, category: categoryOf } = facts.perDiscussion;
  const responses = new Int32Array(people);
  const upvotes = new Int32Array(people);
  const acceptedAnswers = new Int32Array(people);
  const lastResponse = new Float64Array(people).fill(-Infinity);
  const responsesPerDiscussion = new Int32Array(facts.perDiscussion.length);
  const categoryCount = facts.categories.length;
  const categoryResponses = new Int32Array(categoryCount);
  const participation = new PersonCategoryBits(people, categoryCount);
  const interactionsPerDiscussion = new Int32Array(facts.perDiscussion.length);
  const firstWeek = weekIndex(since);
  const weekCount = weekIndex(until - 1) - firstWeek + 1;
  const postsPerKindAndWeek = new Int32Array(3 * weekCount);
  const activeParticipantsPerWeek = new Int32Array(weekCount);
  // The week offset of each person's latest post so far: -1 before their first in the window.
  const weekSeen = new Int32Array(people).fill(-1);
  let responseCount = 0;
  let maintainerResponses = 0;
  let participants = 0;
  let returning = 0;
  // Week by week: a week's posts are consecutive rows, so one stamp per person counts its participants.
  for (let offset = 0; offset < weekCount; offset++) {
    const { first, end } = rowsOfDays(facts, Math.max(weekStart(firstWeek + offset), since), Math.min(weekStart(firstWeek + offset + 1), until));
    for (let row = first; row < end; row++) {
      const at = createdAt[row]!;
      if (at < since || at >= until) continue;
      const person = author[row]!;
      postsPerKindAndWeek[kind[row]! * weekCount + offset]!++;
      const seenIn = weekSeen[person]!;
      if (seenIn !== offset) {
        weekSeen[person] = offset;
        activeParticipantsPerWeek[offset]!++;
        if (seenIn < 0) {
          participants++;
          if (firstPostAt[person]! < since) returning++;
        }
      }
      const discussion = discussionOf[row]!;
      const category = categoryOf[discussion]!;
      participation.add(person, category);
      if (isInteraction(person, answers[row]!, ghost)) interactionsPerDiscussion[discussion]!++;
      if (isResponse[row] === 0) continue;
      responseCount++;
      maintainerResponses += isMaintainer[person]!;
      categoryResponses[category]!++;
      responsesPerDiscussion[discussion]!++;
      responses[person]!++;
      upvotes[person]! += upvotesOf[row]!;
      if (isChosenAnswer[row] === 1 && answeredAt[discussion]! < until) acceptedAnswers[person]!++;
      if (at > lastResponse[person]!) lastResponse[person] = at;
    }
  }
  return {
    window,
    responses,
    upvotes,
    acceptedAnswers,
    lastResponse,
    responsesPerDiscussion,
    responseCount,
    maintainerResponses,
    participants,
    returning,
    firstWeek,
    weekCount,
    postsPerKindAndWeek,
    activeParticipantsPerWeek,
    categoryResponses,
    participation,
    interactionsPerDiscussion,
  };
}
