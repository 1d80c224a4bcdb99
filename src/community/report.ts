import type { Community } from './model';
import type { People } from './people';
import type { Report, ReportWindow } from './reportSchema';
import { responsesPerDiscussion } from './metrics/activity';
import { categories } from './metrics/categories';
import { contributors } from './metrics/contributors';
import { explainNulls } from './metrics/explain';
import { buildFacts, lastPostPerPerson, releaseFacts, type CommunityFacts } from './metrics/facts';
import { firstResponseTimes } from './metrics/firstResponse';
import { headline, headlineSources } from './metrics/headline';
import { corePicture, type InteractionNetwork } from './metrics/network';
import { resolveSettings, type PartialMetricSettings } from './metrics/settings';
import { iso, previousWindow, reportWindow, type Window } from './metrics/window';
import { DAY_MS } from '../shared/time';
import { startBackgroundSections } from './reportHelper';

export interface ReportOptions {
  /** Epoch ms; default `until` − `windowDays`. */
  readonly since?: number;
  /** Epoch ms; default `now`. */
  readonly until?: number;
  /** Epoch ms standing for "now" when `until` is not given; default the clock. */
  readonly now?: number;
  readonly settings?: PartialMetricSettings;
}

/**
 * The whole community report over the window `[since, until)`, as of `until` (later posts and answers
 * are ignored), with the previous window's headline. Definitions: docs/metrics.md.
 * `facts`: `buildFacts(community, people)` when the caller already has them (they hold for any window).
 */
export function computeReport(community: Community, people: People, options: ReportOptions = {}, facts?: CommunityFacts): Report {
  if (facts) return reportWithNetwork(community, options, facts).report;
  const built = buildFacts(community, people);
  try {
    return reportWithNetwork(community, options, built).report;
  } finally {
    // Nothing of the facts is in the report: their memory serves the next facts built (metrics/sharedColumns.ts).
    releaseFacts(built);
  }
}

/** `computeReport`, with the network of the report's window (each person's ties: the People view shows them). */
export function reportWithNetwork(
  community: Community,
  options: ReportOptions,
  facts: CommunityFacts,
): { readonly report: Report; readonly network: InteractionNetwork } {
  if (facts.logins !== community.logins) throw new Error(`the facts given are not ${community.repository}'s: build them from the community reported on`);
  const settings = resolveSettings(options.settings);
  const window = reportWindow({ ...options, windowDays: settings.windowDays });
  // The previous window's headline and the sections over all history, meanwhile (in the helper thread, if any).
  const background = startBackgroundSections(facts, window, settings);
  const sources = headlineSources(facts, window, settings);
  const lastActive = lastPostPerPerson(facts, window.until);
  const { contributors: listed, leaders } = contributors(facts, sources.totals, settings, lastActive);
  const firstMaintainerResponse = firstResponseTimes(facts, window, settings, 'maintainer');
  const network = { ...sources.network.section, core: corePicture(facts, sources.network, new Set(leaders.map((leader) => leader.login))) };
  const categorySections = categories(facts, sources.totals, settings, sources.network.section.categories);
  const responses = responsesPerDiscussion(facts, sources.totals);
  const { previousHeadline, cohorts, inactiveRegulars, needsResponse } = background(lastActive);
  const report = explainNulls(
    {
      schemaVersion: 1 as const,
      repository: community.repository,
      window: describeWindow(window),
      settings,
      maintainersKnown: facts.maintainerKnown,
      headline: headline(sources),
      discussions: sources.answers.discussions,
      firstResponse: sources.firstResponse,
      firstMaintainerResponse,
      timeToAnswer: sources.answers.timeToAnswer,
      answerRate: sources.answers.answerRate,
      participation: sources.participation,
      retention: { ...sources.retention, cohorts },
      network,
      contributors: listed,
      leaders,
      inactiveRegulars,
      categories: categorySections,
      activity: { weeks: sources.activityWeeks, responsesPerDiscussion: responses },
      needsResponse,
      previous: { window: describeWindow(previousWindow(window)), headline: previousHeadline },
    },
    { answerRate: sources.answers.answerRateReason },
  );
  return { report, network: sources.network };
}

function describeWindow(window: Window): ReportWindow {
  return { since: iso(window.since), until: iso(window.until), days: (window.until - window.since) / DAY_MS };
}
