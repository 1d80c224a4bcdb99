import * as vscode from 'vscode';
import type { TriageService } from '../controller/triageService';
import type { PulseController } from '../controller/pulseController';
import { HostMessageSchema, parseWebviewMessage, type DomSummary, type HostMessage, type RenderTimeline, type WebviewMessage } from './protocol';
import { COMMAND_IDS } from '../shared/contributionIds';
import { errorMessage } from '../shared/errorMessage';
import { DisposableBase } from '../shared/lifecycle';
import { nextEvent, WebviewRequests } from '../shared/webviewRequests';
import type { AnalysisService } from '../controller/analysisService';
import { profileUrl, safeWebUrl } from '../github/webLinks';
import { toDashboardData } from './dashboardData';
import { webviewShellFor } from '../shared/webviewHtml';
import { dashboardHtml } from './html';

/** What the webview reported after drawing a `show`; also what the benchmark reads. */
export interface RenderReport {
  readonly requestedAt: number | null;
  /** From the request (command) to the end of drawing, measured in the webview. */
  readonly elapsedMs: number | null;
  readonly renderMs: number;
  /** The webview's moments, and when the host sent the `show` (after computing what it holds). */
  readonly timeline: RenderTimeline & { readonly showSentAt: number };
  /** Size of the `show` message drawn, as JSON. */
  readonly messageBytes: number;
  /** The "Who knows whom" picture's force layout after the first paint, measured in the webview (null: no picture). */
  readonly layoutMs: number | null;
}

export interface DashboardDependencies {
  readonly extensionUri: vscode.Uri;
  readonly analysis: AnalysisService;
  readonly triage: TriageService;
  readonly controller: PulseController;
  readonly log: vscode.LogOutputChannel;
}

/**
 * One dashboard panel: its page, and the protocol on the host side — validate what arrives, answer
 * `ready` with the current data, redraw when the analysis changes, run the actions the webview asks for.
 */
export class DashboardPanel extends DisposableBase {
  private pendingRequestedAt: number | null = null;
  private lastShow = { bytes: 0, sentAt: 0 };
  /**
   * The panel's first page: nothing posted to it yet, something posted before it said `ready` (VS Code holds it
   * until the page has loaded), or it said `ready`, after which every new page of the panel asks.
   */
  private firstPage: 'unsent' | 'sent' | 'ready' = 'unsent';
  /** The analysis changed while the panel was hidden: its page shows older data. */
  private changedWhileHidden = false;
  private readonly inspections = new WebviewRequests<DomSummary>('the dashboard webview');
  private readonly rendered = this.register(new vscode.EventEmitter<RenderReport>());
  /** Fires each time the webview finishes drawing data. */
  readonly onDidRender = this.rendered.event;
  private readonly disposed = this.register(new vscode.EventEmitter<void>());
  readonly onDidDispose = this.disposed.event;
  /** Bytes of every message sent to the webview since the panel opened. */
  sentBytes = 0;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly deps: DashboardDependencies,
  ) {
    super();
    const dist = vscode.Uri.joinPath(deps.extensionUri, 'dist');
    panel.webview.options = { enableScripts: true, localResourceRoots: [dist] };
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'community-pulse.svg');
    panel.webview.html = dashboardHtml(webviewShellFor('webview', dist.fsPath, panel.webview.cspSource));
    // Registered before its subscriptions, so it is disposed after them (newest first) and they do not hear it go.
    this.register(panel);
    this.register(panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)));
    // The page is kept while hidden (retainContextWhenHidden) but not drawn for nothing: what changed meanwhile is drawn
    // when it is shown again.
    const changed = (): unknown => (panel.visible ? this.sendCurrent() : (this.changedWhileHidden = true));
    this.register(deps.analysis.onDidChange(changed));
    // With no data yet, what the page says follows the controller: a sync starting, each page it fetches, a failure.
    const statusChanged = (): unknown => !deps.controller.data && changed();
    this.register(deps.controller.onDidChange(statusChanged));
    this.register(deps.controller.onDidProgress(statusChanged));
    this.register(panel.onDidChangeViewState(() => panel.visible && (this.changedWhileHidden ? this.sendCurrent() : this.updateTitle())));
    this.register(panel.onDidDispose(() => this.dispose()));
    this.updateTitle();
  }

  /** Brings the panel forward and draws the current data; `requestedAt` starts the render clock. */
  reveal(requestedAt: number): void {
    this.pendingRequestedAt = requestedAt;
    this.panel.reveal();
    // Next turn: the extension host's calls reach the window when this turn ends, so preparing the data now would
    // hold back the creation of the page.
    setTimeout(() => this.isDisposed || this.sendCurrent(), 0);
  }

  /** Resolves when the webview next finishes drawing data. */
  nextRender(): Promise<RenderReport> {
    return nextEvent(this.onDidRender);
  }

  /** Asks the webview what it shows (tests check the DOM through this). */
  inspect(): Promise<DomSummary> {
    return this.inspections.ask((requestId) => this.post({ type: 'inspect', requestId }));
  }

  private sendCurrent(): void {
    this.updateTitle();
    this.changedWhileHidden = false;
    if (this.firstPage === 'unsent') this.firstPage = 'sent';
    const analysis = this.deps.analysis.current;
    const needsResponse = this.deps.triage.current;
    if (!analysis || !needsResponse) {
      const state = this.deps.controller.state;
      const message =
        state === 'loading'
          ? this.deps.controller.loadingMessage
          : (this.deps.controller.problem ?? 'Nothing to show yet: sign in and choose a repository in the Community Pulse view.');
      this.post({ type: 'status', state: state === 'loading' ? 'loading' : state === 'error' ? 'error' : 'empty', message });
      return;
    }
    const requestedAt = this.pendingRequestedAt;
    this.pendingRequestedAt = null;
    const bytes = this.post({ type: 'show', data: toDashboardData(analysis, needsResponse), requestedAt });
    this.lastShow = { bytes, sentAt: Date.now() };
  }

  private updateTitle(): void {
    const repository = this.deps.controller.data?.repository;
    this.panel.title = repository ? `Community Pulse: ${repository}` : 'Community Pulse';
  }

  /** Sends a message after checking it against the protocol (a bug here must not reach the webview). Returns its size. */
  private post(message: HostMessage): number {
    const checked = HostMessageSchema.safeParse(message);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      this.deps.log.error(`Dashboard: not sending an invalid "${message.type}" message (${issue?.path.join('.')}: ${issue?.message}).`);
      return 0;
    }
    const bytes = Buffer.byteLength(JSON.stringify(message));
    this.sentBytes += bytes;
    void this.panel.webview.postMessage(message);
    return bytes;
  }

  private receive(raw: unknown): void {
    const parsed = parseWebviewMessage(raw);
    if (!parsed.ok) {
      this.deps.log.warn(`Dashboard: ignored a message: ${parsed.error}`);
      return;
    }
    void this.handle(parsed.message).catch((error: unknown) => this.deps.log.error(`Dashboard: "${parsed.message.type}" failed: ${errorMessage(error)}`));
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready': {
        // A new panel's data went out with its page: not twice. Any later page of this panel (shown again,
        // restored, reloaded) starts empty and asks.
        const sentWithPage = this.firstPage === 'sent';
        this.firstPage = 'ready';
        if (!sentWithPage) this.sendCurrent();
        return;
      }
      case 'rendered':
        this.deps.log.debug(
          `Dashboard drawn in ${Math.round(message.renderMs)} ms${message.elapsedMs === null ? '' : `, ${Math.round(message.elapsedMs)} ms after the request`}.`,
        );
        this.rendered.fire({
          requestedAt: message.requestedAt,
          elapsedMs: message.elapsedMs,
          renderMs: message.renderMs,
          timeline: { ...message.timeline, showSentAt: this.lastShow.sentAt },
          messageBytes: this.lastShow.bytes,
          layoutMs: message.layoutMs,
        });
        return;
      case 'chooseWindow':
        await this.deps.analysis.windowSelection.choose(message.choice);
        return;
      case 'openDiscussion':
        await vscode.commands.executeCommand(COMMAND_IDS.openDiscussion, { number: message.number });
        return;
      case 'openProfile': {
        const apiUrl = this.deps.controller.data?.settings.apiUrl;
        if (apiUrl) await this.openWebLink(profileUrl(apiUrl, message.login));
        return;
      }
      case 'showPerson':
        await vscode.commands.executeCommand(COMMAND_IDS.showPerson, message.login);
        return;
      case 'exportReport':
        await vscode.commands.executeCommand(COMMAND_IDS.exportReport);
        return;
      case 'refresh':
        await vscode.commands.executeCommand(COMMAND_IDS.refresh);
        return;
      case 'inspection':
        this.inspections.answer(message.requestId, message.summary);
        return;
      case 'problem':
        this.deps.log.warn(`Dashboard webview: ${message.message}`);
        return;
    }
  }

  /** Opens a page of the configured GitHub; any other link (from data or the webview) is dropped. */
  private async openWebLink(url: string): Promise<void> {
    const apiUrl = this.deps.controller.data?.settings.apiUrl;
    const link = apiUrl ? safeWebUrl(url, apiUrl) : null;
    if (link) await vscode.env.openExternal(vscode.Uri.parse(link));
  }

  override dispose(): void {
    if (this.isDisposed) return;
    this.disposed.fire();
    super.dispose();
  }
}
