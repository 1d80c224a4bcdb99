/** The contracts between the sync and its callers (the extension, the CLI, the tests). */

export type SyncMode = 'incremental' | 'full';

export interface SyncProgress {
  readonly phase: 'discussions' | 'threads';
  /** Discussions received so far in this sync. */
  readonly discussions: number;
  /** GitHub's `totalCount` of the repository's discussions, when known. */
  readonly total: number | null;
  readonly requests: number;
  readonly points: number;
}

export interface SyncResult {
  readonly repository: string;
  readonly mode: SyncMode;
  /** Discussions fetched and merged (new or changed). */
  readonly fetched: number;
  /** Discussions in the snapshot after the merge. */
  readonly total: number;
  readonly requests: number;
  /** Rate-limit points spent, as reported by GitHub's `rateLimit.cost`. */
  readonly points: number;
  /** Full re-check only: discussions whose content changed although their `updatedAt` did not move. */
  readonly changedWithoutUpdatedAt: readonly number[];
}
