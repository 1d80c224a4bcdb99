import * as vscode from 'vscode';
import { Credentials } from './auth/credentials';
import { chooseRepositoryCommand } from './commands/chooseRepository';
import { copyLinkCommand } from './commands/copyLink';
import { fullRecheckCommand } from './commands/fullRecheck';
import { openInBrowserCommand } from './commands/openInBrowser';
import type { CommandServices, PulseCommand } from './commands/pulseCommand';
import { refreshCommand } from './commands/refresh';
import { showLogCommand } from './commands/showLog';
import { signInCommand } from './commands/signIn';
import { signInWithTokenCommand } from './commands/signInWithToken';
import { signOutCommand } from './commands/signOut';
import { AutoSync, type WatchedView } from './controller/autoSync';
import { NeedsResponseTriage } from './controller/needsResponseTriage';
import { PulseController } from './controller/pulseController';
import type { PulseState } from './controller/pulseState';
import type { SyncMode } from './github/contracts';
import { ChosenRepository } from './repository/chosenRepository';
import { detectWorkspaceRepositories } from './repository/workspaceRemotes';
import { affectsSettings, readSettings } from './settings/readSettings';
import { directorySnapshotStore } from './store/snapshotStore';
import type { NeedsResponseNode } from './views/needsResponseTree';
import { NeedsResponseView } from './views/needsResponseView';
import { registerInsights, type InsightsApi } from './views/insights';

/** What activate() returns: for other extensions, the views added later, and the VS Code test suites. */
export interface CommunityPulseApi {
  /** The `communityPulse.state` context key's value. */
  readonly state: PulseState;
  /** The message the views show above their content, if any. */
  readonly problem: string | undefined;
  readonly controller: PulseController;
  readonly needsResponse: {
    readonly view: vscode.TreeView<NeedsResponseNode>;
    readonly provider: vscode.TreeDataProvider<NeedsResponseNode>;
    /** The one triage of the current data that the view, the status bar and the dashboard show. */
    readonly triage: NeedsResponseTriage;
  };
  sync(mode: SyncMode): Promise<void>;
  /** Makes another Community Pulse view sync when it becomes visible, like Needs Response. */
  watchVisibility(view: WatchedView): void;
  /** The Health and People views, status bar item, time window and dashboard. */
  readonly insights: InsightsApi;
}

const COMMANDS: readonly ((services: CommandServices) => PulseCommand)[] = [
  refreshCommand,
  fullRecheckCommand,
  signInCommand,
  signInWithTokenCommand,
  signOutCommand,
  chooseRepositoryCommand,
  openInBrowserCommand,
  copyLinkCommand,
  showLogCommand,
];

export function activate(context: vscode.ExtensionContext): CommunityPulseApi {
  const register = <T extends vscode.Disposable>(disposable: T): T => {
    context.subscriptions.push(disposable);
    return disposable;
  };
  const log = register(vscode.window.createOutputChannel('Community Pulse', { log: true }));
  const credentials = register(new Credentials(context.secrets, context.globalState, log));
  const chosenRepository = new ChosenRepository(context.workspaceState);
  const controller = register(
    new PulseController({
      settings: readSettings,
      credentials,
      detectRepositories: detectWorkspaceRepositories,
      chosenRepository: () => chosenRepository.get(),
      store: directorySnapshotStore(context.globalStorageUri.fsPath),
      log,
    }),
  );
  // One triage of the current data, read by the Needs Response view, the status bar and the dashboard.
  const triage = new NeedsResponseTriage(() => controller.data);
  const needsResponse = register(new NeedsResponseView(controller, triage));
  const autoSync = register(
    new AutoSync({
      sync: () => controller.sync('incremental', { userInitiated: false }),
      lastSyncAt: () => controller.data?.lastSyncAt ?? null,
      hasSyncedThisSession: () => controller.hasSynced,
      intervalMinutes: () => readSettings().settings.autoSyncMinutes,
    }),
  );

  const insights = registerInsights(context, { controller, needsResponse: triage, log, watchVisibility: (view) => autoSync.watch(view) });

  const services: CommandServices = { controller, credentials, chosenRepository, needsResponse, log };
  for (const command of COMMANDS.map((create) => create(services))) {
    register(vscode.commands.registerCommand(command.id, command.run));
  }

  // A new account, API or repository: show its stored data at once, and sync if someone is looking.
  const retarget = async (): Promise<void> => {
    await controller.reload();
    if (autoSync.anyVisible) await controller.sync('incremental', { userInitiated: false });
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
  autoSync.watch(needsResponse.view);

  return {
    get state() {
      return controller.state;
    },
    get problem() {
      return controller.problem;
    },
    controller,
    needsResponse: { view: needsResponse.view, provider: needsResponse.provider, triage },
    sync: (mode) => controller.sync(mode, { userInitiated: false }),
    watchVisibility: (view) => autoSync.watch(view),
    insights,
  };
}
