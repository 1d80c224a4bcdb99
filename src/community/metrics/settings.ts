import { DEFAULT_STALE_DAYS } from '../triage';

/**
 * Every tunable of the metrics, with its default, in one place: the CLI passes flags over these and the
 * VS Code side exposes them as `communityPulse.*` settings. docs/metrics.md cites these defaults.
 */
export interface MetricSettings {
  /** Length of the default window ending at `until`, in days. */
  readonly windowDays: number;
  /** A first response within this many hours counts towards `withinTargetRate`. */
  readonly responseTargetHours: number;
  /** Needs Response: an unmarked answer is flagged once its latest post is older than this (triage). */
  readonly staleDays: number;
  readonly leader: LeaderThresholds;
  readonly scoreWeights: ScoreWeights;
  readonly inactiveRegular: InactiveRegularThresholds;
  readonly categoryAdvice: CategoryAdviceThresholds;
  /** How many contributors (most responses first) the report lists. */
  readonly contributorLimit: number;
  /** How many monthly retention cohorts (the latest ones) the report lists. */
  readonly cohortMonths: number;
}

export interface LeaderThresholds {
  readonly minResponses: number;
  readonly minPeopleHelped: number;
  readonly minActiveWeeks: number;
  /** The candidate responded within this many days before `until`. */
  readonly recentDays: number;
}

/** Weight of each contributor component in the leader score (score = Σ weight × component). */
export interface ScoreWeights {
  readonly responses: number;
  readonly acceptedAnswers: number;
  readonly peopleHelped: number;
  readonly firstResponses: number;
  readonly activeWeeks: number;
  readonly upvotes: number;
}

/** When a category is advised to be split, merged or closed (docs/metrics.md "Category advice"). */
export interface CategoryAdviceThresholds {
  /** `overDunbar`: more participants than this in the window (Dunbar's number). */
  readonly overDunbarParticipants: number;
  /** `thin`: a `knowSomeoneRate` below this... */
  readonly thinKnowSomeoneRate: number;
  /** ...and fewer discussions created in the window than this (at least one: none is `dormant`). */
  readonly thinDiscussions: number;
}

export interface InactiveRegularThresholds {
  /** At least this many responses in the `lookbackDays` before `until`... */
  readonly minResponses: number;
  readonly lookbackDays: number;
  /** ...and no post in the `inactiveDays` before `until`. */
  readonly inactiveDays: number;
}

export const DEFAULT_METRIC_SETTINGS: MetricSettings = {
  windowDays: 90,
  responseTargetHours: 48,
  staleDays: DEFAULT_STALE_DAYS,
  leader: { minResponses: 10, minPeopleHelped: 5, minActiveWeeks: 4, recentDays: 30 },
  scoreWeights: { responses: 1, acceptedAnswers: 3, peopleHelped: 2, firstResponses: 1, activeWeeks: 2, upvotes: 0.5 },
  inactiveRegular: { minResponses: 5, lookbackDays: 365, inactiveDays: 60 },
  categoryAdvice: { overDunbarParticipants: 150, thinKnowSomeoneRate: 0.5, thinDiscussions: 10 },
  contributorLimit: 50,
  cohortMonths: 12,
};

/** Settings given in part (flags, user settings) completed with the defaults, nested groups included. */
export type PartialMetricSettings = Partial<
  Omit<MetricSettings, 'leader' | 'scoreWeights' | 'inactiveRegular' | 'categoryAdvice'> & {
    leader: Partial<LeaderThresholds>;
    scoreWeights: Partial<ScoreWeights>;
    inactiveRegular: Partial<InactiveRegularThresholds>;
    categoryAdvice: Partial<CategoryAdviceThresholds>;
  }
>;

export function resolveSettings(partial: PartialMetricSettings = {}): MetricSettings {
  const defaults = DEFAULT_METRIC_SETTINGS;
  return {
    ...defaults,
    ...withoutUndefined(partial),
    leader: { ...defaults.leader, ...withoutUndefined(partial.leader ?? {}) },
    scoreWeights: { ...defaults.scoreWeights, ...withoutUndefined(partial.scoreWeights ?? {}) },
    inactiveRegular: { ...defaults.inactiveRegular, ...withoutUndefined(partial.inactiveRegular ?? {}) },
    categoryAdvice: { ...defaults.categoryAdvice, ...withoutUndefined(partial.categoryAdvice ?? {}) },
  };
}

/** An absent flag arrives as `undefined`; it must not override a default. */
function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as Partial<T>;
}
