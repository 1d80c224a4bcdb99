import * as vscode from 'vscode';
import type { CommunityPulseApi, DashboardHandle, DiscussionHandle, TreeSurface } from './api';
import { Credentials } from './auth/credentials';
import { registerCommands } from './commands/registry';
import { AnalysisService } from './controller/analysisService';
import { logReportHelperTo } from './community/reportHelper';
import { AutoSync, type WatchedView } from './controller/autoSync';
import { BudgetResume } from './controller/budgetResume';
import { PulseController } from './controller/pulseController';
import { ShownSyncProgress } from './controller/shownSyncProgress';
import { TriageService } from './controller/triageService';
import { WindowSelection } from './controller/windowSelection';
import { buildAssistIndex, type AssistIndex } from './community/assist/assistIndex';
import { fillPlaceholders } from './community/assist/savedReplies';
import { isAwake, snoozeFor, snoozeLabel, type Snooze } from './community/assist/snooze';
import { DiscussionSnoozes } from './controller/discussionSnoozes';
import type { PulseData } from './controller/pulseController';
import { Dashboard } from './dashboard/dashboard';
import type { DiscussionPanel } from './discussionView/discussionPanel';
import { DiscussionTabs } from './discussionView/discussionTabs';
import { discussionHtml } from './discussionView/html';
import { fetchRepositoryLabels } from './github/repositoryLabels';
import type { Label } from './github/discussionThread';
import { targetKey } from './controller/syncTarget';
import { webviewShellFor } from './shared/webviewHtml';
import { discussionAssist, type DiscussionAssist } from './viewModels/discussionAssist';
import type { Discussion } from './community/model';
import { DraftStore } from './discussionView/draftStore';
import type { DashboardPanel } from './dashboard/dashboardPanel';
import { ChosenRepository } from './repository/chosenRepository';
import { detectWorkspaceRepositories } from './repository/workspaceRemotes';
import { affectsSettings, readSettings } from './settings/readSettings';
import { directorySnapshotStore } from './store/snapshotStore';
import { watchSnapshotsOfOtherProcesses } from './store/snapshotWatcher';
import { HealthView } from './views/healthView';
import { NeedsResponseView } from './views/needsResponseView';
import { PeopleView } from './views/peopleView';
import { NeedsResponseStatusBar } from './views/statusBar';

/**
 * The one composition root: builds the controller and the services, the views, the status bar, the dashboard and
 * the commands, wires them to settings and sign-in changes, and returns the narrow API of `api.ts`.
 */
export function activate(context: vscode.ExtensionContext): CommunityPulseApi {
  const register = <T extends vscode.Disposable>(disposable: T): T => {
    context.subscriptions.push(disposable);
    return disposable;
  };
  const log = register(vscode.window.createOutputChannel('Community Pulse', { log: true }));
  // The report's helper thread, started by the first report of a large community, says here why, should it stop serving.
  logReportHelperTo((line) => log.warn(line));
  const credentials = register(new Credentials(context.secrets, context.globalState, log));
  const chosenRepository = new ChosenRepository(context.workspaceState);
  const budgetResume = new BudgetResume(context.workspaceState);
  // Another window or the CLI saved a snapshot: forget the one read and let every view recompute from the new one.
  const snapshots = register(
    watchSnapshotsOfOtherProcesses(
      context.globalStorageUri.fsPath,
      directorySnapshotStore(context.globalStorageUri.fsPath, { log: (line) => log.warn(line) }),
      () => {
        controller
          .changeSnapshot(async () => undefined)
          .catch((error: unknown) => log.error(`Reading the snapshot another window saved failed: ${String(error)}`));
      },
    ),
  );
  const shownSyncProgress = register(new ShownSyncProgress());
  const controller = register(
    new PulseController({
      settings: readSettings,
      credentials,
      detectRepositories: detectWorkspaceRepositories,
      chosenRepository: () => chosenRepository.get(),
      store: snapshots.store,
      log,
      budgetResume,
      shownSyncProgress,
    }),
  );
  // Local snoozes (globalState, per API and repository): hidden from triage, listed in Needs Response's Snoozed group.
  const snoozes = register(
    new DiscussionSnoozes<Snooze>(controller, context.globalState, {
      isSnooze,
      isAwake: (snooze, discussion, now) => isAwake(snooze, discussion, now, controller.data?.people),
      wakeAt: (snooze) => snooze.until,
      snoozeFor,
      label: snoozeLabel,
    }),
  );
  // One triage of the current data, read by the Needs Response view, the status bar and the dashboard.
  const triage = new TriageService(
    () => controller.data,
    () => snoozes.snoozedIds(),
  );
  register(snoozes.onDidChange(() => triage.invalidate()));
  const windowSelection = register(new WindowSelection(context.workspaceState, () => readSettings().settings.defaultWindow));
  const analysis = register(new AnalysisService(controller, windowSelection, log));

  const needsResponse = register(new NeedsResponseView(controller, triage, snoozes));
  const health = register(new HealthView(analysis));
  const people = register(new PeopleView(analysis));
  const statusBar = register(new NeedsResponseStatusBar(controller, triage));
  register(snoozes.onDidChange(() => statusBar.render()));
  const dashboard = register(new Dashboard({ extensionUri: context.extensionUri, analysis, triage, controller, log }));
  const discussions = register(
    new DiscussionTabs({
      extensionUri: context.extensionUri,
      controller,
      analysis,
      log,
      drafts: new DraftStore(context.workspaceState),
      snoozes,
      assist: assistOf,
      savedReplies: (values) => readSettings().settings.savedReplies.map((reply) => ({ title: reply.title, body: fillPlaceholders(reply.body, values) })),
      repositoryLabels: (connection) => {
        const key = targetKey(connection.apiUrl, connection.repositoryRef);
        const known = labelsByRepository.get(key) ?? fetchRepositoryLabels(connection.runner, connection.repositoryRef);
        labelsByRepository.set(key, known);
        known.catch(() => labelsByRepository.delete(key));
        return known;
      },
      pageHtml: (webview, dist) => discussionHtml(webviewShellFor('discussion', dist.fsPath, webview.cspSource)),
      iconPath: vscode.Uri.joinPath(context.extensionUri, 'media', 'community-pulse.svg'),
    }),
  );

  const autoSync = register(
    new AutoSync({
      sync: () => controller.sync('incremental', { userInitiated: false }),
      lastSyncAt: () => controller.data?.lastSyncAt ?? null,
      hasSyncedThisSession: () => controller.hasSynced,
      intervalMinutes: () => readSettings().settings.autoSyncMinutes,
      budgetResumeAt: () => budgetResume.at,
    }),
  );
  for (const view of [needsResponse.view, health.view, people.view]) autoSync.watch(view);
  // The dashboard syncs like a view: opened (or restored) before any view was shown, it starts the first sync.
  register(dashboard.onDidOpen((panel) => autoSync.watch(dashboardVisibility(panel))));

  for (const command of registerCommands({
    controller,
    credentials,
    chosenRepository,
    analysis,
    needsResponse,
    people,
    dashboard,
    discussions,
    snoozes,
    log,
  })) {
    register(command);
  }

  // A new account, API or repository: show its stored data at once, and sync if someone is looking.
  const retarget = async (): Promise<void> => {
    // The reload waits behind a running sync: a sync cancelled meanwhile was the user's later word, and GitHub's hourly
    // budget may be what it was cancelled on, so the sync decided now is then not started.
    const decided = controller.syncDecision();
    await controller.reload();
    if (autoSync.anyVisible) await controller.sync('incremental', { userInitiated: false, decided });
  };
  register(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!affectsSettings(event)) return;
      if (affectsSettings(event, 'autoSyncMinutes')) autoSync.restart();
      void (affectsSettings(event, 'apiUrl', 'repository') ? retarget() : controller.reload());
    }),
  );
  register(credentials.onDidChange(() => void retarget()));
  register(vscode.workspace.onDidChangeWorkspaceFolders(() => void retarget()));

  // Render the stored snapshot without blocking activation; no network until a view is visible.
  void controller.reload();

  return {
    get state() {
      return controller.state;
    },
    get problem() {
      return controller.problem;
    },
    get data() {
      return controller.data;
    },
    onDidChange: controller.onDidChange,
    sync: (mode) => controller.sync(mode, { userInitiated: false }),
    get syncProgress() {
      return shownSyncProgress.current;
    },
    onDidChangeSyncProgress: shownSyncProgress.onDidChange,
    get budgetResumeAt() {
      return budgetResume.at;
    },
    reload: () => controller.reload(),
    window: {
      get choice() {
        return windowSelection.choice;
      },
      get chosen() {
        return windowSelection.chosen;
      },
      choose: (choice) => windowSelection.choose(choice),
    },
    get analysis() {
      return analysis.current;
    },
    onDidChangeAnalysis: analysis.onDidChange,
    get triage() {
      return triage.current;
    },
    needsResponse: treeSurface(needsResponse.view, needsResponse.provider),
    health: treeSurface(health.view, health),
    people: treeSurface(people.view, people),
    statusBar: statusBar.item,
    dashboard: {
      get panel() {
        return dashboard.panel && dashboardHandle(dashboard.panel);
      },
      onDidOpen: (listener, thisArgs, disposables) => dashboard.onDidOpen((panel) => listener.call(thisArgs, dashboardHandle(panel)), undefined, disposables),
    },
    discussions: {
      open: (number) => {
        const panel = discussions.open(number);
        return panel && discussionHandle(panel);
      },
      get tabs() {
        return discussions.tabs.map(discussionHandle);
      },
      get snoozed() {
        return snoozes.snoozedIds();
      },
      snooze: (discussionId, choice) => snoozes.snooze(discussionId, choice),
      wake: (discussionId) => snoozes.wake(discussionId),
    },
  };
}

/** A dashboard panel as a view whose visibility drives syncing: hidden for good once closed. */
function dashboardVisibility(panel: DashboardPanel): WatchedView {
  let closed = false;
  const changed = new vscode.EventEmitter<void>();
  const subscriptions = [
    panel.panel.onDidChangeViewState(() => changed.fire()),
    panel.onDidDispose(() => {
      closed = true;
      changed.fire();
      for (const subscription of subscriptions) subscription.dispose();
      changed.dispose();
    }),
  ];
  return {
    get visible() {
      return !closed && panel.panel.visible;
    },
    onDidChangeVisibility: changed.event,
  };
}

/** The repository labels for the label picker, fetched once per API and repository while the extension runs. */
const labelsByRepository = new Map<string, Promise<readonly Label[]>>();

/** The assist index of one data (built once per data change), and what it says of one discussion. */
const assistIndexes = new WeakMap<PulseData, AssistIndex>();
function assistOf(data: PulseData, discussion: Discussion, viewer: string | null): DiscussionAssist {
  let index = assistIndexes.get(data);
  if (!index) {
    index = buildAssistIndex(data.community, data.people);
    assistIndexes.set(data, index);
  }
  return discussionAssist(index, discussion, data.now, viewer);
}

/** A stored value is a snooze of this version (anything else is dropped). */
function isSnooze(value: unknown): value is Snooze {
  if (typeof value !== 'object' || value === null) return false;
  const snooze = value as Record<string, unknown>;
  return (
    typeof snooze.discussionId === 'string' &&
    typeof snooze.number === 'number' &&
    typeof snooze.snoozedAt === 'number' &&
    (snooze.until === null || typeof snooze.until === 'number') &&
    typeof snooze.untilActivity === 'boolean' &&
    (snooze.snoozedBy === null || typeof snooze.snoozedBy === 'string')
  );
}

function treeSurface<T>(view: vscode.TreeView<T>, provider: { getChildren(element?: T): T[]; getTreeItem(element: T): vscode.TreeItem }): TreeSurface<T> {
  return { view, getChildren: (element) => provider.getChildren(element), getTreeItem: (element) => provider.getTreeItem(element) };
}

function discussionHandle(panel: DiscussionPanel): DiscussionHandle {
  return {
    number: panel.number,
    webviewPanel: panel.panel,
    nextRender: () => panel.nextRender(),
    inspect: () => panel.inspect(),
    act: (action) => panel.act(action),
    dispose: () => panel.dispose(),
  };
}

function dashboardHandle(panel: DashboardPanel): DashboardHandle {
  return {
    webviewPanel: panel.panel,
    get sentBytes() {
      return panel.sentBytes;
    },
    onDidRender: panel.onDidRender,
    nextRender: () => panel.nextRender(),
    inspect: () => panel.inspect(),
    dispose: () => panel.dispose(),
  };
}
