import type { Headline, Participation, ResponseTimes, Retention } from '../reportSchema';
import { explainNulls } from './explain';
import type { CommunityFacts } from './facts';
import { firstResponseTimes } from './firstResponse';
import { participation } from './participation';
import { retention } from './retention';
import type { MetricSettings } from './settings';
import { answers, type Answers } from './timeToAnswer';
import type { Window } from './window';

/** The sections the headline numbers are taken from. */
export interface HeadlineSources {
  readonly firstResponse: ResponseTimes;
  readonly answers: Answers;
  readonly participation: Participation;
  readonly retention: Retention;
}

/** The sections of a window that feed the headline, for a window (the previous one) that needs nothing more. */
export function headlineSources(facts: CommunityFacts, window: Window, settings: MetricSettings): HeadlineSources {
  return {
    firstResponse: firstResponseTimes(facts, window, settings, 'anyone'),
    answers: answers(facts, window),
    participation: participation(facts, window),
    retention: retention(facts, window, settings),
  };
}

/** The few numbers a maintainer compares window to window, each null only where its section's figure is. */
export function headline({ firstResponse, answers, participation, retention }: HeadlineSources): Headline {
  return explainNulls(
    {
      discussions: answers.discussions.total,
      responses: participation.responses,
      responders: participation.responders,
      participants: retention.participants,
      newParticipants: retention.newParticipants.reduce((sum, month) => sum + month.count, 0),
      returningRate: retention.returningRate,
      firstResponseMedianSeconds: firstResponse.medianSeconds,
      withinTargetRate: firstResponse.withinTargetRate,
      noResponse: firstResponse.noResponse ?? 0,
      answerRate: answers.answerRate,
      timeToAnswerMedianSeconds: answers.timeToAnswer.medianSeconds,
    },
    {
      returningRate: retention.reasons['returningRate'],
      firstResponseMedianSeconds: firstResponse.reasons['medianSeconds'],
      withinTargetRate: firstResponse.reasons['withinTargetRate'],
      answerRate: answers.answerRateReason,
      timeToAnswerMedianSeconds: answers.timeToAnswer.reasons['medianSeconds'],
    },
  );
}
