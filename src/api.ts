import type * as vscode from 'vscode';
import type { PulseData } from './controller/pulseController';
import type { PulseState } from './controller/pulseState';
import type { ShownSync } from './controller/shownSyncProgress';
import type { RenderReport } from './dashboard/dashboardPanel';
import type { DomSummary } from './dashboard/protocol';
import type { ActionOutcome, DiscussionRenderReport } from './discussionView/discussionPanel';
import type { DiscussionAction, DiscussionDomSummary, SnoozeChoice } from './discussionView/protocol';
import type { WindowChoice } from './shared/timeWindow';
import type { SyncMode } from './sync/contracts';
import type { PulseAnalysis } from './viewModels/analysis';
import type { HealthNode } from './views/healthView';
import type { PeopleNode } from './viewModels/people';
import type { TriageSummary } from './viewModels/triageSummary';
import type { NeedsResponseNode } from './views/needsResponseTree';

/**
 * What `activate()` returns: the extension's public surface for other extensions and for the VS Code test suites.
 * It gives what a user sees (state, the views' rows and messages, the status bar, the dashboard's rendered content)
 * and what a user can do (sync, pick a window), as read-only data and narrow handles, never the internal classes.
 */
export interface CommunityPulseApi {
  /** The `communityPulse.state` context key's value: which welcome text the views show. */
  readonly state: PulseState;
  /** The message the views show above their content (why the data may be out of date), if any. */
  readonly problem: string | undefined;
  /** The data every view shows (the stored snapshot as the domain model, with the settings), null when none. */
  readonly data: PulseData | null;
  /** Fires after the state, the problem or the data changed. */
  readonly onDidChange: vscode.Event<void>;
  /** Syncs the current repository (as the views' automatic sync does: no notification unless it is the first). */
  sync(mode: SyncMode): Promise<void>;
  /** The running sync as its progress notification (or status bar spinner) shows it, with its Cancel button; null when none runs. */
  readonly syncProgress: ShownSync | null;
  /** Fires when a sync's progress starts, shows a new message (a page arrived, a pause counts down) or ends. */
  readonly onDidChangeSyncProgress: vscode.Event<void>;
  /** When a sync paused for GitHub's hourly budget continues by itself, also after a restart (epoch ms); null when none waits. */
  readonly budgetResumeAt: number | null;
  /** Works out the state again and reads the stored snapshot, without any network request. */
  reload(): Promise<void>;

  /** The time window every view and the dashboard show. */
  readonly window: {
    readonly choice: WindowChoice;
    /** The workspace's own choice; undefined while it follows the `communityPulse.defaultWindow` setting. */
    readonly chosen: WindowChoice | undefined;
    /** Remembers the choice for this workspace; `'default'` follows the `communityPulse.defaultWindow` setting again. */
    choose(choice: WindowChoice | 'default'): Promise<void>;
  };
  /** The figures of the current data and window that Health, People and the dashboard show; null without data. */
  readonly analysis: PulseAnalysis | null;
  /** Fires when the data or the window changed: read `analysis` again. */
  readonly onDidChangeAnalysis: vscode.Event<void>;
  /** What waits on the team now (Needs Response, the status bar, the dashboard's list); null without data. */
  readonly triage: TriageSummary | null;

  readonly needsResponse: TreeSurface<NeedsResponseNode>;
  readonly health: TreeSurface<HealthNode>;
  readonly people: TreeSurface<PeopleNode>;
  /** The status bar item's text and tooltip as shown. */
  readonly statusBar: Pick<vscode.StatusBarItem, 'text' | 'tooltip'>;
  readonly dashboard: {
    /** The open dashboard, null when closed. */
    readonly panel: DashboardHandle | null;
    /** A dashboard panel was created or restored. */
    readonly onDidOpen: vscode.Event<DashboardHandle>;
  };
  readonly discussions: {
    /** Opens (or focuses) the tab of discussion `number` of the current repository; null when the data lacks it. */
    open(number: number): DiscussionHandle | null;
    /** The open Discussion tabs, oldest first. */
    readonly tabs: readonly DiscussionHandle[];
    /** Node ids of the current repository's snoozed discussions. */
    readonly snoozed: ReadonlySet<string>;
    snooze(discussionId: string, choice: SnoozeChoice): Promise<void>;
    wake(discussionId: string): Promise<void>;
  };
}

/** An open Discussion tab: what it drew, and the page's actions. */
export interface DiscussionHandle {
  readonly number: number;
  readonly webviewPanel: vscode.WebviewPanel;
  /** Resolves when the webview next finishes drawing the discussion. */
  nextRender(): Promise<DiscussionRenderReport>;
  /** Asks the webview what it shows. */
  inspect(): Promise<DiscussionDomSummary>;
  /** Sends an action as the page would; resolves with what the page is told (a fresh `show` follows a success). */
  act(action: DiscussionAction): Promise<ActionOutcome>;
  dispose(): void;
}

/** A tree view as the user sees it: its message, badge and description, and its rows as VS Code draws them. */
export interface TreeSurface<T> {
  readonly view: vscode.TreeView<T>;
  getChildren(element?: T): T[];
  getTreeItem(element: T): vscode.TreeItem;
}

/** The open dashboard: what it drew, read back from the webview's DOM. */
export interface DashboardHandle {
  readonly webviewPanel: vscode.WebviewPanel;
  /** Bytes of every message sent to the webview since the panel opened. */
  readonly sentBytes: number;
  /** Fires each time the webview finishes drawing data. */
  readonly onDidRender: vscode.Event<RenderReport>;
  /** Resolves when the webview next finishes drawing data. */
  nextRender(): Promise<RenderReport>;
  /** Asks the webview what it shows. */
  inspect(): Promise<DomSummary>;
  dispose(): void;
}
