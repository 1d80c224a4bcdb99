import * as vscode from 'vscode';
import type { Credentials } from '../auth/credentials';
import { classifyPeople, type People } from '../community/people';
import type { Community } from '../community/model';
import type { RepoRef, SyncErrorKind } from '../github/contracts';
import { formatRepoRef } from '../github/repoRef';
import type { DetectedRepository } from '../repository/gitRemotes';
import { settingsFor, type ConfiguredSettings, type PulseSettings } from '../settings/schema';
import { errorMessage } from '../shared/errorMessage';
import { DisposableBase } from '../shared/lifecycle';
import { DamagedSnapshotError, type SnapshotStore } from '../store/snapshotStore';
import type { PartialSnapshot } from '../shared/partialSnapshot';
import type { Snapshot } from '../store/snapshot';
import type { SyncMode, SyncProgress } from '../sync/contracts';
import { SyncError } from '../sync/syncRepository';
import type { BudgetResume } from './budgetResume';
import { setContextKey } from './contextKeys';
import { FailureNotifier } from './failureNotifier';
import { pulseStateOf, type PulseState } from './pulseState';
import type { ShownSyncProgress } from './shownSyncProgress';
import { SnapshotCache, type StoredCommunity } from './snapshotCache';
import { presentDamagedSnapshot, presentSyncFailure, type FailurePresentation } from './syncFailure';
import { moveDamagedSnapshotAside } from '../store/damagedSnapshot';
import { SyncQueue, type SyncDecision, type SyncRequest } from './syncQueue';
import { GitHubConnections, type GitHubConnection } from './gitHubConnection';
import { targetKey, type ReadyTarget, type SyncTarget } from './syncTarget';
import { describeSyncProgress } from './syncProgress';
import { syncWithProgress } from './syncWithProgress';

/** What every view renders: the stored snapshot of the current repository, as the domain model. */
export interface PulseData {
  readonly repository: string;
  readonly community: Community;
  readonly people: People;
  readonly settings: PulseSettings;
  /** Epoch ms of the last completed sync; null when none completed yet. */
  readonly lastSyncAt: number | null;
  /**
   * Set while no sync pass has completed (the first sync is running, or was interrupted): the data holds only the
   * discussions with the newest activity, and every surface says so (`describePartial`).
   */
  readonly partial: PartialSnapshot | null;
  /**
   * The moment every figure is judged at (epoch ms): `communityPulse.asOf` when set, else when this data
   * was loaded. Triage, waiting times and the analysis window all end here, so they agree with each other.
   */
  readonly now: number;
}

/** Where the controller gets settings, credentials and the repository; injected so each source stays in its own module. */
export interface PulseSources {
  readonly settings: () => { settings: ConfiguredSettings; problems: readonly string[] };
  readonly credentials: Credentials;
  readonly detectRepositories: (apiUrl: string) => Promise<DetectedRepository[]>;
  /** The repository picked with "Choose Repository" for this workspace. */
  readonly chosenRepository: () => RepoRef | null;
  readonly store: SnapshotStore;
  readonly log: vscode.LogOutputChannel;
  readonly budgetResume: BudgetResume;
  readonly shownSyncProgress: ShownSyncProgress;
}

interface Failure {
  /** `targetKey` of what failed: a failure is forgotten when the target changes. */
  readonly target: string;
  readonly kind: SyncErrorKind | null;
  readonly presentation: FailurePresentation;
}

/**
 * The extension's one source of truth: which repository, whether signed in, the stored data, and the
 * state the views' welcome texts follow. Views subscribe to `onDidChange`; syncs run one at a time.
 */
export class PulseController extends DisposableBase {
  private stateValue: PulseState = 'notSynced';
  private dataValue: PulseData | null = null;
  private problemValue: string | undefined;
  private readonly snapshots: SnapshotCache;
  private failure: Failure | null = null;
  private readonly notifier = new FailureNotifier();
  private readonly shownSettingProblems = new Set<string>();
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  /** Loads and syncs run one at a time, so a slow read never overwrites newer data. */
  private lock: Promise<unknown> = Promise.resolve();
  private readonly syncs = new SyncQueue((request) => this.exclusive(() => this.runSync(request)));
  private syncedThisSession = false;
  private syncing = false;
  private progressValue: SyncProgress | null = null;
  private syncingRepository: string | null = null;
  /** `targetKey` of the repository a sync is running for, null when none runs. */
  private syncingTarget: string | null = null;
  private readonly progressed = this.register(new vscode.EventEmitter<void>());
  /** A page of the running sync arrived (`loadingMessage` changed); the data changes only at checkpoints. */
  readonly onDidProgress = this.progressed.event;
  private readonly connections: GitHubConnections;

  constructor(private readonly sources: PulseSources) {
    super();
    this.snapshots = new SnapshotCache(sources.store, sources.log);
    this.connections = new GitHubConnections(sources.log);
  }

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

  /** What a surface with nothing to show yet says while the first sync runs: `Fetching owner/name: 1,200 of 20,000 discussions · 13 requests`. */
  get loadingMessage(): string {
    const repository = this.dataValue?.repository ?? this.syncingRepository ?? 'the repository';
    const progress = this.progressValue;
    return progress ? `Fetching ${repository}: ${describeSyncProgress(progress)}` : `Fetching ${repository}’s discussions…`;
  }

  /**
   * Works out the state and renders the stored snapshot, without any network request. A running sync holds the lock
   * loads take (one paused for GitHub's hourly budget, for up to an hour); while it syncs the repository the settings
   * still point at, the snapshot to render is the one it keeps at each checkpoint, read from memory, so a settings
   * change (maintainers, ignored users, `asOf`) shows at once instead of when the sync ends. Any other target waits.
   */
  async reload(): Promise<void> {
    if (this.syncingTarget !== null) {
      const target = await this.resolveTarget();
      if (target.kind === 'ready' && targetKey(target.settings.apiUrl, target.repository) === this.syncingTarget) {
        await this.load(target);
        return;
      }
    }
    await this.exclusive(() => this.load());
  }

  /**
   * Syncs the current repository. Requests made while a sync runs are merged into one that starts
   * after it (a full re-check wins over an incremental one), so every caller sees a sync that began
   * after its request.
   */
  sync(mode: SyncMode, options: { userInitiated: boolean; decided?: SyncDecision }): Promise<void> {
    return this.syncs.request({ mode, ...options });
  }

  /** Now, for a sync requested later that a cancel in between should drop (`sync`'s `decided`). */
  syncDecision(): SyncDecision {
    return this.syncs.decision();
  }

  /**
   * A client for the repository the settings, the credentials and the workspace point at now (what a sync would
   * fetch); null when signed out or without a repository. No request is made until the caller makes one.
   */
  async connection(): Promise<GitHubConnection | null> {
    const target = await this.resolveTarget();
    return target.kind === 'ready' ? this.connections.connect(target) : null;
  }

  /**
   * Changes the stored snapshot (a discussion fetched again after the Discussion view changed it on GitHub) under
   * the lock loads and syncs take, so it never races a running sync; then reads it again, so every view follows.
   * Reloads even when `change` throws, and rethrows.
   */
  changeSnapshot(change: (store: SnapshotStore) => Promise<void>): Promise<void> {
    return this.exclusive(async () => {
      try {
        await change(this.sources.store);
      } finally {
        this.snapshots.forget();
        await this.load();
      }
    });
  }

  /** "Move aside and sync again": keeps a damaged snapshot under a dated name beside it, then syncs afresh. */
  async moveDamagedSnapshotAside(): Promise<void> {
    const target = await this.resolveTarget();
    if (target.kind !== 'ready') return;
    const repository = formatRepoRef(target.repository);
    const moved = await this.exclusive(() => moveDamagedSnapshotAside(this.sources.store, repository));
    if (moved) this.sources.log.info(`Moved the damaged snapshot of ${repository} aside to ${moved}; syncing afresh.`);
    this.snapshots.forget();
    await this.sync('incremental', { userInitiated: true });
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.lock.then(task, task);
    this.lock = run.catch(() => undefined);
    return run;
  }

  private async runSync({ mode, userInitiated }: SyncRequest): Promise<void> {
    const target = await this.load();
    if (target.kind !== 'ready') return;
    const firstSync = this.dataValue === null;
    this.syncing = true;
    this.syncingRepository = formatRepoRef(target.repository);
    this.syncingTarget = targetKey(target.settings.apiUrl, target.repository);
    if (firstSync) this.setState('loading');
    await setContextKey('syncing', true);
    const cancellation = new AbortController();
    cancellation.signal.addEventListener('abort', () => this.syncs.cancelQueued());
    let outcome: { ok: true } | { ok: false; error: unknown } = { ok: true };
    try {
      const { store, log, budgetResume, shownSyncProgress: shown } = this.sources;
      await syncWithProgress({
        target,
        mode,
        firstSync,
        userInitiated,
        store,
        log,
        cancellation,
        budgetResume,
        shown,
        onProgress: (progress) => {
          this.progressValue = progress;
          this.progressed.fire();
        },
        onCheckpoint: (snapshot) => this.showCheckpoint(target, snapshot),
      });
    } catch (error) {
      outcome = { ok: false, error };
    } finally {
      // Every save of the sync (a failed or cancelled one keeps what it fetched) came through `showCheckpoint`, so
      // the cache holds what the file holds: no need to read it again.
      this.syncing = false;
      this.syncingRepository = null;
      this.syncingTarget = null;
      this.progressValue = null;
      this.syncedThisSession = true;
      await setContextKey('syncing', false);
    }
    // Not awaited: the next start's fast load need not hold up this one's views (a failure is only logged).
    void this.snapshots.saveImage();
    if (outcome.ok) {
      this.failure = null;
      this.notifier.reset();
      await this.load();
    } else {
      await this.fail(outcome.error, target, cancellation.signal.aborted, userInitiated);
    }
  }

  /**
   * Shows what a running sync has just saved (at most every few seconds, `CHECKPOINT_INTERVAL_MS` of the sync), so a
   * long first sync fills the views as it goes, marked partial. Runs inside the sync's turn of the lock.
   */
  private showCheckpoint(target: ReadyTarget, snapshot: Snapshot): void {
    const stored = this.snapshots.keep(target.repository, target.settings.apiUrl, snapshot);
    // The settings of the data shown, when it is this repository's: a reload during the sync may have read newer ones.
    const shown = this.dataValue;
    const settings = shown?.repository === stored.repository && shown.settings.apiUrl === target.settings.apiUrl ? shown.settings : target.settings;
    this.dataValue = this.dataFrom(stored, settings);
    const failure = this.failureOf(target.settings.apiUrl, target.repository);
    this.setState(pulseStateOf({ target: 'ready', failure: failure?.presentation.state ?? null, hasData: true, syncing: this.syncing }));
  }

  private async fail(error: unknown, target: ReadyTarget, cancelled: boolean, userInitiated: boolean): Promise<void> {
    const repository = formatRepoRef(target.repository);
    const kind = cancelled ? 'cancelled' : error instanceof SyncError ? error.kind : null;
    if (kind === 'cancelled') {
      this.sources.log.info(`Sync of ${repository} cancelled; what was fetched so far is kept.`);
      await this.load();
      return;
    }
    const detail = errorMessage(error);
    this.sources.log.error(`Sync of ${repository} failed: ${error instanceof Error ? (error.stack ?? detail) : detail}`);
    // Every kind but a cancellation has its presentation; an error that is no SyncError (a bug) says only what it is.
    const presentation = (kind && presentSyncFailure(kind, detail, target.credential.source)) ??
      (error instanceof DamagedSnapshotError ? presentDamagedSnapshot(detail) : null) ?? {
        message: `Sync of ${repository} failed: ${detail}`,
        actions: ['retry', 'showLog'],
        state: 'error',
      };
    this.failure = { target: targetKey(target.settings.apiUrl, target.repository), kind, presentation };
    await this.load();
    this.notifier.notify(presentation, target.settings.apiUrl, userInitiated);
  }

  /** Resolves the target (unless the caller just did), reads its snapshot and sets the state; no network. */
  private async load(resolved?: SyncTarget): Promise<SyncTarget> {
    const target = resolved ?? (await this.resolveTarget());
    const repository = target.kind === 'noRepository' ? null : target.repository;
    this.dataValue = repository ? await this.readData(repository, target.settings) : null;
    const failure = repository && this.failureOf(target.settings.apiUrl, repository);
    this.problemValue = this.describeProblem(target, failure);
    await setContextKey('signedIn', target.kind !== 'signedOut');
    await setContextKey('asOf', target.settings.asOf !== null);
    this.setState(pulseStateOf({ target: target.kind, failure: failure?.presentation.state ?? null, hasData: this.dataValue !== null, syncing: this.syncing }));
    return target;
  }

  /** The last sync's failure, when it was of this target. */
  private failureOf(apiUrl: string, repository: RepoRef): Failure | null {
    return this.failure?.target === targetKey(apiUrl, repository) ? this.failure : null;
  }

  private describeProblem(target: SyncTarget, failure: Failure | null): string | undefined {
    if (failure) return failure.presentation.message;
    if (this.snapshots.problem) return this.snapshots.problem;
    if (target.kind === 'signedOut' && this.dataValue) return 'Signed out: showing the discussions stored at the last sync. Sign in to refresh.';
    return undefined;
  }

  private async resolveTarget(): Promise<SyncTarget> {
    const { settings: configured, problems } = this.sources.settings();
    for (const problem of problems) {
      if (this.shownSettingProblems.has(problem)) continue;
      this.shownSettingProblems.add(problem);
      this.sources.log.warn(problem);
      void vscode.window.showWarningMessage(problem, 'Open Settings').then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'communityPulse');
      });
    }
    const repository =
      configured.repository ?? this.sources.chosenRepository() ?? (await this.sources.detectRepositories(configured.apiUrl))[0]?.repository ?? null;
    // `communityPulse.asOf` may name a moment per repository: from here on (views, `now`, the context key) it is this one's.
    const settings = settingsFor(configured, repository);
    const credential = await this.sources.credentials.current(settings.apiUrl);
    if (!credential) return { kind: 'signedOut', settings, repository };
    if (!repository) return { kind: 'noRepository', settings };
    return { kind: 'ready', settings, repository, credential };
  }

  private async readData(repository: RepoRef, settings: PulseSettings): Promise<PulseData | null> {
    const stored = await this.snapshots.read(repository, settings.apiUrl);
    return stored && this.dataFrom(stored, settings);
  }

  private dataFrom(stored: StoredCommunity, settings: PulseSettings): PulseData {
    return {
      repository: stored.repository,
      community: stored.community,
      people: classifyPeople(stored.community, { maintainers: settings.maintainers, ignoreUsers: settings.ignoreUsers }),
      settings,
      lastSyncAt: stored.lastSyncAt,
      partial: stored.partial,
      now: settings.asOf ?? Date.now(),
    };
  }

  private setState(state: PulseState): void {
    this.stateValue = state;
    void setContextKey('state', state);
    void setContextKey('partial', this.dataValue?.partial != null);
    this.changed.fire();
  }
}
