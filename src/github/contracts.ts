/**
 * The contracts between the GitHub/sync layer and its callers (the extension, the CLI, the tests).
 * No `vscode` import here or anywhere under src/github, src/community, src/store.
 */

/** `owner/name` of a repository, plus the API it lives on. */
export interface RepoRef {
  readonly owner: string;
  readonly name: string;
}

export interface ApiEndpoint {
  /** REST base URL: `https://api.github.com`, `https://HOST/api/v3` for GHES, or the fake GitHub's URL. */
  readonly baseUrl: string;
  /** Bearer token; never logged, never written to settings or the snapshot. */
  readonly token: string;
}

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

export type SyncErrorKind =
  | 'auth' // token missing, revoked or without the needed scope
  | 'notFound' // repository does not exist or is not visible to the token
  | 'discussionsDisabled' // repository exists, Discussions are not enabled
  | 'rateLimited'
  | 'network'
  | 'validation' // a GitHub answer did not match the expected shape
  | 'cancelled';
