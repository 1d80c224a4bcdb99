import * as vscode from 'vscode';
import type { Credential, Credentials } from '../auth/credentials';
import { authProviderFor } from '../auth/providers';
import type { Community } from '../community/model';
import { normalizeCommunity } from '../community/normalize';
import { classifyPeople, type People } from '../community/people';
import { createGitHubClient } from '../github/client';
import type { RepoRef, SyncErrorKind } from '../github/contracts';
import type { SyncMode } from '../sync/contracts';
import { SyncError, syncRepository } from '../sync/syncRepository';
import { formatRepoRef } from '../github/repoRef';
import type { DetectedRepository } from '../repository/gitRemotes';
import type { PulseSettings } from '../settings/schema';
import { COMMAND_IDS } from '../shared/contributionIds';
import { errorMessage } from '../shared/errorMessage';
import type { SnapshotStore } from '../store/snapshotStore';
import { CONTEXT_KEYS, type PulseState } from './pulseState';
import { presentSyncFailure, type FailureAction, type FailurePresentation } from './syncFailure';
import { describeSyncProgress, describeSyncResult, syncPercent } from './syncProgress';

/** What every view renders: the stored snapshot of the current repository, as the domain model. */
export interface PulseData {
  readonly repository: string;
  readonly community: Community;
  readonly people: People;
  readonly settings: PulseSettings;
  /** Epoch ms of the last completed sync; null when none completed yet. */
  readonly lastSyncAt: number | null;
  /**
   * The moment every figure is judged at (epoch ms): `communityPulse.asOf` when set, else when this data
   * was loaded. Triage, waiting times and the analysis window all end here, so they agree with each other.
   */
  readonly now: number;
}

/** Where the controller gets settings, credentials and the repository; injected so each source stays in its own module. */
export interface PulseSources {
  readonly settings: () => { settings: PulseSettings; problems: readonly string[] };
  readonly credentials: Credentials;
  readonly detectRepositories: (apiUrl: string) => Promise<DetectedRepository[]>;
  /** The repository picked with "Choose Repository" for this workspace. */
  readonly chosenRepository: () => RepoRef | null;
  readonly store: SnapshotStore;
  readonly log: vscode.LogOutputChannel;
}

type Target =
  | { readonly kind: 'signedOut'; readonly settings: PulseSettings; readonly repository: RepoRef | null }
  | { readonly kind: 'noRepository'; readonly settings: PulseSettings }
  | { readonly kind: 'ready'; readonly settings: PulseSettings; readonly repository: RepoRef; readonly credential: Credential };

interface StoredCommunity {
  readonly repository: string;
  readonly community: Community;
  readonly lastSyncAt: number | null;
}

interface Failure {
  /** apiUrl + repository the failure is about: a failure is forgotten when the target changes. */
  readonly target: string;
  readonly kind: SyncErrorKind | null;
  readonly presentation: FailurePresentation;
}

const ACTION_COMMANDS: Record<FailureAction, { title: string; command: string }> = {
  signIn: { title: 'Sign in with GitHub', command: COMMAND_IDS.signIn },
  signInWithToken: { title: 'Sign in with a Token', command: COMMAND_IDS.signInWithToken },
  chooseRepository: { title: 'Choose Repository', command: COMMAND_IDS.chooseRepository },
  retry: { title: 'Retry', command: COMMAND_IDS.refresh },
  showLog: { title: 'Show Log', command: COMMAND_IDS.showLog },
};

/**
 * The extension's one source of truth: which repository, whether signed in, the stored data, and the
 * state the views' welcome texts follow. Views subscribe to `onDidChange`; syncs run one at a time.
 */
export class PulseController implements vscode.Disposable {
  private stateValue: PulseState = 'notSynced';
  private dataValue: PulseData | null = null;
  private problemValue: string | undefined;
  /** Why the stored snapshot could not be read (a damaged file), until it can be. */
  private storeProblem: string | undefined;
  /** The last snapshot read, per target; dropped when a sync may have written a new one. */
  private stored: { key: string; value: StoredCommunity | null } | undefined;
  private failure: Failure | null = null;
  private lastNotified: string | undefined;
  private readonly shownSettingProblems = new Set<string>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  /** Loads and syncs run one at a time, so a slow read never overwrites newer data. */
  private lock: Promise<unknown> = Promise.resolve();
  private active: Promise<void> | null = null;
  private queued: { mode: SyncMode; userInitiated: boolean; promise: Promise<void> } | null = null;
  private syncedThisSession = false;
  private syncing = false;

  constructor(private readonly sources: PulseSources) {}

  get state(): PulseState {
    return this.stateValue;
  }

  get data(): PulseData | null {
    return this.dataValue;
  }

  /** Shown above a view's content (TreeView.message): why the data may be out of date. */
  get problem(): string | undefined {
    return this.problemValue;
  }

  /** GitHub rejected the token at the last sync: signing in must ask for a new session, not reuse it. */
  get tokenRejected(): boolean {
    return this.failure?.kind === 'auth';
  }

  /** Whether a sync has completed or failed since activation (the first visible view triggers one). */
  get hasSynced(): boolean {
    return this.syncedThisSession;
  }

  /** Works out the state and renders the stored snapshot, without any network request. */
  async reload(): Promise<void> {
    await this.exclusive(() => this.load());
  }

  /**
   * Syncs the current repository. Requests made while a sync runs are merged into one that starts
   * after it (a full re-check wins over an incremental one), so every caller sees a sync that began
   * after its request.
   */
  sync(mode: SyncMode, options: { userInitiated: boolean }): Promise<void> {
    if (this.queued) {
      if (mode === 'full') this.queued.mode = 'full';
      this.queued.userInitiated ||= options.userInitiated;
      return this.queued.promise;
    }
    if (!this.active) return this.start(mode, options.userInitiated);
    const queued = { mode, userInitiated: options.userInitiated, promise: Promise.resolve() };
    queued.promise = this.active.then(() => {
      this.queued = null;
      return this.start(queued.mode, queued.userInitiated);
    });
    this.queued = queued;
    return queued.promise;
  }

  private start(mode: SyncMode, userInitiated: boolean): Promise<void> {
    const run = this.exclusive(() => this.runSync(mode, userInitiated)).finally(() => {
      if (this.active === run) this.active = null;
    });
    this.active = run;
    return run;
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.lock.then(task, task);
    this.lock = run.catch(() => undefined);
    return run;
  }

  private async runSync(mode: SyncMode, userInitiated: boolean): Promise<void> {
    const target = await this.load();
    if (target.kind !== 'ready') return;
    const repository = formatRepoRef(target.repository);
    const { apiUrl } = target.settings;
    const firstSync = this.dataValue === null;
    this.syncing = true;
    if (firstSync) this.setState('loading');
    await vscode.commands.executeCommand('setContext', CONTEXT_KEYS.syncing, true);
    const cancellation = new AbortController();
    let outcome: { ok: true } | { ok: false; error: unknown } = { ok: true };
    try {
      this.sources.log.info(`Syncing ${repository} from ${apiUrl} (${mode}).`);
      const loud = userInitiated || firstSync || mode === 'full';
      const result = await vscode.window.withProgress(
        {
          location: loud ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window,
          title: `${mode === 'full' ? 'Re-checking' : 'Syncing'} ${repository}`,
          cancellable: loud,
        },
        (progress, token) => {
          token.onCancellationRequested(() => cancellation.abort());
          let percent = 0;
          return syncRepository({
            client: createGitHubClient({ baseUrl: apiUrl, token: target.credential.token }, { log: (line) => this.sources.log.info(line) }),
            repository: target.repository,
            store: this.sources.store,
            mode,
            signal: cancellation.signal,
            log: (line) => this.sources.log.info(line),
            onProgress: (update) => {
              const next = firstSync || mode === 'full' ? syncPercent(update) : null;
              progress.report({ message: describeSyncProgress(update), ...(next !== null && { increment: next - percent }) });
              if (next !== null) percent = next;
            },
          });
        },
      );
      this.sources.log.info(describeSyncResult(result));
      if (result.changedWithoutUpdatedAt.length > 0) {
        this.sources.log.warn(
          `Full re-check of ${repository}: ${result.changedWithoutUpdatedAt.length} discussions changed without their updatedAt moving (${result.changedWithoutUpdatedAt.map((n) => `#${n}`).join(', ')}); incremental syncs would have missed them.`,
        );
      }
    } catch (error) {
      outcome = { ok: false, error };
    } finally {
      // Even a failed or cancelled sync may have saved the pages it fetched.
      this.stored = undefined;
      this.syncing = false;
      this.syncedThisSession = true;
      await vscode.commands.executeCommand('setContext', CONTEXT_KEYS.syncing, false);
    }
    if (outcome.ok) {
      this.failure = null;
      this.lastNotified = undefined;
      await this.load();
    } else {
      await this.fail(outcome.error, target, cancellation.signal.aborted, userInitiated);
    }
  }

  private async fail(error: unknown, target: Target & { kind: 'ready' }, cancelled: boolean, userInitiated: boolean): Promise<void> {
    const repository = formatRepoRef(target.repository);
    const kind = cancelled ? 'cancelled' : error instanceof SyncError ? error.kind : null;
    const detail = errorMessage(error);
    if (kind === 'cancelled') {
      this.sources.log.info(`Sync of ${repository} cancelled; what was fetched so far is kept.`);
      await this.load();
      return;
    }
    this.sources.log.error(`Sync of ${repository} failed: ${error instanceof Error ? (error.stack ?? detail) : detail}`);
    const presentation: FailurePresentation =
      kind === null
        ? { message: `Sync of ${repository} failed: ${detail}`, actions: ['retry', 'showLog'], state: 'error' }
        : presentSyncFailure(kind, detail, target.credential.source)!;
    this.failure = { target: targetKey(target.settings.apiUrl, target.repository), kind, presentation };
    await this.load();
    if (userInitiated || presentation.message !== this.lastNotified) {
      this.lastNotified = presentation.message;
      this.notify(presentation, target.settings.apiUrl);
    }
  }

  private notify(presentation: FailurePresentation, apiUrl: string): void {
    const actions = presentation.actions
      .filter((action) => action !== 'signIn' || authProviderFor(apiUrl) !== null)
      .map((action) => ACTION_COMMANDS[action]);
    const titles = actions.map((action) => action.title);
    const shown =
      presentation.state === 'noDiscussions'
        ? vscode.window.showWarningMessage(presentation.message, ...titles)
        : vscode.window.showErrorMessage(presentation.message, ...titles);
    void shown.then((choice) => {
      const action = actions.find((candidate) => candidate.title === choice);
      if (action) void vscode.commands.executeCommand(action.command);
    });
  }

  /** Resolves the target, reads its snapshot and sets the state; no network. */
  private async load(): Promise<Target> {
    const target = await this.resolveTarget();
    const repository = target.kind === 'noRepository' ? null : target.repository;
    this.dataValue = repository ? await this.readData(repository, target.settings) : null;
    const failure =
      this.failure && repository && this.failure.target === targetKey(target.settings.apiUrl, repository) ? this.failure : null;
    const state: PulseState =
      target.kind !== 'ready'
        ? target.kind
        : failure
          ? failure.presentation.state
          : this.dataValue
            ? 'ready'
            : this.syncing
              ? 'loading'
              : 'notSynced';
    this.problemValue = this.describeProblem(target, failure);
    await vscode.commands.executeCommand('setContext', CONTEXT_KEYS.signedIn, target.kind !== 'signedOut');
    await vscode.commands.executeCommand('setContext', CONTEXT_KEYS.asOf, target.settings.asOf !== null);
    this.setState(state);
    return target;
  }

  private describeProblem(target: Target, failure: Failure | null): string | undefined {
    if (failure) return failure.presentation.message;
    if (this.storeProblem) return this.storeProblem;
    if (target.kind === 'signedOut' && this.dataValue) return 'Signed out: showing the discussions stored at the last sync. Sign in to refresh.';
    return undefined;
  }

  private async resolveTarget(): Promise<Target> {
    const { settings, problems } = this.sources.settings();
    for (const problem of problems) {
      if (this.shownSettingProblems.has(problem)) continue;
      this.shownSettingProblems.add(problem);
      this.sources.log.warn(problem);
      void vscode.window.showWarningMessage(problem, 'Open Settings').then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'communityPulse');
      });
    }
    const repository =
      settings.repository ?? this.sources.chosenRepository() ?? (await this.sources.detectRepositories(settings.apiUrl))[0]?.repository ?? null;
    const credential = await this.sources.credentials.current(settings.apiUrl);
    if (!credential) return { kind: 'signedOut', settings, repository };
    if (!repository) return { kind: 'noRepository', settings };
    return { kind: 'ready', settings, repository, credential };
  }

  private async readData(repository: RepoRef, settings: PulseSettings): Promise<PulseData | null> {
    const stored = await this.readStored(repository, settings.apiUrl);
    if (!stored) return null;
    return {
      repository: stored.repository,
      community: stored.community,
      people: classifyPeople(stored.community, { maintainers: settings.maintainers, ignoreUsers: settings.ignoreUsers }),
      settings,
      lastSyncAt: stored.lastSyncAt,
      now: settings.asOf ?? Date.now(),
    };
  }

  /**
   * The repository's snapshot as the domain model. Reading and validating a large snapshot takes about a
   * second, so it is kept until the target changes or a sync may have written the file.
   */
  private async readStored(repository: RepoRef, apiUrl: string): Promise<StoredCommunity | null> {
    const key = targetKey(apiUrl, repository);
    if (this.stored?.key === key) return this.stored.value;
    let snapshot;
    try {
      snapshot = await this.sources.store.read(formatRepoRef(repository));
      this.storeProblem = undefined;
    } catch (error) {
      // A damaged file is left in place for the user to inspect; the message says what to do.
      this.storeProblem = errorMessage(error);
      this.sources.log.error(this.storeProblem);
      return null;
    }
    // A snapshot of the same name from another server (say, the fake GitHub) is not this repository's.
    const value =
      snapshot && snapshot.apiUrl.replace(/\/+$/, '') === apiUrl
        ? {
            repository: snapshot.repository,
            community: normalizeCommunity(snapshot.repository, snapshot.discussions),
            lastSyncAt: snapshot.sync.lastSyncAt ? Date.parse(snapshot.sync.lastSyncAt) : null,
          }
        : null;
    this.stored = { key, value };
    return value;
  }


  private setState(state: PulseState): void {
    this.stateValue = state;
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.state, state);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function targetKey(apiUrl: string, repository: RepoRef): string {
  return `${apiUrl} ${formatRepoRef(repository)}`.toLowerCase();
}
