import type { SyncErrorKind } from '../github/contracts';
import type { PulseState } from './pulseState';

/** Buttons a failure message offers; the controller maps each to its command. */
export type FailureAction = 'signIn' | 'signInWithToken' | 'chooseRepository' | 'retry' | 'showLog';

export interface FailurePresentation {
  readonly message: string;
  readonly actions: readonly FailureAction[];
  /** The state whose welcome text says what to do. */
  readonly state: PulseState;
}

export interface FailureContext {
  readonly repository: string;
  readonly apiUrl: string;
  /** Where the token came from, e.g. `from the COMMUNITY_PULSE_TOKEN environment variable`. */
  readonly tokenSource: string;
  /** The error's own message (names the query and field for validation errors). */
  readonly detail: string;
}

/** What the user is told when a sync fails, and what they can do about it. Cancelling is not a failure (null). */
export function presentSyncFailure(kind: SyncErrorKind, context: FailureContext): FailurePresentation | null {
  const { repository, apiUrl, tokenSource, detail } = context;
  switch (kind) {
    case 'cancelled':
      return null;
    case 'auth':
      return {
        message: `GitHub rejected the token ${tokenSource} for ${repository}: it is revoked, expired or lacks the repo scope. Sign in again.`,
        actions: ['signIn', 'signInWithToken', 'showLog'],
        state: 'signedOut',
      };
    case 'notFound':
      return {
        message: `Repository ${repository} was not found on ${apiUrl}, or the token ${tokenSource} cannot see it.`,
        actions: ['chooseRepository', 'signIn', 'showLog'],
        state: 'error',
      };
    case 'discussionsDisabled':
      return {
        message: `${repository} does not have GitHub Discussions enabled.`,
        actions: ['chooseRepository'],
        state: 'noDiscussions',
      };
    case 'rateLimited':
      return {
        message: `GitHub's rate limit for this token is used up while syncing ${repository}; what was fetched is kept, and the next sync continues. ${detail}`,
        actions: ['retry', 'showLog'],
        state: 'error',
      };
    case 'network':
      return {
        message: `Could not reach ${apiUrl} to sync ${repository}; what was fetched is kept. ${detail}`,
        actions: ['retry', 'showLog'],
        state: 'error',
      };
    case 'validation':
      return {
        message: `GitHub's answer for ${repository} did not have the expected shape, so the stored discussions were left unchanged. ${detail}`,
        actions: ['showLog', 'retry'],
        state: 'error',
      };
  }
}
