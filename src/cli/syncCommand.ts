import { COMMUNITY_IMAGE } from '../community/image';
import { createGitHubClient } from '../github/client';
import { GITHUB_API_URL } from '../github/webLinks';
import { describePause } from '../sync/budget';
import type { Sleep } from '../sync/budgetPause';
import type { SyncMode, SyncProgress, SyncResult } from '../sync/contracts';
import { syncRepository } from '../sync/syncRepository';
import { directorySnapshotStore, fileSnapshotStore } from '../store/snapshotStore';
import { moveDamagedSnapshotAside } from '../store/damagedSnapshot';
import type { Snapshot } from '../store/snapshot';
import { loadedSnapshotOf, saveImage } from '../store/snapshotImage';
import { formatRepoRef } from '../github/repoRef';
import { parseRepository, storeDirectory } from './options';
import { UsageError } from './usage';

export interface SyncCommandOptions {
  readonly repository: string | undefined;
  readonly apiUrl: string | undefined;
  readonly out: string | undefined;
  readonly store: string | undefined;
  readonly full: boolean;
  /** Wait for GitHub's hourly budget to reset when it is spent (a line a minute), else stop at once (`--no-wait`). */
  readonly wait: boolean;
  /** Keep a damaged snapshot under a dated name beside it and sync afresh (else a damaged snapshot stops the sync). */
  readonly moveDamaged: boolean;
  readonly token: string | undefined;
  readonly signal: AbortSignal;
  /** Where progress and log lines go (stderr); progress only when it is a terminal. */
  readonly stderr: Pick<NodeJS.WriteStream, 'write' | 'isTTY'>;
  /** The clock a pause waits by; injected by tests. */
  readonly clock?: { readonly now: () => number; readonly sleep: Sleep };
}

export async function syncCommand(options: SyncCommandOptions): Promise<string> {
  const repository = parseRepository(options.repository);
  if (!options.token) throw new UsageError('GITHUB_TOKEN is not set: export a token with the repo scope (or read:discussion) and run again');
  const client = createGitHubClient({ baseUrl: options.apiUrl ?? GITHUB_API_URL, token: options.token });
  const store = options.out ? fileSnapshotStore(options.out) : directorySnapshotStore(storeDirectory(options.store));
  const mode: SyncMode = options.full ? 'full' : 'incremental';
  const progress = progressLine(options.stderr);
  const { clock } = options;
  const printLine = (line: string): void => {
    progress.clear();
    options.stderr.write(`${line}\n`);
  };
  if (options.moveDamaged) {
    const moved = await moveDamagedSnapshotAside(store, formatRepoRef(repository));
    if (moved) options.stderr.write(`The damaged snapshot was kept as ${moved}; syncing afresh.\n`);
  }
  // The last save's snapshot, imaged once the sync ends so the next `report` or `triage` need not read the log.
  let saved: Snapshot | null = null;
  try {
    const result = await syncRepository({
      client,
      repository,
      store,
      mode,
      signal: options.signal,
      onProgress: progress.update,
      log: printLine,
      waitForBudget: options.wait,
      // The estimate arrives as a log line; a pause prints its countdown once a minute.
      onBudget: (event) => event.kind === 'paused' && printLine(describePause(event)),
      ...(clock && { now: () => new Date(clock.now()), sleep: clock.sleep }),
      onCheckpoint: (snapshot) => (saved = snapshot),
    });
    if (saved) await saveImage(store, loadedSnapshotOf(saved, COMMUNITY_IMAGE), COMMUNITY_IMAGE, printLine);
    return summary(result, options.out ?? storeDirectory(options.store));
  } finally {
    progress.clear();
  }
}

function summary(result: SyncResult, where: string): string {
  const lines = [
    `${result.repository}: ${result.fetched} discussion${result.fetched === 1 ? '' : 's'} fetched, ${result.total} stored in ${where} (${result.requests} requests, ${result.points} points)`,
  ];
  if (result.mode === 'full') {
    lines.push(
      result.changedWithoutUpdatedAt.length === 0
        ? 'Full re-check: no discussion changed without its updatedAt moving.'
        : `Full re-check: ${result.changedWithoutUpdatedAt.length} discussion(s) changed without their updatedAt moving: ${result.changedWithoutUpdatedAt.map((n) => `#${n}`).join(', ')}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** A single self-overwriting progress line on a terminal; silent when stderr is piped. */
function progressLine(stream: Pick<NodeJS.WriteStream, 'write' | 'isTTY'>): { update(progress: SyncProgress): void; clear(): void } {
  let shown = false;
  return {
    update(progress) {
      if (!stream.isTTY) return;
      const of = progress.total === null ? '' : ` of ${progress.total}`;
      stream.write(`\r\x1b[Ksyncing ${progress.phase}: ${progress.discussions}${of} discussions, ${progress.requests} requests, ${progress.points} points`);
      shown = true;
    },
    clear() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
