import * as vscode from 'vscode';
import type { Discussion } from '../community/model';
import type { AnalysisService } from '../controller/analysisService';
import type { GitHubConnection } from '../controller/gitHubConnection';
import type { PulseController, PulseData } from '../controller/pulseController';
import { runDiscussionMutation, MutationError, type DiscussionMutation } from '../github/discussionMutations';
import type { DiscussionThread, Label } from '../github/discussionThread';
import { fetchDiscussionThread } from '../github/discussionThreadFetch';
import { discussionNodeOf } from '../github/threadToNode';
import { profileUrl, safeWebUrl } from '../github/webLinks';
import { errorMessage } from '../shared/errorMessage';
import { DisposableBase } from '../shared/lifecycle';
import { nextEvent, WebviewRequests } from '../shared/webviewRequests';
import { mergeDiscussionIntoSnapshot } from '../sync/mergeDiscussion';
import { communityRoles, discussionPage, type CommunityRoles, type DiscussionPageInput } from './discussionPage';
import type { DraftStore } from './draftStore';
import { routeLink } from './linkRoute';
import {
  DiscussionHostMessageSchema,
  parseDiscussionWebviewMessage,
  type DiscussionAction,
  type DiscussionDomSummary,
  type DiscussionHostMessage,
  type DiscussionTabState,
  type DiscussionWebviewMessage,
  type SnoozeChoice,
} from './protocol';

/** What the webview reported after drawing a `show`, with where the time went on the host. */
export interface DiscussionRenderReport {
  readonly requestedAt: number | null;
  /** From the request (command) to the page painted, measured in the webview. */
  readonly elapsedMs: number | null;
  /** From the `show` arriving in the page to the page painted. */
  readonly renderMs: number;
  /** Of `renderMs`, checking the message and building the DOM (the rest is layout and paint). */
  readonly drawMs: number;
  readonly timeline: DiscussionHostTimeline;
  /** Size of the `show` message drawn, as JSON. */
  readonly messageBytes: number;
}

/** Moments (epoch ms) on the host before the `show` drawn; null when it did not happen for this tab. */
export interface DiscussionHostTimeline {
  readonly panelCreatedAt: number;
  /** The page's latest `ready` arrived (its script ran). */
  readonly pageReadyAt: number | null;
  /** The latest fetch of the thread (every page of it) was done. */
  readonly fetchedAt: number | null;
  /** The page model of the `show` was built. */
  readonly builtAt: number;
  readonly showSentAt: number;
}

/** The outcome of an action, as the page hears it. */
export interface ActionOutcome {
  readonly ok: boolean;
  readonly message: string | null;
}

/** Local snoozes of the current repository, as the Discussion view uses them. */
export interface DiscussionSnoozes {
  /** `Until 2026-12-01 09:00 UTC`, null when not snoozed. */
  labelOf(discussionId: string): string | null;
  snooze(discussionId: string, choice: SnoozeChoice): Promise<void>;
  wake(discussionId: string): Promise<void>;
}

/** Who the saved replies are filled in for. */
export interface SavedReplyContext {
  readonly author: string;
  readonly number: number;
  readonly maintainer: string;
}

export interface DiscussionPanelDependencies {
  readonly controller: PulseController;
  readonly analysis: AnalysisService;
  readonly log: vscode.LogOutputChannel;
  readonly drafts: DraftStore;
  readonly snoozes: DiscussionSnoozes;
  /** The context panel's author history, helpers (never `viewer` themselves) and similar discussions. */
  readonly assist: (data: PulseData, discussion: Discussion, viewer: string | null) => DiscussionPageInput['assist'];
  /** `communityPulse.savedReplies` with their placeholders filled in. */
  readonly savedReplies: (context: SavedReplyContext) => DiscussionPageInput['savedReplies'];
  /** The repository's labels, fetched once per repository and kept. */
  readonly repositoryLabels: (connection: GitHubConnection) => Promise<readonly Label[]>;
  /** The page's HTML for this webview (a fresh nonce each time). */
  readonly pageHtml: (webview: vscode.Webview) => string;
  readonly iconPath: vscode.Uri;
  /** Opens (or focuses) the tab of a discussion of the current repository. */
  readonly openDiscussion: (number: number, postId: string | null) => void;
}

const TITLE_LENGTH = 30;
/** Request ids of actions sent through the API (tests), apart from the page's own. */
let nextApiRequestId = 1_000_000;

/** The people roles of one data, computed once however many tabs show it. */
const rolesByData = new WeakMap<PulseData, CommunityRoles>();

/**
 * One Discussion tab: fetches its thread from its creation, builds the page model and posts it on the page's `ready`, and runs what the
 * page asks for — GitHub changes (then the discussion is fetched again and merged into the snapshot, so every view
 * follows), drafts, links, snoozes. The thread's bodies live here only while the tab is open.
 */
export class DiscussionPanel extends DisposableBase {
  private thread: DiscussionThread | null = null;
  private labels: readonly Label[] | null = null;
  /** The signed-in login, once known (for `{maintainer}` in saved replies). */
  private viewer: string | null = null;
  private pendingRequestedAt: number | null;
  private focusPostId: string | null;
  private loading: Promise<void> | null = null;
  /** The fetch started with the tab, while it runs. */
  private prefetched: Promise<boolean> | null = null;
  /**
   * The panel's first page: nothing shown to it yet, shown before it said `ready` (VS Code holds the message until
   * the page has loaded, so the thread fetched meanwhile is drawn without a round trip), or it said `ready`, after
   * which every new page of the panel (reloaded, restored) asks.
   */
  private firstPage: 'unsent' | 'sent' | 'ready' = 'unsent';
  private readonly panelCreatedAt = Date.now();
  private pageReadyAt: number | null = null;
  private fetchedAt: number | null = null;
  private lastShow = { builtAt: 0, showSentAt: 0, bytes: 0 };
  private readonly inspections: WebviewRequests<DiscussionDomSummary>;
  private readonly outcomes = new Map<number, (outcome: ActionOutcome) => void>();
  private readonly rendered = this.register(new vscode.EventEmitter<DiscussionRenderReport>());
  readonly onDidRender = this.rendered.event;
  private readonly disposed = this.register(new vscode.EventEmitter<void>());
  readonly onDidDispose = this.disposed.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly tab: DiscussionTabState,
    private readonly deps: DiscussionPanelDependencies,
    options: { readonly requestedAt: number | null; readonly focusPostId: string | null },
  ) {
    super();
    this.inspections = new WebviewRequests(`the Discussion tab of #${tab.number}`);
    this.pendingRequestedAt = options.requestedAt;
    this.focusPostId = options.focusPostId;
    panel.iconPath = deps.iconPath;
    panel.title = `#${tab.number}`;
    panel.webview.html = deps.pageHtml(panel.webview);
    // Registered before its subscriptions, so it is disposed after them (newest first).
    this.register(panel);
    this.register(panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)));
    this.register(panel.onDidDispose(() => this.dispose()));
    this.prefetched = this.prefetch().finally(() => (this.prefetched = null));
  }

  get number(): number {
    return this.tab.number;
  }

  /** The discussion on GitHub, once fetched. */
  get url(): string | null {
    return this.thread?.discussion.url ?? null;
  }

  /** Brings the tab forward; a post to focus (from a leader's evidence or a similar discussion) is scrolled to. */
  reveal(requestedAt: number, focusPostId: string | null): void {
    this.pendingRequestedAt = requestedAt;
    this.focusPostId = focusPostId;
    this.panel.reveal();
    if (this.thread) this.show();
  }

  nextRender(): Promise<DiscussionRenderReport> {
    return nextEvent(this.onDidRender);
  }

  inspect(): Promise<DiscussionDomSummary> {
    return this.inspections.ask((requestId) => this.post({ type: 'inspect', requestId }));
  }

  /** Runs an action as if the page had asked for it; resolves with what the page would be told. */
  act(action: DiscussionAction): Promise<ActionOutcome> {
    const requestId = nextApiRequestId++;
    return new Promise((resolve) => {
      this.outcomes.set(requestId, resolve);
      this.receive({ type: 'action', requestId, action });
    });
  }

  private receive(raw: unknown): void {
    const parsed = parseDiscussionWebviewMessage(raw);
    if (!parsed.ok) {
      this.deps.log.warn(`Discussion #${this.tab.number}: ignored a message: ${parsed.error}`);
      return;
    }
    void this.handle(parsed.message).catch((error: unknown) =>
      this.deps.log.error(`Discussion #${this.tab.number}: "${parsed.message.type}" failed: ${errorMessage(error)}`),
    );
  }

  private async handle(message: DiscussionWebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready': {
        this.pageReadyAt = Date.now();
        const shownWithPage = this.firstPage === 'sent';
        this.firstPage = 'ready';
        if (shownWithPage) return;
        if (this.thread) this.show();
        else await this.load();
        return;
      }
      case 'refresh':
        await this.load();
        return;
      case 'rendered':
        this.deps.log.debug(`Discussion #${this.tab.number} drawn in ${Math.round(message.renderMs)} ms.`);
        this.rendered.fire({
          requestedAt: message.requestedAt,
          elapsedMs: message.elapsedMs,
          renderMs: message.renderMs,
          drawMs: message.drawMs,
          timeline: { panelCreatedAt: this.panelCreatedAt, pageReadyAt: this.pageReadyAt, fetchedAt: this.fetchedAt, ...this.lastShow },
          messageBytes: this.lastShow.bytes,
        });
        return;
      case 'action':
        this.settle(message.requestId, await this.perform(message.action));
        return;
      case 'draft':
        await this.deps.drafts.set(this.tab.repository, this.tab.number, { text: message.text, replyToId: message.replyToId });
        return;
      case 'openLink':
        await this.openLink(message.href);
        return;
      case 'openDiscussion':
        this.deps.openDiscussion(message.number, message.postId);
        return;
      case 'openProfile':
        await this.openWebPage(profileUrl(this.apiUrl, message.login));
        return;
      case 'loadLabels': {
        const connection = await this.connection();
        if (!connection) return;
        this.labels = await this.deps.repositoryLabels(connection);
        this.show();
        return;
      }
      case 'inspection':
        this.inspections.answer(message.requestId, message.summary);
        return;
      case 'problem':
        this.deps.log.warn(`Discussion #${this.tab.number} webview: ${message.message}`);
        return;
    }
  }

  private get apiUrl(): string {
    return this.deps.controller.data?.settings.apiUrl ?? '';
  }

  private async connection(): Promise<GitHubConnection | null> {
    const connection = await this.deps.controller.connection();
    if (!connection) {
      this.post({ type: 'status', state: 'error', message: 'Sign in to GitHub and choose the repository to read this discussion.' });
      return null;
    }
    if (connection.repository.toLowerCase() !== this.tab.repository.toLowerCase()) {
      this.post({
        type: 'status',
        state: 'error',
        message: `This tab shows a discussion of ${this.tab.repository}; Community Pulse now follows ${connection.repository}.`,
      });
      return null;
    }
    return connection;
  }

  /** Fetches the thread (one load at a time) and shows it. */
  private load(): Promise<void> {
    this.loading ??= this.fetchAndShow().finally(() => (this.loading = null));
    return this.loading;
  }

  /**
   * Fetches the thread while VS Code creates the webview and its page loads (the page's `ready` shows it): the two
   * take about as long. Quietly false when that did not work; the fetch on `ready` then says why, as without it.
   */
  private async prefetch(): Promise<boolean> {
    const connection = await this.deps.controller.connection().catch(() => null);
    if (!connection || connection.repository.toLowerCase() !== this.tab.repository.toLowerCase()) return false;
    try {
      const fetched = this.fetchWith(connection);
      // While GitHub answers: the community's roles and the assist index, built once per data, are then ready for the show.
      const data = this.deps.controller.data;
      const stored = data?.community.discussions.find((found) => found.id === this.tab.id);
      if (data && stored) {
        this.rolesOf(data);
        this.deps.assist(data, stored, null);
      }
      await fetched;
      if (this.thread === null) return false;
      if (this.firstPage === 'unsent') {
        this.firstPage = 'sent';
        this.show();
      }
      return true;
    } catch {
      return false;
    }
  }

  private async fetchWith(connection: GitHubConnection): Promise<void> {
    const [thread, viewer] = await Promise.all([fetchDiscussionThread(connection.runner, this.tab.id), connection.viewerLogin().catch(() => null)]);
    // The bodies are kept for open tabs only.
    if (this.isDisposed) return;
    this.thread = thread;
    this.viewer = viewer;
    this.fetchedAt = Date.now();
  }

  private async fetchAndShow(): Promise<void> {
    this.post({ type: 'status', state: 'loading', message: `Fetching #${this.tab.number}…` });
    const prefetched = this.prefetched;
    this.prefetched = null;
    if (prefetched && (await prefetched)) {
      this.show();
      return;
    }
    const connection = await this.connection();
    if (!connection) return;
    try {
      await this.fetchWith(connection);
    } catch (error) {
      this.post({ type: 'status', state: 'error', message: errorMessage(error) });
      return;
    }
    if (!this.thread) {
      this.post({ type: 'status', state: 'error', message: `Discussion #${this.tab.number} no longer exists on GitHub (or is not visible to you).` });
      return;
    }
    this.show();
  }

  private show(): void {
    const thread = this.thread;
    if (!thread || this.isDisposed) return;
    const data = this.deps.controller.data;
    const stored = data?.community.discussions.find((found) => found.id === this.tab.id);
    const author = thread.discussion.author?.login ?? 'ghost';
    const page = discussionPage({
      thread,
      apiUrl: this.apiUrl || thread.discussion.repository.url,
      assist: data && stored ? this.deps.assist(data, stored, this.viewer) : { author: { login: author, facts: [], helpedBy: [] }, helpers: [], similar: [] },
      roles: data ? this.rolesOf(data) : NO_ROLES,
      snoozeLabel: this.deps.snoozes.labelOf(this.tab.id),
      draft: this.deps.drafts.get(this.tab.repository, this.tab.number),
      savedReplies: this.deps.savedReplies({ author, number: thread.discussion.number, maintainer: this.viewer ?? 'the maintainers' }),
      repositoryLabels: this.labels,
      now: Date.now(),
    });
    const builtAt = Date.now();
    this.panel.title = tabTitle(thread.discussion.number, thread.discussion.title);
    const requestedAt = this.pendingRequestedAt;
    this.pendingRequestedAt = null;
    const message: DiscussionHostMessage = { type: 'show', page, focusPostId: this.focusPostId, requestedAt };
    this.post(message);
    this.lastShow = { builtAt, showSentAt: Date.now(), bytes: Buffer.byteLength(JSON.stringify(message)) };
    this.focusPostId = null;
  }

  private rolesOf(data: PulseData): CommunityRoles {
    let roles = rolesByData.get(data);
    if (!roles) {
      const leaders = this.deps.analysis.current?.report.leaders.map((leader) => leader.login) ?? [];
      roles = communityRoles(data.community, data.people, leaders);
      rolesByData.set(data, roles);
    }
    return roles;
  }

  private async perform(action: DiscussionAction): Promise<ActionOutcome> {
    switch (action.kind) {
      case 'snooze':
        await this.deps.snoozes.snooze(this.tab.id, action.choice);
        this.show();
        return { ok: true, message: null };
      case 'unsnooze':
        await this.deps.snoozes.wake(this.tab.id);
        this.show();
        return { ok: true, message: null };
      case 'delete': {
        const confirmed = await vscode.window.showWarningMessage(
          'Delete this comment on GitHub?',
          { modal: true, detail: 'It is deleted for everyone, with its replies. This cannot be undone.' },
          'Delete',
        );
        if (confirmed !== 'Delete') return { ok: false, message: null };
        break;
      }
      default:
        break;
    }
    const connection = await this.connection();
    if (!connection) return { ok: false, message: 'Sign in to GitHub to change this discussion.' };
    try {
      await runDiscussionMutation(connection.client, mutationOf(action, this.tab.id), connection.repository);
    } catch (error) {
      const message = error instanceof MutationError ? error.message : `Could not change #${this.tab.number}: ${errorMessage(error)}`;
      this.deps.log.warn(`Discussion #${this.tab.number}: ${action.kind} failed: ${message}`);
      return { ok: false, message };
    }
    if (action.kind === 'reply') await this.deps.drafts.clear(this.tab.repository, this.tab.number);
    return this.refetchAndMerge(connection);
  }

  /** After a change on GitHub: the discussion fetched again replaces the stored one, so every view changes at once. */
  private async refetchAndMerge(connection: GitHubConnection): Promise<ActionOutcome> {
    try {
      const thread = await fetchDiscussionThread(connection.runner, this.tab.id);
      await this.deps.controller.changeSnapshot((store) =>
        mergeDiscussionIntoSnapshot(store, connection.repository, { id: this.tab.id, node: thread && discussionNodeOf(thread) }),
      );
      this.thread = thread;
      return { ok: true, message: null };
    } catch (error) {
      const message = `Done on GitHub, but fetching #${this.tab.number} again failed: ${errorMessage(error)}. Refresh to see it.`;
      this.deps.log.warn(message);
      return { ok: true, message };
    }
  }

  /** Answers the page (or the API caller), then shows the discussion as it is now. */
  private settle(requestId: number, outcome: ActionOutcome): void {
    this.post({ type: 'actionResult', requestId, ok: outcome.ok, message: outcome.message });
    const resolve = this.outcomes.get(requestId);
    this.outcomes.delete(requestId);
    if (outcome.ok) this.show();
    resolve?.(outcome);
  }

  private async openLink(href: string): Promise<void> {
    const repositoryUrl = this.thread?.discussion.repository.url;
    const community = this.deps.controller.data?.community;
    if (!repositoryUrl || !this.apiUrl) return;
    const route = routeLink(href, {
      repositoryUrl,
      apiUrl: this.apiUrl,
      hasDiscussion: (number) => community?.discussions.some((found) => found.number === number) ?? false,
    });
    switch (route.kind) {
      case 'discussion':
        this.deps.openDiscussion(route.number, null);
        return;
      case 'external':
        await vscode.env.openExternal(vscode.Uri.parse(route.url));
        return;
      case 'ignored':
        this.deps.log.info(`Discussion #${this.tab.number}: did not open a link: ${route.reason}.`);
        return;
    }
  }

  private async openWebPage(url: string): Promise<void> {
    const link = this.apiUrl ? safeWebUrl(url, this.apiUrl) : null;
    if (link) await vscode.env.openExternal(vscode.Uri.parse(link));
  }

  private post(message: DiscussionHostMessage): void {
    if (this.isDisposed) return;
    const checked = DiscussionHostMessageSchema.safeParse(message);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      this.deps.log.error(`Discussion #${this.tab.number}: not sending an invalid "${message.type}" message (${issue?.path.join('.')}: ${issue?.message}).`);
      return;
    }
    void this.panel.webview.postMessage(message);
  }

  override dispose(): void {
    if (this.isDisposed) return;
    // The bodies are kept for open tabs only.
    this.thread = null;
    this.disposed.fire();
    super.dispose();
  }
}

const NO_ROLES: CommunityRoles = { isMaintainer: () => false, isBot: () => false, isLeaderCandidate: () => false, firstPostId: () => undefined };

/** `#123 How do I configure the…`. */
export function tabTitle(number: number, title: string): string {
  return `#${number} ${title.length > TITLE_LENGTH ? `${title.slice(0, TITLE_LENGTH - 1).trimEnd()}…` : title}`;
}

/** The page's action as GitHub's mutation on this discussion. */
function mutationOf(action: Exclude<DiscussionAction, { kind: 'snooze' | 'unsnooze' }>, discussionId: string): DiscussionMutation {
  switch (action.kind) {
    case 'reply':
      return { kind: 'reply', discussionId, body: action.body, replyToId: action.replyToId };
    case 'edit':
      return { kind: 'edit', commentId: action.postId, body: action.body };
    case 'delete':
      return { kind: 'delete', commentId: action.postId };
    case 'markAnswer':
      return { kind: 'markAnswer', commentId: action.postId };
    case 'unmarkAnswer':
      return { kind: 'unmarkAnswer', commentId: action.postId };
    case 'close':
      return { kind: 'close', discussionId, reason: action.reason };
    case 'reopen':
      return { kind: 'reopen', discussionId };
    case 'addLabels':
      return { kind: 'addLabels', discussionId, labelIds: action.labelIds };
    case 'removeLabels':
      return { kind: 'removeLabels', discussionId, labelIds: action.labelIds };
    case 'lock':
      return { kind: 'lock', discussionId, reason: action.reason };
    case 'unlock':
      return { kind: 'unlock', discussionId };
  }
}
