import { emptySnapshot, mergeDiscussions, type PendingPass, type Snapshot, type SyncState } from '../store/snapshot';
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
  /** The local clock, for `lastSyncAt`; GitHub's own timestamps decide what an incremental sync fetches. */
  readonly now?: () => Date;
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
  const apiUrl = options.client.endpoint.baseUrl;
  const log = options.log ?? (() => undefined);
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
  private unsaved = false;
  private lastSaveAt = Date.now();
  private lastSaveDurationMs = 0;

  constructor(
    private readonly options: SyncOptions,
    private readonly name: string,
    private readonly base: Snapshot,
    private readonly log: (line: string) => void,
  ) {
    this.runner = createQueryRunner(options.client, name, options.signal);
    this.discussions = new Map(base.discussions.map((node) => [node.id, node]));
    this.sync = { ...base.sync };
    this.now = options.now ?? (() => new Date());
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
    for (const node of gone) this.discussions.delete(node.id);
    if (gone.length > 0) {
      this.log(
        `Full re-check of ${this.name}: removed ${gone.length} discussion${gone.length === 1 ? '' : 's'} GitHub no longer lists (deleted or transferred): ${gone.map((node) => `#${node.number}`).join(', ')}.`,
      );
    }
  }

  /** `inFlight`: discussions received whose threads are still being completed. */
  private progress(phase: SyncProgress['phase'], total: number | null, inFlight = 0): void {
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
    const snapshot: Snapshot = {
      ...this.base,
      apiUrl: this.options.client.endpoint.baseUrl,
      sync: { ...this.sync, pendingPass: this.sync.pendingPass && { ...this.sync.pendingPass } },
      discussions: mergeDiscussions([], [...this.discussions.values()]),
    };
    await this.options.store.write(snapshot);
    this.unsaved = false;
    this.options.onCheckpoint?.(snapshot);
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
