// zod/mini for the webview, as in the dashboard's protocol.
import * as z from 'zod/mini';
import { parseMessage, type ParseResult } from '../shared/messageParsing';

/**
 * The one message protocol between a Discussion tab (extension host) and its webview. Both sides import this file
 * and validate every message on arrival; anything else is dropped with a message naming what was wrong.
 *
 * The host does all the work: it fetches the thread, computes the author's history, who can help and similar
 * discussions from the snapshot, formats every time and figure, and sends one `DiscussionPage`. The webview draws
 * it, renders the reply preview (shared/githubMarkdown.ts, then DOMPurify, as it sanitises GitHub's `bodyHTML`),
 * and asks for actions. Nothing is posted to GitHub without a user's click.
 *
 * Handshake: the webview posts `ready` once its script runs (again after a reload or a restore); the host answers
 * with `show` (or `status`). Every `action` carries a `requestId` that the host's `actionResult` echoes: on success
 * a fresh `show` follows (the discussion fetched again); on failure nothing changed and the draft stays.
 */

const int = () => z.number().check(z.int());
const nonEmpty = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
/** GitHub's longest body: 65,536 characters. A longer reply is refused before it is sent, with the draft kept. */
export const MAX_BODY_LENGTH = 65_536;
const nodeId = nonEmpty(200);

/** How a post's author relates to this discussion and community; each shows as a badge. */
export const AUTHOR_ROLES = ['maintainer', 'bot', 'discussionAuthor', 'firstTimePoster', 'leaderCandidate'] as const;
export type AuthorRole = (typeof AUTHOR_ROLES)[number];
export const AUTHOR_ROLE_LABELS: Record<AuthorRole, string> = {
  maintainer: 'Maintainer',
  bot: 'Bot',
  discussionAuthor: 'Author',
  firstTimePoster: 'First-time poster',
  leaderCandidate: 'Leader candidate',
};

const LabelSchema = z.strictObject({ id: nodeId, name: z.string(), color: z.string().check(z.regex(/^[0-9a-fA-F]{6}$/)) });
export type PageLabel = z.infer<typeof LabelSchema>;

const PostFields = {
  /** GitHub node id. */
  id: nodeId,
  kind: z.enum(['opening', 'comment', 'reply']),
  /** `ghost` for a deleted account. */
  author: z.string(),
  roles: z.array(z.enum(AUTHOR_ROLES)),
  /** `3 days ago`. */
  createdLabel: z.string(),
  /** `2026-11-27 10:32 UTC`: on hover. */
  createdExact: z.string(),
  edited: z.boolean(),
  upvotes: int(),
  isAnswer: z.boolean(),
  status: z.enum(['visible', 'deleted', 'minimized']),
  /** `Hidden as off-topic`, null unless minimized. */
  statusNote: z.nullable(z.string()),
  /** GitHub's `bodyHTML`, sanitised again in the webview. Empty: the data set has no text for it (never invented). */
  bodyHTML: z.string(),
  /** The Markdown source, for editing one's own post. */
  body: z.string(),
  /** The post on github.com. */
  url: z.string(),
  can: z.strictObject({ reply: z.boolean(), edit: z.boolean(), delete: z.boolean(), markAnswer: z.boolean(), unmarkAnswer: z.boolean() }),
};
const PostSchema = z.strictObject(PostFields);
export type PagePost = z.infer<typeof PostSchema>;
const CommentSchema = z.strictObject({ ...PostFields, replies: z.array(PostSchema) });
export type PageComment = z.infer<typeof CommentSchema>;

export const CLOSE_REASONS = ['RESOLVED', 'OUTDATED', 'DUPLICATE'] as const;
export const LOCK_REASONS = ['OFF_TOPIC', 'RESOLVED', 'SPAM', 'TOO_HEATED'] as const;

const FactSchema = z.strictObject({ label: z.string(), value: z.string() });

export const DiscussionPageSchema = z.strictObject({
  repository: z.string(),
  /** `https://github.com/owner/name`: relative links and `#123` resolve against it. */
  repositoryUrl: z.string(),
  /** `https://github.com`: `@login` links point there. */
  webUrl: z.string(),
  number: int(),
  title: z.string(),
  url: z.string(),
  category: z.nullable(z.strictObject({ name: z.string(), answerable: z.boolean() })),
  labels: z.array(LabelSchema),
  state: z.strictObject({
    closed: z.boolean(),
    /** `Open`, `Closed as resolved`, `Closed as duplicate`, `Closed as outdated`. */
    label: z.string(),
    locked: z.boolean(),
    /** `Locked as off-topic`, null when not locked. */
    lockLabel: z.nullable(z.string()),
  }),
  opening: PostSchema,
  /** Oldest first, the chosen answer moved to the front (as GitHub shows it), each with its replies oldest first. */
  comments: z.array(CommentSchema),
  /** `12 comments · 30 replies`. */
  countLabel: z.string(),
  /** False for a data set without bodies (the bundled real sample): the page says so instead of showing empty posts. */
  bodiesInData: z.boolean(),
  can: z.strictObject({ reply: z.boolean(), close: z.boolean(), reopen: z.boolean(), label: z.boolean(), lock: z.boolean(), unlock: z.boolean() }),
  /** The repository's labels for the picker; null until fetched (`loadLabels`). */
  repositoryLabels: z.nullable(z.array(LabelSchema)),
  /** The author's history in this community, from the snapshot: `First post here`, `Questions answered: 3 of 4`… */
  author: z.strictObject({
    login: z.string(),
    facts: z.array(FactSchema),
    /** People who answered the author before, most often first. */
    helpedBy: z.array(z.string()),
  }),
  /** Up to three people most likely to help, best first, each with the evidence in words. */
  helpers: z.array(z.strictObject({ login: z.string(), roles: z.array(z.enum(AUTHOR_ROLES)), evidence: z.string() })),
  /** Up to five answered discussions whose titles resemble this one. */
  similar: z.array(
    z.strictObject({
      number: int(),
      title: z.string(),
      url: z.string(),
      /** The chosen answer's post id, to open the discussion at it; null when it is not known. */
      answerPostId: z.nullable(z.string()),
      /** `answered by @x, 3 months ago`. */
      detail: z.string(),
    }),
  ),
  /** `communityPulse.savedReplies` with `{author}`, `{number}` and `{maintainer}` filled in. */
  savedReplies: z.array(z.strictObject({ title: z.string(), body: z.string() })),
  /** The draft kept for this discussion (per repository, across restarts), null when none. */
  draft: z.nullable(z.strictObject({ text: z.string(), replyToId: z.nullable(z.string()) })),
  /** Local snooze: hidden from Needs Response until then. */
  snooze: z.nullable(z.strictObject({ label: z.string() })),
  /** `Fetched just now` / `Fetched 3 min ago`. */
  fetchedLabel: z.string(),
});
export type DiscussionPage = z.infer<typeof DiscussionPageSchema>;

/** The snooze choices the page offers, as the Needs Response "Snooze…" picker does. */
export const SNOOZE_CHOICES = ['1d', '3d', '7d', 'activity'] as const;
export type SnoozeChoice = (typeof SNOOZE_CHOICES)[number];

const ActionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('reply'), body: z.string(), replyToId: z.nullable(nodeId) }),
  z.strictObject({ kind: z.literal('edit'), postId: nodeId, body: z.string() }),
  z.strictObject({ kind: z.literal('delete'), postId: nodeId }),
  z.strictObject({ kind: z.literal('markAnswer'), postId: nodeId }),
  z.strictObject({ kind: z.literal('unmarkAnswer'), postId: nodeId }),
  z.strictObject({ kind: z.literal('close'), reason: z.enum(CLOSE_REASONS) }),
  z.strictObject({ kind: z.literal('reopen') }),
  z.strictObject({ kind: z.literal('addLabels'), labelIds: z.array(nodeId).check(z.minLength(1)) }),
  z.strictObject({ kind: z.literal('removeLabels'), labelIds: z.array(nodeId).check(z.minLength(1)) }),
  z.strictObject({ kind: z.literal('lock'), reason: z.nullable(z.enum(LOCK_REASONS)) }),
  z.strictObject({ kind: z.literal('unlock') }),
  z.strictObject({ kind: z.literal('snooze'), choice: z.enum(SNOOZE_CHOICES) }),
  z.strictObject({ kind: z.literal('unsnooze') }),
]);
export type DiscussionAction = z.infer<typeof ActionSchema>;

/** What the page shows, as text, so tests can check it through the real DOM. */
const DiscussionDomSummarySchema = z.strictObject({
  title: z.string(),
  state: z.string(),
  labels: z.array(z.string()),
  /** Posts in page order, replies after their comment. */
  posts: z.array(
    z.strictObject({
      id: z.string(),
      kind: z.string(),
      author: z.string(),
      isAnswer: z.boolean(),
      status: z.string(),
      text: z.string(),
      roles: z.array(z.string()),
    }),
  ),
  /** Labels of the action buttons shown (page and posts). */
  actions: z.array(z.string()),
  helpers: z.array(z.string()),
  similar: z.array(int()),
  authorFacts: z.array(z.string()),
  replyBox: z.strictObject({ text: z.string(), replyToId: z.nullable(z.string()), error: z.nullable(z.string()) }),
  /** Anything GitHub text must never bring: scripts, inline handlers, frames, styles, non-https images. */
  injected: z.strictObject({ scripts: int(), inlineHandlers: int(), frames: int(), styles: int(), unsafeImages: int(), javascriptLinks: int() }),
});
export type DiscussionDomSummary = z.infer<typeof DiscussionDomSummarySchema>;

export const DiscussionHostMessageSchema = z.discriminatedUnion('type', [
  /** Draw this page. `focusPostId`: scroll to and highlight that post (opened from a leader's evidence or a similar discussion). */
  z.strictObject({ type: z.literal('show'), page: DiscussionPageSchema, focusPostId: z.nullable(z.string()), requestedAt: z.nullable(z.number()) }),
  z.strictObject({ type: z.literal('status'), state: z.enum(['loading', 'error']), message: z.string() }),
  /** The outcome of `action` `requestId`. A failure's message says what went wrong and what to do. */
  z.strictObject({ type: z.literal('actionResult'), requestId: int(), ok: z.boolean(), message: z.nullable(z.string()) }),
  z.strictObject({ type: z.literal('inspect'), requestId: int() }),
]);
export type DiscussionHostMessage = z.infer<typeof DiscussionHostMessageSchema>;

export const DiscussionWebviewMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready') }),
  /**
   * A `show` was drawn and painted; `elapsedMs` from its `requestedAt` (null without one), `renderMs` from its arrival,
   * `drawMs` the part of it spent checking the message and building the DOM (the rest is layout and paint).
   */
  z.strictObject({
    type: z.literal('rendered'),
    requestedAt: z.nullable(z.number()),
    elapsedMs: z.nullable(z.number()),
    renderMs: z.number(),
    drawMs: z.number(),
  }),
  z.strictObject({ type: z.literal('action'), requestId: int(), action: ActionSchema }),
  /** The reply box changed (debounced): kept per discussion across tab closes and restarts. Empty text clears it. */
  z.strictObject({ type: z.literal('draft'), text: z.string(), replyToId: z.nullable(nodeId) }),
  /** A link was clicked: the host opens a discussion of this repository in its tab, anything else through `openExternal`. */
  z.strictObject({ type: z.literal('openLink'), href: nonEmpty(4096) }),
  z.strictObject({ type: z.literal('openDiscussion'), number: int().check(z.positive()), postId: z.nullable(nodeId) }),
  z.strictObject({ type: z.literal('openProfile'), login: nonEmpty(100) }),
  z.strictObject({ type: z.literal('loadLabels') }),
  z.strictObject({ type: z.literal('refresh') }),
  z.strictObject({ type: z.literal('inspection'), requestId: int(), summary: DiscussionDomSummarySchema }),
  /** The webview dropped an invalid message or failed to draw; the host logs it. */
  z.strictObject({ type: z.literal('problem'), message: z.string() }),
]);
export type DiscussionWebviewMessage = z.infer<typeof DiscussionWebviewMessageSchema>;

export function parseDiscussionHostMessage(raw: unknown): ParseResult<DiscussionHostMessage> {
  return parseMessage(DiscussionHostMessageSchema, raw, 'extension');
}

export function parseDiscussionWebviewMessage(raw: unknown): ParseResult<DiscussionWebviewMessage> {
  return parseMessage(DiscussionWebviewMessageSchema, raw, 'discussion webview');
}

/** What a restored tab keeps (`vscode.setState`), to fetch its discussion again. */
export const DiscussionTabStateSchema = z.strictObject({ repository: z.string(), number: int(), id: nodeId });
export type DiscussionTabState = z.infer<typeof DiscussionTabStateSchema>;
