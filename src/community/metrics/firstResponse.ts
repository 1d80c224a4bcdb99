import { HOUR_MS, SECOND_MS } from '../../shared/time';
import type { ResponseTimes } from '../reportSchema';
import { explainNulls, NO_MAINTAINER_KNOWN } from './explain';
import type { CommunityFacts } from './facts';
import type { MetricSettings } from './settings';
import { NumberList, rate, summarize } from './stats';
import type { Window } from './window';

/**
 * First response (or first maintainer response) over the discussions created in the window, as of
 * `until`: durations, how many have none, and the share answered within the target. The target rate
 * counts only discussions that have a response or are at least the target old at `until`: a younger
 * one without a response can still make it.
 */
export function firstResponseTimes(facts: CommunityFacts, window: Window, settings: MetricSettings, by: 'anyone' | 'maintainer'): ResponseTimes {
  const targetHours = settings.responseTargetHours;
  if (by === 'maintainer' && !facts.maintainerKnown) {
    const unknown = { discussions: null, count: null, meanSeconds: null, medianSeconds: null, p90Seconds: null, noResponse: null, withinTargetRate: null };
    return explainNulls({ ...unknown, targetHours }, Object.fromEntries(Object.keys(unknown).map((key) => [key, NO_MAINTAINER_KNOWN])));
  }
  const { createdAt, firstResponseAt, firstMaintainerResponseAt, length } = facts.perDiscussion;
  const respondedAt = by === 'anyone' ? firstResponseAt : firstMaintainerResponseAt;
  const { since, until } = window;
  const target = targetHours * HOUR_MS;
  const durations = new NumberList();
  let discussions = 0;
  let judged = 0;
  let withinTarget = 0;
  for (let d = 0; d < length; d++) {
    const opened = createdAt[d]!;
    if (opened < since || opened >= until) continue;
    discussions++;
    const at = respondedAt[d]!;
    const responded = at < until;
    const waited = (responded ? at : until) - opened;
    if (responded) durations.push(waited / SECOND_MS);
    if (responded || waited >= target) {
      judged++;
      if (responded && waited <= target) withinTarget++;
    }
  }
  const summary = summarize(durations.toArray());
  const who = by === 'anyone' ? 'a response' : 'a maintainer response';
  const noDurations =
    discussions === 0 ? 'no discussion was created in the window' : `none of the ${discussions} discussions created in the window had ${who} by until`;
  return explainNulls(
    {
      discussions,
      count: summary.count,
      meanSeconds: summary.mean,
      medianSeconds: summary.median,
      p90Seconds: summary.p90,
      noResponse: discussions - summary.count,
      withinTargetRate: rate(withinTarget, judged),
      targetHours,
    },
    {
      meanSeconds: noDurations,
      medianSeconds: noDurations,
      p90Seconds: noDurations,
      withinTargetRate:
        discussions === 0
          ? 'no discussion was created in the window'
          : `every discussion created in the window is younger than the ${targetHours}-hour target and still without ${who}`,
    },
  );
}
