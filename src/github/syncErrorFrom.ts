import { classifyGitHubFailure, firstMessage, resetNote, retryAfterNote, type GraphqlErrorItem } from './gitHubFailure';
import { SyncError } from './syncError';

/** Where a failure happened, for the message. */
export interface FailureContext {
  readonly repository: string;
  readonly query: string;
  /** The API's base URL (never the token). */
  readonly apiUrl: string;
}

const PROGRESS_KEPT = 'What was fetched so far is saved; the next sync continues from there.';

/** Turns whatever Octokit, fetch or an abort threw into a SyncError saying what is wrong and what to do. */
export function syncErrorFrom(error: unknown, context: FailureContext, signal?: AbortSignal): SyncError {
  if (error instanceof SyncError) return error;
  const { repository, query, apiUrl } = context;
  const make = (kind: SyncError['kind'], message: string): SyncError => new SyncError(kind, repository, message, { query, cause: error });
  const failure = classifyGitHubFailure(error, signal);
  switch (failure.kind) {
    case 'cancelled':
      return make('cancelled', `Sync of ${repository} was cancelled. ${PROGRESS_KEPT}`);
    case 'secondaryRateLimit':
      return make(
        'rateLimited',
        `GitHub's secondary rate limit (too many requests in a short time) stopped the sync of ${repository}${retryAfterNote(failure)}. Wait a few minutes, then sync again. ${PROGRESS_KEPT}`,
      );
    case 'rateLimit':
      return make(
        'rateLimited',
        `GitHub's rate limit for this account is used up${resetNote(failure)}. ${PROGRESS_KEPT.replace('the next sync', 'a sync after the reset')}`,
      );
    case 'graphql':
      return graphqlRefusal(failure.errors, context, make);
    case 'refused':
      if (failure.status === 401) {
        return make(
          'auth',
          `GitHub at ${apiUrl} rejected the sign-in (401 ${failure.detail}): the token is missing, expired or revoked. Sign in again (on the command line: set a valid GITHUB_TOKEN).`,
        );
      }
      if (failure.status === 403) {
        return make('auth', `GitHub at ${apiUrl} refused access to ${repository} (403 ${failure.detail}). Sign in again with an account that may read it.`);
      }
      return make('network', `${apiUrl} has no GitHub GraphQL API (404). Check the API URL setting (GitHub Enterprise Server: https://HOST/api/v3).`);
    case 'network':
      return make(
        'network',
        `Could not sync ${repository} from ${apiUrl}: ${failure.detail}${failure.status === null ? '' : ` (HTTP ${failure.status})`}, even after retrying. Check the connection and the API URL setting, then sync again. ${PROGRESS_KEPT}`,
      );
  }
}

function graphqlRefusal(
  errors: readonly GraphqlErrorItem[],
  { repository, query, apiUrl }: FailureContext,
  make: (kind: SyncError['kind'], message: string) => SyncError,
): SyncError {
  if (errors.some((item) => item.type === 'NOT_FOUND' && item.path?.[0] === 'repository')) {
    return make(
      'notFound',
      `Repository ${repository} was not found at ${apiUrl}, or the signed-in account cannot see it. Check the name (Choose Repository), or sign in with an account that has access.`,
    );
  }
  if (errors.some((item) => item.type === 'INSUFFICIENT_SCOPES' || item.type === 'FORBIDDEN')) {
    return make(
      'auth',
      `The signed-in account may not read the discussions of ${repository} (${firstMessage(errors)}). Sign in again and grant the "repo" scope, or authorize the token for the organization's single sign-on.`,
    );
  }
  return make(
    'validation',
    `GitHub at ${apiUrl} rejected the query ${query} for ${repository}: ${firstMessage(errors)}. If this is an old GitHub Enterprise Server, it may lack Discussions; otherwise please report this.`,
  );
}
