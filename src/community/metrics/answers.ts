import { SECOND_MS } from '../../shared/time';
import type { DiscussionCounts, TimeToAnswer } from '../reportSchema';
import { explainNulls } from './explain';
import type { CommunityFacts } from './facts';
import { NumberList, rate, summarize } from './stats';
import type { Window } from './window';

export interface Answers {
  readonly discussions: DiscussionCounts;
  /** Share of the window's discussions in answerable categories with a chosen answer by `until`. */
  readonly answerRate: number | null;
  readonly answerRateReason: string;
  readonly timeToAnswer: TimeToAnswer;
}

/**
 * Over the discussions created in the window: how many, how many answerable and answered by `until`,
 * the answer rate, and `answerChosenAt − createdAt` for those whose answer was chosen by `until`
 * (an answer whose choice time the data lacks counts as answered but has no duration).
 */
export function answers(facts: CommunityFacts, window: Window): Answers {
  const durations = new NumberList();
  let total = 0;
  let answerable = 0;
  let answered = 0;
  let answerableAnswered = 0;
  const { createdAt, answeredAt, answerChosenAt, answerable: isAnswerable, length } = facts.perDiscussion;
  const { since, until } = window;
  for (let d = 0; d < length; d++) {
    const opened = createdAt[d]!;
    if (opened < since || opened >= until) continue;
    total++;
    const isAnswered = answeredAt[d]! < until;
    if (isAnswered) answered++;
    if (isAnswerable[d] === 1) {
      answerable++;
      if (isAnswered) answerableAnswered++;
    }
    if (answerChosenAt[d]! < until) durations.push((answerChosenAt[d]! - opened) / SECOND_MS);
  }
  const summary = summarize(durations.toArray());
  const noDurations =
    total === 0 ? 'no discussion was created in the window' : `none of the ${total} discussions created in the window had an answer chosen by until`;
  return {
    discussions: { total, answerable, answered },
    answerRate: rate(answerableAnswered, answerable),
    answerRateReason: total === 0 ? 'no discussion was created in the window' : 'no discussion created in the window is in an answerable (Q&A-style) category',
    timeToAnswer: explainNulls(
      { count: summary.count, meanSeconds: summary.mean, medianSeconds: summary.median, p90Seconds: summary.p90 },
      { meanSeconds: noDurations, medianSeconds: noDurations, p90Seconds: noDurations },
    ),
  };
}
