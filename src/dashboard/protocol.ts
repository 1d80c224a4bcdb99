// zod/mini for the webview, as in reportSchema.ts.
import * as z from 'zod/mini';
import type { FirstResponseSeries } from '../community/metrics/firstResponseSeries';
import type { LorenzPoint } from '../community/metrics/lorenz';
import { ContributorSchema, ReportSummarySchema } from '../community/reportSchema';
import { HEADLINE_IDS } from '../report/figures';
import type { HeadlineRow } from '../viewModels/health';
import { parseMessage, type ParseResult } from '../shared/messageParsing';
import { WINDOW_CHOICES } from '../shared/timeWindow';

/**
 * The one message protocol between the dashboard panel (extension host) and its webview. Both sides
 * import this file and validate every message on arrival with these schemas; anything else is dropped
 * with a message naming what was wrong. Only aggregates cross: the engine's report for the window and
 * a few chart series, never the snapshot.
 *
 * Handshake: the webview posts `ready` once its script runs (again after a reload); the host answers
 * with `show` (or `status`). Request/reply: the host's `inspect` carries a `requestId` that the
 * webview's `inspection` echoes.
 */

const HeadlineRowSchema = z.strictObject({
  id: z.enum(HEADLINE_IDS),
  label: z.string(),
  value: z.string(),
  change: z.nullable(z.strictObject({ arrow: z.enum(['▲', '▼', '=']), text: z.string(), tone: z.enum(['good', 'bad', 'neutral']) })),
  previousWindow: z.string(),
  previousFigure: z.nullable(z.string()),
  definition: z.string(),
  docsQuote: z.string(),
  missingReason: z.nullable(z.string()),
  previous: z.string(),
  tooltip: z.string(),
}) satisfies z.ZodMiniType<HeadlineRow>;

const FirstResponseSeriesSchema = z.strictObject({
  bins: z.array(z.strictObject({ label: z.string(), fromSeconds: z.number(), toSeconds: z.nullable(z.number()), count: z.number().check(z.int()) })),
  noResponse: z.number().check(z.int()),
  weeks: z.array(
    z.strictObject({
      week: z.string(),
      partial: z.boolean(),
      discussions: z.number().check(z.int()),
      responded: z.number().check(z.int()),
      medianSeconds: z.nullable(z.number()),
      medianHours: z.nullable(z.number()),
    }),
  ),
}) satisfies z.ZodMiniType<FirstResponseSeries>;

const LorenzPointSchema = z.strictObject({ responders: z.number(), responses: z.number() }) satisfies z.ZodMiniType<LorenzPoint>;

const WaitingDiscussionSchema = z.strictObject({
  number: z.number().check(z.int()),
  title: z.string(),
  author: z.string(),
  category: z.nullable(z.string()),
  bucket: z.enum(['noResponse', 'awaitingReply', 'unmarkedAnswer']),
  /** `No response`, `Author replied`, `Answer not marked`. */
  bucketLabel: z.string(),
  /** `5d`. */
  waiting: z.string(),
});

export const DashboardDataSchema = z.strictObject({
  repository: z.string(),
  windowChoice: z.enum(WINDOW_CHOICES),
  /** `Last 90 days`. */
  windowLabel: z.string(),
  /** ISO instant of the snapshot's last sync, null when unknown. */
  syncedAt: z.nullable(z.string()),
  /** `2023-03-31` when the figures are of a past moment (`communityPulse.asOf`), null when live. */
  asOf: z.nullable(z.string()),
  /** `partial: 4,200 of 20,000 discussions, newest activity first` while no sync pass has completed; null when complete. */
  partial: z.nullable(z.string()),
  headlines: z.array(HeadlineRowSchema),
  /**
   * The engine's report as the dashboard shows it: `leaders` cut to the top `LEADER_LIMIT`, without the full
   * list of contributors and of inactive regulars (the People view and the exported report have them).
   */
  report: ReportSummarySchema,
  /** How many leader candidates the report has in all. */
  leaderCount: z.number().check(z.int(), z.nonnegative()),
  /** The most active contributors who are not (yet) candidates, at most `NEAR_CANDIDATE_LIMIT`, with what they lack. */
  nearCandidates: z.array(ContributorSchema),
  firstResponse: FirstResponseSeriesSchema,
  lorenz: z.array(LorenzPointSchema),
  /** The longest-waiting discussions of Needs Response (all buckets), at most `WAITING_LIMIT`. */
  waiting: z.array(WaitingDiscussionSchema),
  /** `retentionRates[i][k]`: the engine's share of cohort i's people who posted in month i + k (null: empty cohort). */
  retentionRates: z.array(z.array(z.nullable(z.number().check(z.minimum(0), z.maximum(1))))),
});
export type DashboardData = z.infer<typeof DashboardDataSchema>;
export type { Contributor, CorePerson, CorePicture } from '../community/reportSchema';
// The webview names figures as every other surface does; it reaches the one vocabulary through this protocol.
export {
  categoryAdviceRule,
  categoryAdviceSentences,
  CORE_ROLE_LABELS,
  coreSentence,
  noCoreReason,
  figureLabel,
  leaderRule,
  NETWORK_FIGURES,
  NETWORK_NOTE,
  SCORE_COMPONENT_LABELS,
  SCORE_COMPONENTS,
} from '../report/figures';
export { CORE_PICTURE_LIMIT } from '../community/reportSchema';
export type WaitingDiscussion = z.infer<typeof WaitingDiscussionSchema>;

export const WAITING_LIMIT = 10;
export const LEADER_LIMIT = 20;
export const NEAR_CANDIDATE_LIMIT = 5;

/** What the webview rendered, as text, so tests can check it through the real DOM. */
const DomSummarySchema = z.strictObject({
  /** Section id → the rows of cell texts of its table (the text alternative of its chart). */
  tables: z.record(z.string(), z.array(z.array(z.string()))),
  /** Section id → number of chart SVGs drawn in it. */
  charts: z.record(z.string(), z.number().check(z.int())),
  /** Elements that must never come from GitHub text: any `img`, any element with an inline `on*` attribute. */
  injected: z.strictObject({ images: z.number().check(z.int()), inlineHandlers: z.number().check(z.int()) }),
  /** The dashboard's title line. */
  heading: z.string(),
  /** The "as of" notice under it, null when the dashboard shows live data. */
  asOf: z.nullable(z.string()),
  /** The "partial" banner under it, null when the data is complete. */
  partial: z.nullable(z.string()),
  /** What the page says instead of data (`Fetching …`, a problem); null when it shows data. */
  status: z.nullable(z.string()),
});
export type DomSummary = z.infer<typeof DomSummarySchema>;

/** Moments (epoch ms, the webview's clock) of the page's life up to a drawn `show`. */
const RenderTimelineSchema = z.strictObject({
  /** The webview's document started loading. */
  pageStartAt: z.number(),
  /**
   * VS Code's (empty) frame document had arrived, into which it writes the page: in code-server it waits for the
   * webview's service worker to start (null when the browser does not say).
   */
  frameArrivedAt: z.nullable(z.number()),
  /** The page's script (inside the page: nothing to fetch) began to run. */
  scriptStartedAt: z.number(),
  /** The script had been evaluated (its libraries included) and was about to say `ready`. */
  scriptReadyAt: z.number(),
  /** The `show` message arrived. */
  showReceivedAt: z.number(),
  /** It had been checked against this protocol. */
  validatedAt: z.number(),
  /** Every section had been built (the drawing code had arrived and run), before layout and paint. */
  drawnAt: z.number(),
  /** The drawn sections had been laid out and painted. */
  paintedAt: z.number(),
});
export type RenderTimeline = z.infer<typeof RenderTimelineSchema>;

export const HostMessageSchema = z.discriminatedUnion('type', [
  /** Render this data. `requestedAt` (epoch ms) is when the user asked for it, for the render time. */
  z.strictObject({ type: z.literal('show'), data: DashboardDataSchema, requestedAt: z.nullable(z.number()) }),
  z.strictObject({ type: z.literal('status'), state: z.enum(['loading', 'empty', 'error']), message: z.string() }),
  z.strictObject({ type: z.literal('inspect'), requestId: z.number().check(z.int()) }),
]);
export type HostMessage = z.infer<typeof HostMessageSchema>;

export const WebviewMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready') }),
  /**
   * A `show` was fully drawn. `elapsedMs`: from `requestedAt` to the end of drawing (null without one);
   * `renderMs`: the drawing alone; `timeline`: where the time went. Both end at the first paint; the pictures
   * laid out after it (`layoutMs`) are drawn before this is sent.
   */
  z.strictObject({
    type: z.literal('rendered'),
    requestedAt: z.nullable(z.number()),
    elapsedMs: z.nullable(z.number()),
    renderMs: z.number(),
    timeline: RenderTimelineSchema,
    /** The "Who knows whom" picture's force layout, run after the first paint, in ms (null: no picture to lay out). */
    layoutMs: z.nullable(z.number()),
  }),
  z.strictObject({ type: z.literal('chooseWindow'), choice: z.enum(WINDOW_CHOICES) }),
  z.strictObject({ type: z.literal('openDiscussion'), number: z.number().check(z.int(), z.positive()) }),
  z.strictObject({ type: z.literal('openProfile'), login: z.string().check(z.minLength(1), z.maxLength(100)) }),
  /** A person of the "Who knows whom" picture was clicked: reveal their entry in the People view. */
  z.strictObject({ type: z.literal('showPerson'), login: z.string().check(z.minLength(1), z.maxLength(100)) }),
  z.strictObject({ type: z.literal('exportReport') }),
  z.strictObject({ type: z.literal('refresh') }),
  z.strictObject({ type: z.literal('inspection'), requestId: z.number().check(z.int()), summary: DomSummarySchema }),
  /** The webview dropped an invalid message or failed to draw; the host logs it. */
  z.strictObject({ type: z.literal('problem'), message: z.string() }),
]);
export type WebviewMessage = z.infer<typeof WebviewMessageSchema>;

export type { ParseResult } from '../shared/messageParsing';

export function parseHostMessage(raw: unknown): ParseResult<HostMessage> {
  return parseMessage(HostMessageSchema, raw, 'extension');
}

export function parseWebviewMessage(raw: unknown): ParseResult<WebviewMessage> {
  return parseMessage(WebviewMessageSchema, raw, 'dashboard webview');
}

/** The webview panel's type: also the serializer's key and the `onWebviewPanel:` activation event. */
