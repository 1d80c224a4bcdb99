import type { Credential } from '../auth/credentials';
import type { RepoRef } from '../github/contracts';
import { formatRepoRef } from '../github/repoRef';
import type { PulseSettings } from '../settings/schema';

/** What the settings, the credentials and the workspace point at: what a sync would fetch, if anything. */
export type SyncTarget =
  | { readonly kind: 'signedOut'; readonly settings: PulseSettings; readonly repository: RepoRef | null }
  | { readonly kind: 'noRepository'; readonly settings: PulseSettings }
  | { readonly kind: 'ready'; readonly settings: PulseSettings; readonly repository: RepoRef; readonly credential: Credential };

/** A target a sync (or a Discussion tab) can reach: signed in, with a repository. */
export type ReadyTarget = SyncTarget & { readonly kind: 'ready' };

/** apiUrl + repository: what a cached snapshot or a failure is about, forgotten when the target changes. */
export function targetKey(apiUrl: string, repository: RepoRef): string {
  return `${apiUrl} ${formatRepoRef(repository)}`.toLowerCase();
}
