import { buildFacts, type CommunityFacts } from '../community/metrics/facts';
import { firstResponseSeries, type FirstResponseSeries } from '../community/metrics/firstResponseSeries';
import { responseLorenzCurve, type LorenzPoint } from '../community/metrics/lorenz';
import { newPeopleThisMonth, type NewPerson } from '../community/metrics/newPeople';
import { peopleTies, type PersonTies } from '../community/metrics/network';
import type { CategoryAdviceThresholds, LeaderThresholds, PartialMetricSettings, ScoreWeights } from '../community/metrics/settings';
import type { Window } from '../community/metrics/window';
import type { Community } from '../community/model';
import type { People } from '../community/people';
import { reportWithNetwork } from '../community/report';
import type { Report } from '../community/reportSchema';
import { resolveWindow, windowLabel, type WindowChoice } from '../shared/timeWindow';
import { buildHeadlines, type HeadlineRow } from './health';
import type { PartialSnapshot } from '../shared/partialSnapshot';

/**
 * Everything the Health and People views, the status bar and the dashboard show for one window,
 * computed once from the engine (no `vscode` import: the service around it caches and refreshes).
 */
export interface PulseInput {
  readonly repository: string;
  readonly community: Community;
  readonly people: People;
  /** The user's settings that the figures depend on (the extension's `PulseSettings` has them). */
  readonly settings: {
    readonly staleDays: number;
    readonly responseTargetHours: number;
    readonly leaderThresholds: LeaderThresholds;
    readonly leaderScoreWeights: ScoreWeights;
    readonly categoryAdvice: CategoryAdviceThresholds;
  };
  readonly lastSyncAt: number | null;
  /** Set while no sync pass has completed: the figures are of the discussions with the newest activity only. */
  readonly partial?: PartialSnapshot | null;
}

export interface PulseAnalysis {
  readonly repository: string;
  readonly choice: WindowChoice;
  readonly window: Window;
  readonly lastSyncAt: number | null;
  /** Every surface that shows a figure of this analysis says so while it is set (`describePartial`). */
  readonly partial: PartialSnapshot | null;
  readonly report: Report;
  readonly headlines: readonly HeadlineRow[];
  readonly firstResponse: FirstResponseSeries;
  readonly lorenz: readonly LorenzPoint[];
  readonly newPeople: { readonly month: string; readonly people: readonly NewPerson[] };
  /** Kept for per-person evidence, computed when a person is expanded. */
  readonly facts: CommunityFacts;
  /** Each person's ties in the window (the People view's entries); null for a login not in the data. */
  readonly ties: (login: string) => PersonTies | null;
}

export function analyze(input: PulseInput, choice: WindowChoice, now: number): PulseAnalysis {
  const settings: PartialMetricSettings = {
    staleDays: input.settings.staleDays,
    responseTargetHours: input.settings.responseTargetHours,
    leader: input.settings.leaderThresholds,
    scoreWeights: input.settings.leaderScoreWeights,
    categoryAdvice: input.settings.categoryAdvice,
  };
  const facts = factsOf(input);
  const window = resolveWindow(choice, now, firstCreatedAt(input.community));
  const { report, network } = reportWithNetwork(input.community, { ...window, settings }, facts);
  return {
    repository: input.repository,
    choice,
    window,
    lastSyncAt: input.lastSyncAt,
    partial: input.partial ?? null,
    report,
    // Over all history the engine's previous window lies before the first discussion: no earlier window to compare with.
    headlines: buildHeadlines(report.headline, choice === 'all' ? null : report.previous.headline, {
      previousLabel: previousLabel(choice),
      targetHours: report.settings.responseTargetHours,
    }),
    firstResponse: firstResponseSeries(facts, window),
    lorenz: responseLorenzCurve(facts, window),
    newPeople: newPeopleThisMonth(facts, window.until),
    facts,
    ties: peopleTies(facts, network),
  };
}

/**
 * The facts hold for every window, so they are built once per data (a new `people` comes with every
 * data change) and reused when only the window changes.
 */
const factsByPeople = new WeakMap<People, { readonly community: Community; readonly facts: CommunityFacts }>();

function factsOf(input: PulseInput): CommunityFacts {
  const known = factsByPeople.get(input.people);
  if (known?.community === input.community) return known.facts;
  const facts = buildFacts(input.community, input.people);
  factsByPeople.set(input.people, { community: input.community, facts });
  return facts;
}

function previousLabel(choice: WindowChoice): string {
  return choice === 'all' ? 'no earlier window' : `previous ${windowLabel(choice).replace('Last ', '')}`;
}

function firstCreatedAt(community: Community): number | null {
  let first: number | null = null;
  for (const discussion of community.discussions) if (first === null || discussion.createdAt < first) first = discussion.createdAt;
  return first;
}
