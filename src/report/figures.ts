import { SCORE_COMPONENTS } from '../community/metrics/contributors';
import type { CategoryAdviceThresholds, LeaderThresholds, ScoreWeights } from '../community/metrics/settings';
import type { TriageBucket } from '../community/triage';
import type { CategoryAdvice, CategoryHealth, CorePerson, Headline } from '../community/reportSchema';
import { countOf, formatCount, formatDate, formatPercent, formatPercentBeside, type FigureKind } from '../shared/format';

/**
 * The vocabulary of every surface, defined once: each figure's name, kind (which decides how it is
 * formatted: `formatFigure` in src/shared/format.ts), the section of docs/metrics.md that defines it, and
 * the words the Health view and the dashboard's cards explain it with. The Health view, the dashboard, the
 * status bar, the Markdown report and the CSV header all take their names from here, so a figure is called
 * the same wherever it appears.
 */

/** The headline's figures (all but its `reasons`). */
export type HeadlineKey = Exclude<keyof Headline, 'reasons'>;

export interface HeadlineFigure {
  /** The engine's figure (`report.headline[headline]`), with its reason when null. */
  readonly headline: HeadlineKey;
  /** Its name; the response target is part of one name (`Within 48 h target`). */
  readonly label: (targetHours: number) => string;
  readonly kind: FigureKind;
  /** The heading of docs/metrics.md that defines it (GitHub's anchor: `docs/metrics.md#participation`). */
  readonly anchor: string;
  /** Which way is good news. */
  readonly better: 'higher' | 'lower';
  /** What the figure means, in a sentence or two. */
  readonly definition: (current: Headline, targetHours: number) => string;
  /** The definition in docs/metrics.md, quoted word for word (markup dropped): doc and views cannot drift apart. */
  readonly docsQuote: string;
  /** Why the figure says nothing when the window covers all history (it compares with the time before the window). */
  readonly meaninglessOverAllHistory?: string;
}

const FIRST_RESPONSE = 'discussions-first-response-and-time-to-answer';

const NETWORK = 'network-who-knows-whom';

/** How the network's figures read, in a sentence each surface puts before them. */
export const NETWORK_NOTE =
  'A tie: two people who answered each other in the window, either way; strong when they met in two discussions or more. Know someone: the participants with a strong tie.';

/** The network's figures (docs/metrics.md "Network (who knows whom)"): their names, kinds and what they mean wherever they are shown. */
export const NETWORK_FIGURES = {
  participants: { label: 'Participants', kind: 'count', anchor: NETWORK, definition: 'Distinct authors of counted posts in the window.' },
  connectedParticipants: { label: 'Connected', kind: 'count', anchor: NETWORK, definition: 'Participants with at least one tie.' },
  ties: { label: 'Ties', kind: 'count', anchor: NETWORK, definition: 'Pairs of people who answered each other in the window, either way.' },
  strongTies: { label: 'Strong ties', kind: 'count', anchor: NETWORK, definition: 'Ties met in two discussions or more: they know each other.' },
  reciprocalTies: { label: 'Reciprocal ties', kind: 'count', anchor: NETWORK, definition: 'Ties where each has answered the other.' },
  density: { label: 'Density', kind: 'share', anchor: NETWORK, definition: 'Ties among the connected people, out of every pair they could make.' },
  meanTies: { label: 'Mean ties', kind: 'count', anchor: NETWORK, definition: 'Ties per connected person.' },
  knowSomeoneRate: { label: 'Know someone', kind: 'share', anchor: NETWORK, definition: 'Participants with at least one strong tie.' },
  coreSize: { label: 'Core', kind: 'count', anchor: NETWORK, definition: 'The largest group held together by strong ties.' },
} as const satisfies Record<string, { label: string; kind: FigureKind; anchor: string; definition: string }>;

/** About how many people one can know (Robin Dunbar): the Core figure is read against it. */
export const DUNBAR_NUMBER = 150;

/** The roles of the core's people (`network.core`), as the dashboard's picture, its table and the People view name them. */
export const CORE_ROLE_LABELS: Readonly<Record<CorePerson['role'], string>> = {
  maintainer: 'Maintainer',
  leaderCandidate: 'Leader candidate',
  member: 'Member',
};

/** The core's size against Dunbar's number, in the words every surface uses: `core of 42 people; Dunbar's number is about 150`. */
export function coreSentence(coreSize: number): string {
  return `core of ${countOf(coreSize, 'person', 'people')}; Dunbar's number is about ${DUNBAR_NUMBER}`;
}

/** Why there is no core (`coreSize` 0), in the words every surface uses: nobody answered anyone, or nobody met the same person twice. */
export function noCoreReason(ties: number): string {
  return ties === 0
    ? 'No core: nobody answered another person in this window.'
    : 'No core: no two people met in two discussions in this window, so nobody has a strong tie yet.';
}

export const FIGURES = {
  discussions: {
    headline: 'discussions',
    label: () => 'Discussions opened',
    kind: 'count',
    anchor: FIRST_RESPONSE,
    better: 'higher',
    definition: () => 'The discussions opened in the window, except those opened by a bot.',
    docsQuote: 'discussions: total; answerable (in a category where an answer can be chosen); answered (with a chosen answer by until, whatever the category).',
  },
  responses: {
    headline: 'responses',
    label: () => 'Responses',
    kind: 'count',
    anchor: 'participation',
    better: 'higher',
    definition: () =>
      'The responses posted in the window, on any discussion however old: comments and replies by someone other than the discussion’s author, not bots, not deleted or minimized.',
    docsQuote: 'responses: how many; responders: the distinct people who made them.',
  },
  responders: {
    headline: 'responders',
    label: () => 'Responders',
    kind: 'count',
    anchor: 'participation',
    better: 'higher',
    definition: () => 'The distinct people with a response in the window.',
    docsQuote: 'responses: how many; responders: the distinct people who made them.',
  },
  absenceFactor: {
    headline: 'absenceFactor',
    label: () => 'Absence factor',
    kind: 'count',
    anchor: 'participation',
    better: 'higher',
    definition: () => "The fewest people who together made half of the window's responses. Low means the community depends on very few people.",
    docsQuote:
      'absenceFactor (CHAOSS "contributor absence factor", also known as bus factor): the fewest responders who together made at least 50% of the responses (ranking responders by responses).',
  },
  participants: {
    headline: 'participants',
    label: () => 'Participants',
    kind: 'count',
    anchor: 'retention',
    better: 'higher',
    definition: () => 'The distinct people who posted in the window.',
    docsQuote: 'participants: the distinct people with a post in the window.',
  },
  weeklyActive: {
    headline: 'weeklyActiveParticipants',
    label: () => 'Weekly active participants',
    kind: 'count',
    anchor: 'activity',
    better: 'higher',
    definition: () => "The mean, over the window's whole weeks, of each week's active participants.",
    docsQuote: 'activeParticipants, the distinct people with any post that counts as activity that week (opening posts included)',
  },
  newParticipants: {
    headline: 'newParticipants',
    label: () => 'New participants',
    kind: 'count',
    anchor: 'retention',
    better: 'higher',
    definition: () => 'The people whose first post ever is in the window.',
    docsQuote: 'newParticipants: per month overlapping the window, the people whose first post falls in that month and in the window.',
  },
  returningRate: {
    headline: 'returningRate',
    label: () => 'Returning participants',
    kind: 'share',
    anchor: 'retention',
    better: 'higher',
    definition: () => 'Of the people who posted in the window, the share who had posted before it.',
    docsQuote: "returningRate: the share of the window's participants whose first post is before the window.",
    meaninglessOverAllHistory: 'the window covers all history, so nobody can have posted before it (pick a shorter window)',
  },
  firstResponseMedian: {
    headline: 'firstResponseMedianSeconds',
    label: () => 'Median first response',
    kind: 'duration',
    anchor: FIRST_RESPONSE,
    better: 'lower',
    definition: () =>
      'The median time from a discussion being opened to its first response, over the discussions opened in the window that got one. A response is a comment or reply by someone other than the author, not a bot, not deleted or minimized.',
    docsQuote:
      'First response (firstResponse): for those that had a response by until, the duration from createdAt to the first response, summarised (count, meanSeconds, medianSeconds, p90Seconds).',
  },
  firstResponseP90: {
    headline: 'firstResponseP90Seconds',
    label: () => 'p90 first response',
    kind: 'duration',
    anchor: FIRST_RESPONSE,
    better: 'lower',
    definition: () =>
      'The 90th percentile of the same first-response times: nine in ten of the discussions opened in the window that got a response got it within this time.',
    docsQuote: "Percentiles interpolate linearly between the closest ranks, the default of numpy's percentile (also what github/issue-metrics uses)",
  },
  withinTarget: {
    headline: 'withinTargetRate',
    label: (targetHours) => `Within ${formatCount(targetHours)} h target`,
    kind: 'share',
    anchor: FIRST_RESPONSE,
    better: 'higher',
    definition: (_current, targetHours) =>
      `Of the discussions opened in the window, the share whose first response came within ${formatCount(targetHours)} hours (communityPulse.responseTargetHours).`,
    docsQuote:
      'withinTargetRate: the share whose first response came within responseTargetHours (default 48; exactly 48 h counts as within), out of those that either have a response or are at least that old at until',
  },
  noResponse: {
    headline: 'noResponse',
    label: () => 'No response (new in window)',
    kind: 'count',
    anchor: FIRST_RESPONSE,
    better: 'lower',
    definition: (current) =>
      `Of the ${formatCount(current.discussions)} discussions opened in the window, how many had no response at all by its end. Not the Needs Response list, which holds every open discussion waiting on the team, however old.`,
    docsQuote: 'discussions is the population, noResponse how many had none by until.',
  },
  answerRate: {
    headline: 'answerRate',
    label: () => 'Answer rate',
    kind: 'share',
    anchor: FIRST_RESPONSE,
    better: 'higher',
    definition: () => 'Of the discussions opened in the window in answerable (Q&A) categories, the share with a chosen answer.',
    docsQuote: "Answer rate (answerRate): of the window's discussions in answerable categories, the share with a chosen answer by until",
  },
  timeToAnswerMedian: {
    headline: 'timeToAnswerMedianSeconds',
    label: () => 'Median time to answer',
    kind: 'duration',
    anchor: FIRST_RESPONSE,
    better: 'lower',
    definition: () =>
      'The median time from a discussion being opened to the choice of its answer, over the discussions opened in the window whose answer was chosen.',
    docsQuote: 'Time to answer (timeToAnswer): answerChosenAt − createdAt over the discussions whose answer was chosen before until.',
  },
  knowSomeone: {
    headline: 'knowSomeoneRate',
    label: () => NETWORK_FIGURES.knowSomeoneRate.label,
    kind: NETWORK_FIGURES.knowSomeoneRate.kind,
    anchor: NETWORK,
    better: 'higher',
    definition: () =>
      'Of the people who posted in the window, the share with at least one strong tie: someone they answered, or who answered them, in two discussions or more. They know each other.',
    docsQuote: 'knowSomeoneRate: the share of the participants with at least one strong tie; null when nobody posted in the window.',
  },
  core: {
    headline: 'coreSize',
    label: () => NETWORK_FIGURES.coreSize.label,
    kind: NETWORK_FIGURES.coreSize.kind,
    anchor: NETWORK,
    better: 'higher',
    definition: (current) =>
      `The largest group of people held together by strong ties (pairs who answered each other in two discussions or more): ${coreSentence(current.coreSize)}.`,
    docsQuote:
      'coreSize: the people in the largest group held together by strong ties (a connected component of the strong-tie graph): the core. 0 without a strong tie.',
  },
} as const satisfies Record<string, HeadlineFigure>;

export type FigureId = keyof typeof FIGURES;

/** The figures of the Health view and the dashboard's cards, in their order. */
export const HEADLINE_IDS = [
  'firstResponseMedian',
  'firstResponseP90',
  'withinTarget',
  'noResponse',
  'answerRate',
  'weeklyActive',
  'returningRate',
  'absenceFactor',
  'knowSomeone',
  'core',
] as const satisfies readonly FigureId[];
export type HeadlineId = (typeof HEADLINE_IDS)[number];

/** The figures of the Markdown report's headline table, in its order: every headline figure. */
export const REPORT_HEADLINE_IDS = [
  'discussions',
  'responses',
  'responders',
  'absenceFactor',
  'participants',
  'weeklyActive',
  'newParticipants',
  'returningRate',
  'firstResponseMedian',
  'firstResponseP90',
  'withinTarget',
  'noResponse',
  'answerRate',
  'timeToAnswerMedian',
  'knowSomeone',
  'core',
] as const satisfies readonly FigureId[];

/** A figure's name as every surface shows it. */
export function figureLabel(id: FigureId, targetHours: number): string {
  return FIGURES[id].label(targetHours);
}

/**
 * The per-discussion figures: durations (the Markdown report's response-times rows and the CSV's columns) and
 * the discussion's own network (the CSV's columns).
 */
export const DISCUSSION_FIGURES = {
  firstResponse: { label: 'First response', csvColumn: 'first_response_seconds', anchor: FIRST_RESPONSE },
  firstMaintainerResponse: { label: 'First maintainer response', csvColumn: 'first_maintainer_response_seconds', anchor: FIRST_RESPONSE },
  timeToAnswer: { label: 'Time to answer', csvColumn: 'time_to_answer_seconds', anchor: FIRST_RESPONSE },
  people: { label: 'People', csvColumn: 'people', anchor: NETWORK },
  ties: { label: NETWORK_FIGURES.ties.label, csvColumn: 'ties', anchor: NETWORK },
} as const;

/** The Needs Response buckets as every surface names them (the tree, the status bar, the dashboard, the CLI, the report). */
export const BUCKET_LABELS: Readonly<Record<TriageBucket, string>> = {
  noResponse: 'No response',
  awaitingReply: 'Author replied',
  unmarkedAnswer: 'Answer not marked',
};

export { SCORE_COMPONENTS };
export type ScoreComponent = (typeof SCORE_COMPONENTS)[number];

export const SCORE_COMPONENT_LABELS: Readonly<Record<ScoreComponent, string>> = {
  responses: 'Responses',
  acceptedAnswers: 'Accepted answers',
  peopleHelped: 'People helped',
  firstResponses: 'First responses',
  activeWeeks: 'Active weeks',
  upvotes: 'Upvotes',
};

/** Who is a leader candidate, in words with the thresholds in force. */
export function leaderRule(leader: LeaderThresholds): string {
  return `Community members (not maintainers) with at least ${countOf(leader.minResponses, 'response')}, ${countOf(leader.minPeopleHelped, 'person helped', 'people helped')} and ${countOf(leader.minActiveWeeks, 'active week')} in the window, and a response in the last ${countOf(leader.recentDays, 'day')}.`;
}

/** `Score = 1 × responses + 3 × accepted answers + …`, with the weights in force. */
export function scoreFormula(weights: ScoreWeights): string {
  return `Score = ${SCORE_COMPONENTS.map((key) => `${weights[key]} × ${SCORE_COMPONENT_LABELS[key].toLowerCase()}`).join(' + ')}.`;
}

/** The heading of docs/metrics.md that defines category advice (GitHub's anchor). */
export const CATEGORY_ADVICE_ANCHOR = 'category-advice';

/** What the advice of a category is worded from: its figures in the window (`report.categories[i]`). */
export type AdvisedCategory = Pick<CategoryHealth, 'discussions' | 'participants' | 'knowSomeoneRate' | 'lastDiscussionAt'>;

/**
 * One flag of a category's advice as every surface words it: what it suggests, with the figures behind it and the
 * threshold each crossed (docs/metrics.md "Category advice").
 */
export function categoryAdviceSentence(flag: CategoryAdvice, category: AdvisedCategory, thresholds: CategoryAdviceThresholds): string {
  switch (flag) {
    case 'overDunbar':
      return `over Dunbar's number: ${countOf(category.participants, 'participant')} in the window (more than ${formatCount(thresholds.overDunbarParticipants)}): consider splitting it by label or topic`;
    case 'thin':
      return `thin: ${countOf(category.discussions, 'discussion')} (fewer than ${formatCount(thresholds.thinDiscussions)}) and ${formatPercentBeside(category.knowSomeoneRate, thresholds.thinKnowSomeoneRate)} of its participants know someone (under ${formatPercent(thresholds.thinKnowSomeoneRate)}): consider merging it into a related category`;
    case 'dormant':
      return `dormant: no new discussion in the window (the last on ${formatDate(category.lastDiscussionAt)}): consider closing it`;
  }
}

/** Every flag of a category's advice in words, in the engine's order. */
export function categoryAdviceSentences(category: AdvisedCategory & Pick<CategoryHealth, 'advice'>, thresholds: CategoryAdviceThresholds): string[] {
  return category.advice.map((flag) => categoryAdviceSentence(flag, category, thresholds));
}

/** When a category is flagged, in words with the thresholds in force. */
export function categoryAdviceRule(thresholds: CategoryAdviceThresholds): string {
  return `A category is flagged over Dunbar's number with more than ${countOf(thresholds.overDunbarParticipants, 'participant')} in the window, thin with fewer than ${countOf(thresholds.thinDiscussions, 'discussion')} (but one at least) and under ${formatPercent(thresholds.thinKnowSomeoneRate)} of its participants knowing someone, dormant with no new discussion in the window.`;
}
