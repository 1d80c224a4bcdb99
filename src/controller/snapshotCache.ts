import type { Community } from '../community/model';
import { normalizeCommunity } from '../community/normalize';
import type { RepoRef } from '../github/contracts';
import { formatRepoRef } from '../github/repoRef';
import { errorMessage } from '../shared/errorMessage';
import { partialSnapshotOf, type PartialSnapshot } from '../shared/partialSnapshot';
import type { Snapshot } from '../store/snapshot';
import type { SnapshotStore } from '../store/snapshotStore';
import { targetKey } from './syncTarget';

/** A stored snapshot as the domain model. */
export interface StoredCommunity {
  readonly repository: string;
  readonly community: Community;
  /** Epoch ms of the last completed sync; null when none completed yet. */
  readonly lastSyncAt: number | null;
  /** How much of the repository a snapshot no pass has completed holds; null when a pass completed. */
  readonly partial: PartialSnapshot | null;
}

/**
 * The stored snapshot of the current target. Reading and validating a large snapshot takes about a second, so it is
 * kept until the target changes or a sync may have written the file (`forget`).
 */
export class SnapshotCache {
  private kept: { key: string; value: StoredCommunity | null } | undefined;
  private problemValue: string | undefined;

  constructor(
    private readonly store: SnapshotStore,
    private readonly logError: (line: string) => void,
  ) {}

  /** Why the stored snapshot could not be read (a damaged file), until it can be. */
  get problem(): string | undefined {
    return this.problemValue;
  }

  /** The repository's snapshot from this API, null when none is stored (or it is another server's) or it is unreadable. */
  async read(repository: RepoRef, apiUrl: string): Promise<StoredCommunity | null> {
    const key = targetKey(apiUrl, repository);
    if (this.kept?.key === key) return this.kept.value;
    let snapshot;
    try {
      snapshot = await this.store.read(formatRepoRef(repository));
      this.problemValue = undefined;
    } catch (error) {
      // A damaged file is left in place for the user to inspect; the message says what to do.
      this.problemValue = errorMessage(error);
      this.logError(this.problemValue);
      return null;
    }
    // A snapshot of the same name from another server (say, the fake GitHub) is not this repository's.
    const value = snapshot && snapshot.apiUrl.replace(/\/+$/, '') === apiUrl ? storedCommunityOf(snapshot) : null;
    this.kept = { key, value };
    return value;
  }

  /** What a running sync just saved for this target: kept as if read from the file, which it now is. */
  keep(repository: RepoRef, apiUrl: string, snapshot: Snapshot): StoredCommunity {
    const value = storedCommunityOf(snapshot);
    this.kept = { key: targetKey(apiUrl, repository), value };
    this.problemValue = undefined;
    return value;
  }

  /** A sync may have written the file: read it again next time. */
  forget(): void {
    this.kept = undefined;
  }
}

function storedCommunityOf(snapshot: Snapshot): StoredCommunity {
  return {
    repository: snapshot.repository,
    community: normalizeCommunity(snapshot.repository, snapshot.discussions),
    lastSyncAt: snapshot.sync.lastSyncAt ? Date.parse(snapshot.sync.lastSyncAt) : null,
    partial: partialSnapshotOf(snapshot.sync, snapshot.discussions.length),
  };
}
