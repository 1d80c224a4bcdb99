import type { Cohort, Headline, InactiveRegular, NeedsResponseCounts } from './reportSchema';
import type { CommunityFacts } from './metrics/facts';
import { headline, headlineSources } from './metrics/headline';
import { inactiveRegulars } from './metrics/inactiveRegulars';
import { needsResponse } from './metrics/needsResponse';
import { cohorts } from './metrics/retention';
import type { MetricSettings } from './metrics/settings';
import { previousWindow, type Window } from './metrics/window';

/**
 * The report's sections that read nothing the others compute and no discussion's object: the previous window's
 * headline, and those over all history. The report has them computed beside the rest, in its helper thread
 * (reportHelper.ts) where there is one: about 40 % of a report's work once the facts are built.
 */
export interface BackgroundSections {
  readonly previousHeadline: Headline;
  readonly cohorts: Cohort[];
  readonly inactiveRegulars: InactiveRegular[];
  readonly needsResponse: NeedsResponseCounts;
}

/** `lastActive`: `lastPostPerPerson(facts, window.until)`, when the caller has it (in the report's thread, it does). */
export function backgroundSections(facts: CommunityFacts, window: Window, settings: MetricSettings, lastActive?: Float64Array): BackgroundSections {
  return {
    previousHeadline: headline(headlineSources(facts, previousWindow(window), settings)),
    cohorts: cohorts(facts, window.until, settings),
    inactiveRegulars: inactiveRegulars(facts, window.until, settings, lastActive),
    needsResponse: needsResponse(facts, window.until, settings.staleDays),
  };
}
