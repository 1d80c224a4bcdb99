import type { ActivityWeek, Headline, Participation, ResponseTimes } from '../reportSchema';
import { activityWeeks } from './activity';
import { explainNulls } from './explain';
import type { CommunityFacts } from './facts';
import { firstResponseTimes } from './firstResponse';
import { interactionNetwork, type InteractionNetwork } from './network';
import { participation } from './participation';
import { retention, type RetentionFigures } from './retention';
import type { MetricSettings } from './settings';
import { answers, type Answers } from './answers';
import { weeklyActiveParticipants } from './weeklyActive';
import type { Window } from './window';
import { windowTotals, type WindowTotals } from './windowTotals';

/** The sections the headline numbers are taken from (the report's own sections for its window). */
export interface HeadlineSources {
  readonly firstResponse: ResponseTimes;
  readonly answers: Answers;
  readonly participation: Participation;
  readonly retention: RetentionFigures;
  readonly activityWeeks: ActivityWeek[];
  readonly network: InteractionNetwork;
  /** What the window's posts add up to, which the report's other sections read as well. */
  readonly totals: WindowTotals;
}

export function headlineSources(facts: CommunityFacts, window: Window, settings: MetricSettings): HeadlineSources {
  const totals = windowTotals(facts, window);
  return {
    firstResponse: firstResponseTimes(facts, window, settings, 'anyone'),
    answers: answers(facts, window),
    participation: participation(facts, totals),
    retention: retention(facts, totals),
    activityWeeks: activityWeeks(totals),
    network: interactionNetwork(facts, totals),
    totals,
  };
}

/** The numbers a maintainer compares window to window, each null only where its section's figure is. */
export function headline({ firstResponse, answers, participation, retention, activityWeeks, network: { section: network } }: HeadlineSources): Headline {
  const weeklyActive = weeklyActiveParticipants(activityWeeks);
  return explainNulls(
    {
      discussions: answers.discussions.total,
      responses: participation.responses,
      responders: participation.responders,
      absenceFactor: participation.absenceFactor,
      participants: retention.participants,
      weeklyActiveParticipants: weeklyActive.mean,
      newParticipants: retention.newParticipants.reduce((sum, month) => sum + month.count, 0),
      returningRate: retention.returningRate,
      firstResponseMedianSeconds: firstResponse.medianSeconds,
      firstResponseP90Seconds: firstResponse.p90Seconds,
      withinTargetRate: firstResponse.withinTargetRate,
      noResponse: firstResponse.noResponse ?? 0,
      answerRate: answers.answerRate,
      timeToAnswerMedianSeconds: answers.timeToAnswer.medianSeconds,
      knowSomeoneRate: network.knowSomeoneRate,
      coreSize: network.coreSize,
    },
    {
      absenceFactor: participation.reasons['absenceFactor'],
      weeklyActiveParticipants: weeklyActive.reason,
      returningRate: retention.reasons['returningRate'],
      firstResponseMedianSeconds: firstResponse.reasons['medianSeconds'],
      firstResponseP90Seconds: firstResponse.reasons['p90Seconds'],
      withinTargetRate: firstResponse.reasons['withinTargetRate'],
      answerRate: answers.answerRateReason,
      timeToAnswerMedianSeconds: answers.timeToAnswer.reasons['medianSeconds'],
      knowSomeoneRate: network.reasons['knowSomeoneRate'],
    },
  );
}
