import { emptySnapshot, newestUpdateFirst, type PendingPass, type Snapshot, type SyncState } from '../store/snapshot';
import type { SnapshotStore } from '../store/snapshotStore';
import type { GitHubClient } from '../github/client';
import type { RepoRef } from '../github/contracts';
import { formatRepoRef } from '../github/repoRef';
import { MINUTE_MS } from '../shared/time';
import type { SyncMode, SyncProgress, SyncResult } from './contracts';
import { contentFingerprint } from './fingerprint';
import { DISCUSSIONS_PAGE_QUERY, DISCUSSIONS_PAGE_QUERY_NAME } from '../github/queries';
import { createQueryRunner, type QueryRunner } from '../github/queryRunner';
import { DiscussionsPageSchema, type DiscussionsPage, type SyncedDiscussion } from '../github/answerSchemas';
import type { DiscussionNode } from '../github/schemas';
import { SyncError } from '../github/syncError';
import { completeThreads } from './threads';
import { budgetShortfall, describeShortfall, type BudgetEvent } from './budget';
import { pausingOnSpentBudget, realSleep, type Sleep } from './budgetPause';
import { describeSyncLockHolder, syncLockFileOf, withSyncLock, type SyncLockHolder } from '../store/syncLock';
import { syncErrorFrom } from '../github/syncErrorFrom';

export { SyncError } from '../github/syncError';

export interface SyncOptions {
  readonly client: GitHubClient;
  readonly repository: RepoRef;
  readonly store: SnapshotStore;
  readonly mode: SyncMode;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: SyncProgress) => void;
  /**
   * Called with what is stored each time the sync saves (its checkpoints, every few seconds, and its end), so a caller
   * can show what has arrived without reading the file again. The snapshot is the caller's: the sync keeps no reference.
   */
  readonly onCheckpoint?: (snapshot: Snapshot) => void;
  readonly log?: (line: string) => void;
  /** Another process (a VS Code window, the CLI) is syncing this repository and this one waits for it: what to tell the user. Default: `log`. */
  readonly onWaiting?: (message: string) => void;
  /** The local clock, for `lastSyncAt`; GitHub's own timestamps decide what an incremental sync fetches. */
  readonly now?: () => Date;
  /** Wait for GitHub's hourly budget to reset when it is spent, then continue; else stop 'rateLimited' (resumable). */
  readonly waitForBudget?: boolean;
  /** The estimate of a first or full sync when it exceeds this hour's budget, and each minute of a pause. */
  readonly onBudget?: (event: BudgetEvent) => void;
  /** How a pause waits; injected by tests, with `now`, to pause without real time. */
  readonly sleep?: Sleep;
}

/**
 * The overlap of an incremental pass with what is stored, so a change GitHub stamped slightly out of
 * order is not missed: it pages until it reaches discussions updated this long before the newest one
 * the last pass saw, or until this many consecutive discussions are unchanged since they were stored,
 * whichever comes first (the second bounds the overlap when many discussions share a timestamp).
 */
const OVERLAP_MS = 5 * MINUTE_MS;
const OVERLAP_UNCHANGED_DISCUSSIONS = 50;
/**
 * During a long pass the snapshot is saved (and shown, `onCheckpoint`) this often, so a killed process loses little and
 * a first sync fills the views as it goes; but at least ten times as long apart as a save and its showing take, so a
 * large snapshot never makes them dominate the sync.
 */
const CHECKPOINT_INTERVAL_MS = 5_000;
const CHECKPOINT_TIME_FACTOR = 10;
/**
 * Failures after which what was fetched is saved and the next sync continues the pass. A 'validation'
 * failure rejects one answer; the pages before it were validated and are kept.
 */
const RESUMABLE_FAILURES: ReadonlySet<SyncError['kind']> = new Set(['cancelled', 'network', 'rateLimited', 'validation']);

/**
 * Brings the stored snapshot of a repository up to date.
 *
 * Discussions are paged newest update first. An incremental sync stops at discussions the last
 * completed pass already covered; `mode: 'full'` re-reads everything, reports discussions whose content
 * changed although their `updatedAt` did not, and drops discussions GitHub no longer has. Each page is
 * merged as it arrives with a resume cursor, and saved on cancellation, on network failure, on an
 * answer that fails validation and periodically, so an interrupted sync continues where it stopped; the
 * high-water mark only advances when a pass completes. An answer that fails validation stops the sync
 * and is never stored.
 */
export async function syncRepository(options: SyncOptions): Promise<SyncResult> {
  const name = formatRepoRef(options.repository);
  const log = options.log ?? (() => undefined);
  const onWaiting = options.onWaiting ?? log;
  // One sync per repository across processes; the snapshot is read under the lock, so a waiter continues from the other's.
  const lockFile = options.store.fileOf && syncLockFileOf(options.store.fileOf(name));
  const onWait = (holder: SyncLockHolder): void =>
    onWaiting(
      `Another window or process (${describeSyncLockHolder(holder)}) is syncing ${name}; waiting for it to finish, then continuing from what it stored.`,
    );
  try {
    return await withSyncLock(lockFile, { signal: options.signal, onWait }, () => syncUnderLock(options, name, log));
  } catch (error) {
    // Cancelled while waiting for the lock: the same cancellation as during the sync.
    if (options.signal?.aborted && !(error instanceof SyncError))
      throw syncErrorFrom(error, { repository: name, query: 'sync lock', apiUrl: options.client.endpoint.baseUrl }, options.signal);
    throw error;
  }
}

async function syncUnderLock(options: SyncOptions, name: string, log: (line: string) => void): Promise<SyncResult> {
  const apiUrl = options.client.endpoint.baseUrl;
  const stored = await options.store.read(name);
  if (stored && !sameApi(stored.apiUrl, apiUrl)) {
    log(`The stored snapshot of ${name} came from ${stored.apiUrl}; starting over from ${apiUrl}.`);
  }
  const base = stored && sameApi(stored.apiUrl, apiUrl) ? stored : emptySnapshot(name, apiUrl);
  const run = new SyncRun(options, name, base, log);
  try {
    await run.execute();
  } catch (error) {
    if (error instanceof SyncError && RESUMABLE_FAILURES.has(error.kind)) {
      await run.saveProgress().catch((saveError: unknown) => log(`Could not save the progress of ${name}: ${String(saveError)}`));
    }
    throw error;
  }
  return run.result();
}

class SyncRun {
  private readonly runner: QueryRunner;
  private readonly discussions: Map<string, DiscussionNode>;
  private readonly sync: SyncState;
  private readonly changedWithoutUpdatedAt: number[] = [];
  private readonly now: () => Date;
  private fetched = 0;
  /** What changed since the last save: each save appends only these (the store compacts the file when due). */
  private readonly unsavedChanged = new Set<string>();
  private readonly unsavedDeleted = new Set<string>();
  private unsaved = false;
  private lastSaveAt = Date.now();
  private lastSaveDurationMs = 0;
  /** GitHub's `totalCount` in the last progress reported, for what a pause says. */
  private total: number | null = null;

  constructor(
    private readonly options: SyncOptions,
    private readonly name: string,
    private readonly base: Snapshot,
    private readonly log: (line: string) => void,
  ) {
    this.discussions = new Map(base.discussions.map((node) => [node.id, node]));
    this.sync = { ...base.sync };
    this.now = options.now ?? (() => new Date());
    const runner = createQueryRunner(options.client, name, options.signal);
    this.runner = options.waitForBudget ? this.pausingOnSpentBudget(runner) : runner;
    // With nothing stored yet, the first page is saved at once, so whoever is waiting sees discussions within a page.
    if (this.discussions.size === 0) this.lastSaveAt = 0;
  }

  async execute(): Promise<void> {
    const pending = this.sync.pendingPass;
    const resume = pending !== null && (this.options.mode === 'incremental' || pending.mode === 'full');
    if (resume) this.log(`Continuing the interrupted ${pending.mode} sync of ${this.name} where it stopped.`);
    const main = resume ? { ...pending } : this.freshPass(this.options.mode);
    const seen = await this.runPass(main);
    // A long or resumed pass misses what changed meanwhile (it moved above the cursor): catch up from the top.
    if (resume || main.mode === 'full') {
      for (const id of await this.runPass(this.freshPass('incremental'))) seen.add(id);
    }
    if (main.mode === 'full' && !resume) this.dropDiscussionsNotSeen(seen);
    await this.save();
    this.log(
      `Synced ${this.name}: ${this.fetched} discussions fetched, ${this.discussions.size} stored; ${this.runner.requests} requests, ${this.runner.points} points.`,
    );
  }

  result(): SyncResult {
    return {
      repository: this.name,
      mode: this.options.mode,
      fetched: this.fetched,
      total: this.discussions.size,
      requests: this.runner.requests,
      points: this.runner.points,
      changedWithoutUpdatedAt: [...this.changedWithoutUpdatedAt],
    };
  }

  /** Saves what was merged, with the resume cursor, when it is not saved yet. */
  async saveProgress(): Promise<void> {
    if (this.unsaved) await this.save();
  }

  private freshPass(mode: SyncMode): PendingPass {
    const since = this.sync.updatedSince;
    return {
      mode,
      startedAt: this.now().toISOString(),
      newestUpdatedAt: null,
      stopBefore: mode === 'incremental' && since ? new Date(Date.parse(since) - OVERLAP_MS).toISOString() : null,
      cursor: null,
    };
  }

  /** Pages until the end or until discussions the previous pass covered; returns the ids it saw. */
  private async runPass(pass: PendingPass): Promise<Set<string>> {
    const seen = new Set<string>();
    const stopBefore = pass.stopBefore === null ? null : Date.parse(pass.stopBefore);
    // Only a full re-check re-reads discussions whose updatedAt says they are unchanged.
    const unchanged = (node: SyncedDiscussion): boolean => pass.mode === 'incremental' && sameAsStored(this.discussions.get(node.id), node);
    let unchangedRun = 0;
    this.sync.pendingPass = pass;
    for (;;) {
      const page = await this.runner.run(
        DISCUSSIONS_PAGE_QUERY_NAME,
        DISCUSSIONS_PAGE_QUERY,
        { owner: this.options.repository.owner, name: this.options.repository.name, after: pass.cursor },
        DiscussionsPageSchema,
      );
      const connection = this.discussionsOf(page);
      if (pass.cursor === null) {
        pass.newestUpdatedAt = connection.nodes[0]?.updatedAt ?? null;
        pass.totalCount = connection.totalCount;
      }
      const total = stopBefore === null ? connection.totalCount : null;
      if (total !== null && pass.cursor === null) this.sayIfOverBudget(total, page.rateLimit);
      // Judged before this page is merged, against what earlier passes stored.
      const changed = connection.nodes.filter((node) => !unchanged(node));
      for (const node of connection.nodes) {
        seen.add(node.id);
        unchangedRun = unchanged(node) ? unchangedRun + 1 : 0;
      }
      const nodes = await completeThreads(changed, this.runner, () => this.progress('threads', total, changed.length));
      this.merge(nodes, pass.mode === 'full');
      pass.cursor = connection.pageInfo.endCursor;
      this.progress('discussions', total);
      const oldest = connection.nodes.at(-1);
      const reachedStored =
        (stopBefore !== null && oldest !== undefined && Date.parse(oldest.updatedAt) < stopBefore) || unchangedRun >= OVERLAP_UNCHANGED_DISCUSSIONS;
      if (!connection.pageInfo.hasNextPage || reachedStored) break;
      await this.checkpointIfDue();
    }
    this.completePass(pass);
    return seen;
  }

  private discussionsOf(page: DiscussionsPage): NonNullable<DiscussionsPage['repository']>['discussions'] {
    if (page.repository === null) {
      throw new SyncError(
        'notFound',
        this.name,
        `Repository ${this.name} was not found at ${this.options.client.endpoint.baseUrl}, or the signed-in account cannot see it. Check the name (Choose Repository), or sign in with an account that has access.`,
        { query: DISCUSSIONS_PAGE_QUERY_NAME },
      );
    }
    if (!page.repository.hasDiscussionsEnabled) {
      throw new SyncError(
        'discussionsDisabled',
        this.name,
        `GitHub Discussions are not enabled for ${this.name}. A repository admin can enable them under Settings → General → Features; or choose another repository.`,
        { query: DISCUSSIONS_PAGE_QUERY_NAME },
      );
    }
    return page.repository.discussions;
  }

  private merge(nodes: readonly DiscussionNode[], recheck: boolean): void {
    for (const node of nodes) {
      const previous = this.discussions.get(node.id);
      if (recheck && previous && sameTime(previous.updatedAt, node.updatedAt)) {
        if (contentFingerprint(previous) !== contentFingerprint(node)) {
          this.changedWithoutUpdatedAt.push(node.number);
          this.log(`Full re-check of ${this.name}: discussion #${node.number} changed although its updatedAt (${node.updatedAt}) did not move.`);
        }
      }
      this.discussions.set(node.id, node);
      this.unsavedChanged.add(node.id);
      this.unsavedDeleted.delete(node.id);
    }
    this.fetched += nodes.length;
    this.unsaved = true;
  }

  private completePass(pass: PendingPass): void {
    const newest = [this.sync.updatedSince, pass.newestUpdatedAt].filter((time): time is string => time !== null);
    this.sync.updatedSince = newest.sort((a, b) => Date.parse(b) - Date.parse(a))[0] ?? null;
    this.sync.pendingPass = null;
    this.sync.lastSyncAt = this.now().toISOString();
    if (pass.mode === 'full') this.sync.lastFullSyncAt = this.sync.lastSyncAt;
  }

  private dropDiscussionsNotSeen(seen: ReadonlySet<string>): void {
    const gone = [...this.discussions.values()].filter((node) => !seen.has(node.id));
    for (const node of gone) {
      this.discussions.delete(node.id);
      this.unsavedChanged.delete(node.id);
      this.unsavedDeleted.add(node.id);
    }
    if (gone.length > 0) {
      this.log(
        `Full re-check of ${this.name}: removed ${gone.length} discussion${gone.length === 1 ? '' : 's'} GitHub no longer lists (deleted or transferred): ${gone.map((node) => `#${node.number}`).join(', ')}.`,
      );
    }
  }

  private pausingOnSpentBudget(runner: QueryRunner): QueryRunner {
    return pausingOnSpentBudget(runner, {
      repository: this.name,
      now: () => this.now().getTime(),
      sleep: this.options.sleep ?? realSleep,
      ...(this.options.signal && { signal: this.options.signal }),
      checkpoint: () => this.saveProgress(),
      counts: () => ({ synced: this.synced(), total: this.total }),
      onPause: ({ resetAt, leftMs }) => this.options.onBudget?.({ kind: 'paused', resetAt, leftMs, synced: this.synced(), total: this.total }),
      log: this.log,
    });
  }

  /**
   * Discussions synced so far against GitHub's total: until a first pass completes, every stored one (a first sync
   * continued after a restart counts what the interrupted run fetched); after, those fetched by this run.
   */
  private synced(): number {
    return this.sync.updatedSince === null ? this.discussions.size : this.fetched;
  }

  /** Before a first or full pass: says when its estimated cost exceeds what remains of GitHub's hourly budget. */
  private sayIfOverBudget(total: number, rateLimit: DiscussionsPage['rateLimit']): void {
    const shortfall = budgetShortfall(total, rateLimit && { remaining: rateLimit.remaining, resetAt: Date.parse(rateLimit.resetAt) });
    if (shortfall === null) return;
    this.log(`Syncing ${total} discussions of ${this.name} costs ${describeShortfall(shortfall, this.options.waitForBudget === true)}.`);
    this.options.onBudget?.(shortfall);
  }

  /** `inFlight`: discussions received whose threads are still being completed. */
  private progress(phase: SyncProgress['phase'], total: number | null, inFlight = 0): void {
    this.total = total;
    this.options.onProgress?.({
      phase,
      discussions: this.fetched + inFlight,
      total,
      requests: this.runner.requests,
      points: this.runner.points,
    });
  }

  private async checkpointIfDue(): Promise<void> {
    const interval = Math.max(CHECKPOINT_INTERVAL_MS, CHECKPOINT_TIME_FACTOR * this.lastSaveDurationMs);
    if (Date.now() - this.lastSaveAt >= interval) await this.save();
  }

  private async save(): Promise<void> {
    const started = Date.now();
    const changed = [...this.unsavedChanged].map((id) => this.discussions.get(id)!);
    const apiUrl = this.options.client.endpoint.baseUrl;
    const sync = { ...this.sync, pendingPass: this.sync.pendingPass && { ...this.sync.pendingPass } };
    await this.options.store.saveChanges({
      repository: this.base.repository,
      apiUrl,
      sync,
      changed,
      deleted: [...this.unsavedDeleted],
      count: this.discussions.size,
      everything: () => this.discussions.values(),
    });
    this.unsavedChanged.clear();
    this.unsavedDeleted.clear();
    this.unsaved = false;
    if (this.options.onCheckpoint) {
      this.options.onCheckpoint({ ...this.base, apiUrl, sync, discussions: newestUpdateFirst(this.discussions.values()) });
    }
    // Showing what was saved counts with the save, so neither dominates the sync however large the snapshot grows.
    this.lastSaveAt = Date.now();
    this.lastSaveDurationMs = this.lastSaveAt - started;
  }
}

function sameApi(a: string, b: string): boolean {
  return a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
}

function sameTime(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && Date.parse(a) === Date.parse(b);
}

/**
 * Whether a page's discussion is the one stored. GitHub stamps `updatedAt` to the second, so a post made in the
 * second the stored copy was read leaves it as it was: the counts the page carries (comments, the inline comments'
 * replies) and the answer and state catch that. A reply to a comment beyond the page's inline comments in that same
 * second is the one change this cannot see; the next change of the discussion or a full re-check brings it.
 */
function sameAsStored(stored: DiscussionNode | undefined, node: SyncedDiscussion): boolean {
  if (stored?.updatedAt !== node.updatedAt) return false;
  const storedComments = stored.comments?.nodes ?? [];
  if (storedComments.length !== node.comments.totalCount) return false;
  if ((stored.answer?.id ?? null) !== (node.answer?.id ?? null) || stored.closed !== node.closed || stored.locked !== node.locked) return false;
  const repliesStored = new Map(storedComments.map((comment) => [comment.id, comment.replies?.nodes.length ?? 0]));
  return node.comments.nodes.every((comment) => repliesStored.get(comment.id) === comment.replies.totalCount);
}
