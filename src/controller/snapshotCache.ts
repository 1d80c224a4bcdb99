import { COMMUNITY_IMAGE } from '../community/image';
import type { Community } from '../community/model';
import type { RepoRef } from '../github/contracts';
import { formatRepoRef } from '../github/repoRef';
import { errorMessage } from '../shared/errorMessage';
import { partialSnapshotOf, type PartialSnapshot } from '../shared/partialSnapshot';
import type { Snapshot } from '../store/snapshot';
import { loadedSnapshotOf, loadThroughImage, saveImage, type LoadedSnapshot } from '../store/snapshotImage';
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

/** Where the cache reports a damaged snapshot (error) and an image made again (info). */
export interface SnapshotCacheLog {
  error(line: string): void;
  info(line: string): void;
}

/**
 * The stored snapshot of the current target, loaded through its community image (`store/snapshotImage.ts`: a fraction
 * of a second where reading the log takes seconds at scale), and kept until the target changes or a sync may have
 * written the file (`forget`).
 */
export class SnapshotCache {
  /** `imageDue`: the snapshot was kept from a sync's save, so its image is still to be written (`saveImage`). */
  private kept: { key: string; loaded: LoadedSnapshot<Community> | null; value: StoredCommunity | null; imageDue: boolean } | undefined;
  private problemValue: string | undefined;

  constructor(
    private readonly store: SnapshotStore,
    private readonly log: SnapshotCacheLog,
  ) {}

  /** Why the stored snapshot could not be read (a damaged file), until it can be. */
  get problem(): string | undefined {
    return this.problemValue;
  }

  /** The repository's snapshot from this API, null when none is stored (or it is another server's) or it is unreadable. */
  async read(repository: RepoRef, apiUrl: string): Promise<StoredCommunity | null> {
    const key = targetKey(apiUrl, repository);
    if (this.kept?.key === key) return this.kept.value;
    let loaded;
    try {
      loaded = await loadThroughImage(this.store, formatRepoRef(repository), COMMUNITY_IMAGE, (line) => this.log.info(line));
      this.problemValue = undefined;
    } catch (error) {
      // A damaged file is left in place for the user to inspect; the message says what to do.
      this.problemValue = errorMessage(error);
      this.log.error(this.problemValue);
      return null;
    }
    // A snapshot of the same name from another server (say, the fake GitHub) is not this repository's.
    const value = loaded && loaded.apiUrl.replace(/\/+$/, '') === apiUrl ? storedCommunityOf(loaded) : null;
    this.kept = { key, loaded, value, imageDue: false };
    return value;
  }

  /** What a running sync just saved for this target: kept as if read from the file, which it now is. */
  keep(repository: RepoRef, apiUrl: string, snapshot: Snapshot): StoredCommunity {
    const loaded = loadedSnapshotOf(snapshot, COMMUNITY_IMAGE);
    const value = storedCommunityOf(loaded);
    this.kept = { key: targetKey(apiUrl, repository), loaded, value, imageDue: true };
    this.problemValue = undefined;
    return value;
  }

  /** After a sync: the image of what it saved last (kept), so the next start decodes it instead of reading the log. */
  async saveImage(): Promise<void> {
    const kept = this.kept;
    if (!kept?.imageDue || !kept.loaded) return;
    kept.imageDue = false;
    await saveImage(this.store, kept.loaded, COMMUNITY_IMAGE, (line) => this.log.error(line));
  }

  /** A sync may have written the file: read it again next time. */
  forget(): void {
    this.kept = undefined;
  }
}

function storedCommunityOf(loaded: LoadedSnapshot<Community>): StoredCommunity {
  return {
    repository: loaded.repository,
    community: loaded.value,
    lastSyncAt: loaded.sync.lastSyncAt ? Date.parse(loaded.sync.lastSyncAt) : null,
    partial: partialSnapshotOf(loaded.sync, loaded.discussions),
  };
}
