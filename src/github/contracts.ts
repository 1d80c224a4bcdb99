/** What the GitHub client needs and how its failures are classified; no `vscode` here or anywhere under src/github. */

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

export type SyncErrorKind =
  | 'auth' // token missing, revoked or without the needed scope
  | 'notFound' // repository does not exist or is not visible to the token
  | 'discussionsDisabled' // repository exists, Discussions are not enabled
  | 'rateLimited'
  | 'network'
  | 'validation' // a GitHub answer did not match the expected shape
  | 'cancelled';
