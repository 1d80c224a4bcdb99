import type { SnapshotStore } from '../store/snapshotStore';
import type { GitHubClient } from './client';
import type { RepoRef, SyncMode, SyncProgress, SyncResult } from './contracts';

export { SyncError } from './syncError';

export interface SyncOptions {
  readonly client: GitHubClient;
  readonly repository: RepoRef;
  readonly store: SnapshotStore;
  readonly mode: SyncMode;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: SyncProgress) => void;
  readonly log?: (line: string) => void;
  readonly now?: () => Date;
}

export async function syncRepository(options: SyncOptions): Promise<SyncResult> {
  throw new Error(`syncRepository(${options.repository.owner}/${options.repository.name}) is not implemented yet`);
}
