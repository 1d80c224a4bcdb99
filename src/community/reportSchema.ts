// zod/mini, not classic: the dashboard webview bundles this file, and classic would add ~65 KB and slower schema set-up to its first render.
import * as z from 'zod/mini';

/**
 * The report's JSON shape (`community-pulse report --format json`, the dashboard, the tests), as one
 * zod schema from which the TypeScript types are inferred. docs/metrics.md describes every field.
 *
 * Honest numbers: a figure that cannot be computed is `null`, and the object holding it has a
 * `reasons` map naming each null figure with the reason (and nothing else). The schema enforces it.
 */

const isoInstant = z.iso.datetime();
const count = z.number().check(z.int(), z.nonnegative());
const fraction = z.number().check(z.minimum(0), z.maximum(1));
const seconds = z.number();

/** A strict object whose null figures are each explained in `reasons`; `labels` are nullable non-figures. */
function explained<Shape extends z.core.$ZodShape>(shape: Shape, labels: readonly (keyof Shape)[] = []) {
  return z.strictObject({ ...shape, reasons: z.record(z.string(), z.string()) }).check(
    z.superRefine((value, context) => {
      const fields = value as Record<string, unknown> & { reasons: Record<string, string> };
      for (const key of Object.keys(shape)) {
        if (fields[key] === null && !labels.includes(key) && !fields.reasons[key]) {
          context.addIssue({ code: 'custom', path: ['reasons', key], message: `${key} is null without a reason` });
        }
      }
      for (const key of Object.keys(fields.reasons)) {
        if (fields[key] !== null) {
          context.addIssue({ code: 'custom', path: ['reasons', key], message: `a reason is given for ${key}, which is not null` });
        }
      }
    }),
  );
}

export const WindowSchema = z.strictObject({ since: isoInstant, until: isoInstant, days: z.number().check(z.positive()) });

export const ResponseTimesSchema = explained({
  /** Discussions created in the window (the population). */
  discussions: z.nullable(count),
  /** Of those, how many had a (maintainer) response by `until`: the durations summarised below. */
  count: z.nullable(count),
  meanSeconds: z.nullable(seconds),
  medianSeconds: z.nullable(seconds),
  p90Seconds: z.nullable(seconds),
  noResponse: z.nullable(count),
  withinTargetRate: z.nullable(fraction),
  targetHours: z.number().check(z.positive()),
});

export const TimeToAnswerSchema = explained({
  count,
  meanSeconds: z.nullable(seconds),
  medianSeconds: z.nullable(seconds),
  p90Seconds: z.nullable(seconds),
});

export const DiscussionCountsSchema = z.strictObject({ total: count, answerable: count, answered: count });

export const ParticipationSchema = explained({
  responders: count,
  responses: count,
  absenceFactor: z.nullable(count),
  top10Share: z.nullable(fraction),
  gini: z.nullable(fraction),
  maintainerShare: z.nullable(fraction),
});

export const CohortSchema = z.strictObject({
  /** `YYYY-MM`: the month of these people's first post. */
  month: z.string(),
  size: count,
  /** `active[k]`: how many of them posted in month `month + k`, up to the month holding `until`. */
  active: z.array(count),
});

export const RetentionSchema = explained({
  /** Distinct people with a post in the window. */
  participants: count,
  returningRate: z.nullable(fraction),
  newParticipants: z.array(z.strictObject({ month: z.string(), count })),
  cohorts: z.array(CohortSchema),
});

export const ScoreComponentsSchema = z.strictObject({
  responses: count,
  acceptedAnswers: count,
  peopleHelped: count,
  firstResponses: count,
  activeWeeks: count,
  upvotes: count,
});

export const ContributorSchema = z.strictObject({
  login: z.string(),
  ...ScoreComponentsSchema.shape,
  lastActive: isoInstant,
  lastResponse: isoInstant,
  score: z.number(),
  /** Weight × component for each component: the parts that sum to `score`. */
  scoreParts: z.strictObject(
    Object.fromEntries(Object.keys(ScoreComponentsSchema.shape).map((key) => [key, z.number()])) as Record<
      keyof typeof ScoreComponentsSchema.shape,
      z.ZodMiniNumber<number>
    >,
  ),
  eligible: z.boolean(),
  /** The leader thresholds this person does not meet, in words; empty when eligible. */
  unmet: z.array(z.string()),
});

export const InactiveRegularSchema = z.strictObject({
  login: z.string(),
  maintainer: z.boolean(),
  /** Responses in the lookback period (365 days by default) before `until`. */
  responses: count,
  lastActive: isoInstant,
  daysInactive: z.number().check(z.int(), z.nonnegative()),
});

/** What a category's figures may advise (docs/metrics.md "Category advice"): split it, merge it, close it. */
export const CATEGORY_ADVICE = ['overDunbar', 'thin', 'dormant'] as const;

export const CategoryHealthSchema = explained(
  {
    name: z.string(),
    /** null for the row of discussions without a category (possible in imported data only). */
    slug: z.nullable(z.string()),
    answerable: z.boolean(),
    discussions: count,
    responses: count,
    participants: count,
    answerRate: z.nullable(fraction),
    medianFirstResponseSeconds: z.nullable(seconds),
    noResponseShare: z.nullable(fraction),
    lastDiscussionAt: isoInstant,
    /** The category's `knowSomeoneRate` in the network of its discussions alone; null when nobody posted in it. */
    knowSomeoneRate: z.nullable(fraction),
    /** What a manager might do with it (docs/metrics.md "Category advice"), in `CATEGORY_ADVICE` order. */
    advice: z.array(z.enum(CATEGORY_ADVICE)),
  },
  ['slug'],
);

export const ActivityWeekSchema = z.strictObject({
  /** `YYYY-MM-DD`, the Monday starting the ISO week. */
  week: z.string(),
  /** The week extends past the window, whose part only is counted. */
  partial: z.boolean(),
  discussions: count,
  comments: count,
  replies: count,
  activeParticipants: count,
});

export const ActivitySchema = z.strictObject({
  weeks: z.array(ActivityWeekSchema),
  responsesPerDiscussion: explained({ mean: z.nullable(z.number()), median: z.nullable(z.number()) }),
});

export const NeedsResponseSchema = z.strictObject({
  noResponse: count,
  awaitingReply: count,
  unmarkedAnswer: count,
  total: count,
  staleDays: z.number().check(z.nonnegative()),
});

export const HeadlineSchema = explained({
  discussions: count,
  responses: count,
  responders: count,
  absenceFactor: z.nullable(count),
  participants: count,
  /** The mean over the window's whole weeks of `activeParticipants`. */
  weeklyActiveParticipants: z.nullable(z.number().check(z.nonnegative())),
  newParticipants: count,
  returningRate: z.nullable(fraction),
  firstResponseMedianSeconds: z.nullable(seconds),
  firstResponseP90Seconds: z.nullable(seconds),
  withinTargetRate: z.nullable(fraction),
  noResponse: count,
  answerRate: z.nullable(fraction),
  timeToAnswerMedianSeconds: z.nullable(seconds),
  /** `network.knowSomeoneRate`. */
  knowSomeoneRate: z.nullable(fraction),
  /** `network.coreSize`. */
  coreSize: count,
});

export const SettingsSchema = z.strictObject({
  windowDays: z.number(),
  responseTargetHours: z.number(),
  staleDays: z.number(),
  leader: z.strictObject({ minResponses: z.number(), minPeopleHelped: z.number(), minActiveWeeks: z.number(), recentDays: z.number() }),
  scoreWeights: z.strictObject({
    responses: z.number(),
    acceptedAnswers: z.number(),
    peopleHelped: z.number(),
    firstResponses: z.number(),
    activeWeeks: z.number(),
    upvotes: z.number(),
  }),
  inactiveRegular: z.strictObject({ minResponses: z.number(), lookbackDays: z.number(), inactiveDays: z.number() }),
  categoryAdvice: z.strictObject({ overDunbarParticipants: z.number(), thinKnowSomeoneRate: z.number(), thinDiscussions: z.number() }),
  contributorLimit: z.number(),
  cohortMonths: z.number(),
});

/** One of the best-connected people of the network (docs/metrics.md "Network"). */
export const ConnectorSchema = z.strictObject({ login: z.string(), ties: count, strongTies: count });

/** The network within one category's discussions alone; categories with a participant in the window. */
export const CategoryNetworkSchema = z.strictObject({
  name: z.string(),
  participants: count,
  ties: count,
  strongTies: count,
  knowSomeoneRate: fraction,
});

/** At most this many people of the core are in its picture (`network.core`): its best-connected. */
export const CORE_PICTURE_LIMIT = 150;

/** A person of the core's picture: the best-connected of the core (docs/metrics.md "Network"). */
export const CorePersonSchema = z.strictObject({
  login: z.string(),
  ties: count,
  strongTies: count,
  role: z.enum(['maintainer', 'leaderCandidate', 'member']),
});

/** A strong tie between two people of the picture (indexes into `CorePicture.people`, `from` < `to`). */
export const CoreTieSchema = z.strictObject({ from: count, to: count, strength: count });

/** The core (the largest group held together by strong ties), at most `CORE_PICTURE_LIMIT` of its people, and the strong ties among them. */
export const CorePictureSchema = z.strictObject({ people: z.array(CorePersonSchema), ties: z.array(CoreTieSchema) });

/** Who knows whom: ties between people who answered each other in the window (docs/metrics.md "Network"). */
export const NetworkSchema = explained({
  participants: count,
  connectedParticipants: count,
  ties: count,
  strongTies: count,
  reciprocalTies: count,
  density: z.nullable(fraction),
  meanTies: z.nullable(z.number().check(z.nonnegative())),
  knowSomeoneRate: z.nullable(fraction),
  coreSize: count,
  core: CorePictureSchema,
  connectors: z.array(ConnectorSchema),
  categories: z.array(CategoryNetworkSchema),
});

const reportShape = {
  schemaVersion: z.literal(1),
  repository: z.string(),
  window: WindowSchema,
  settings: SettingsSchema,
  /** Whether any maintainer is known (association in the data or `--maintainers`). */
  maintainersKnown: z.boolean(),
  headline: HeadlineSchema,
  discussions: DiscussionCountsSchema,
  firstResponse: ResponseTimesSchema,
  firstMaintainerResponse: ResponseTimesSchema,
  timeToAnswer: TimeToAnswerSchema,
  answerRate: z.nullable(fraction),
  participation: ParticipationSchema,
  retention: RetentionSchema,
  network: NetworkSchema,
  contributors: z.array(ContributorSchema),
  leaders: z.array(ContributorSchema),
  inactiveRegulars: z.array(InactiveRegularSchema),
  categories: z.array(CategoryHealthSchema),
  activity: ActivitySchema,
  needsResponse: NeedsResponseSchema,
  previous: z.strictObject({ window: WindowSchema, headline: HeadlineSchema }),
};

export const ReportSchema = explained(reportShape);

/** The report without its lists of people (contributors, inactive regulars): what the dashboard is sent. */
export const ReportSummarySchema = explained(z.omit(z.object(reportShape), { contributors: true, inactiveRegulars: true }).shape);

export type Report = z.infer<typeof ReportSchema>;
export type ReportWindow = z.infer<typeof WindowSchema>;
export type ResponseTimes = z.infer<typeof ResponseTimesSchema>;
export type TimeToAnswer = z.infer<typeof TimeToAnswerSchema>;
export type DiscussionCounts = z.infer<typeof DiscussionCountsSchema>;
export type Participation = z.infer<typeof ParticipationSchema>;
export type Network = z.infer<typeof NetworkSchema>;
export type Connector = z.infer<typeof ConnectorSchema>;
export type CategoryNetwork = z.infer<typeof CategoryNetworkSchema>;
export type CorePerson = z.infer<typeof CorePersonSchema>;
export type CoreTie = z.infer<typeof CoreTieSchema>;
export type CorePicture = z.infer<typeof CorePictureSchema>;
export type CategoryAdvice = (typeof CATEGORY_ADVICE)[number];
export type Retention = z.infer<typeof RetentionSchema>;
export type Cohort = z.infer<typeof CohortSchema>;
export type ScoreComponents = z.infer<typeof ScoreComponentsSchema>;
export type Contributor = z.infer<typeof ContributorSchema>;
export type InactiveRegular = z.infer<typeof InactiveRegularSchema>;
export type CategoryHealth = z.infer<typeof CategoryHealthSchema>;
export type ActivityWeek = z.infer<typeof ActivityWeekSchema>;
export type Activity = z.infer<typeof ActivitySchema>;
export type NeedsResponseCounts = z.infer<typeof NeedsResponseSchema>;
export type Headline = z.infer<typeof HeadlineSchema>;
