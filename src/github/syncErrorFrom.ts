import { errorMessage } from '../shared/errorMessage';
import { SyncError } from './syncError';

/** Where a failure happened, for the message. */
export interface FailureContext {
  readonly repository: string;
  readonly query: string;
  /** The API's base URL (never the token). */
  readonly apiUrl: string;
}

interface GraphqlErrorItem {
  readonly type?: string;
  readonly path?: readonly (string | number)[];
  readonly message?: string;
}

const PROGRESS_KEPT = 'What was fetched so far is saved; the next sync continues from there.';

/** Turns whatever Octokit, fetch or an abort threw into a SyncError saying what is wrong and what to do. */
export function syncErrorFrom(error: unknown, context: FailureContext, signal?: AbortSignal): SyncError {
  if (error instanceof SyncError) return error;
  const { repository, query, apiUrl } = context;
  const make = (kind: SyncError['kind'], message: string): SyncError => new SyncError(kind, repository, message, { query, cause: error });
  if (signal?.aborted || nameOf(error) === 'AbortError') {
    return make('cancelled', `Sync of ${repository} was cancelled. ${PROGRESS_KEPT}`);
  }
  const graphqlErrors = graphqlErrorsOf(error);
  if (graphqlErrors.some((item) => item.type === 'NOT_FOUND' && item.path?.[0] === 'repository')) {
    return make(
      'notFound',
      `Repository ${repository} was not found at ${apiUrl}, or the signed-in account cannot see it. Check the name (Choose Repository), or sign in with an account that has access.`,
    );
  }
  // Checked before the primary limit: its message also says "rate limit", but the hourly budget is not used up.
  if (isSecondaryRateLimit(error)) {
    return make(
      'rateLimited',
      `GitHub's secondary rate limit (too many requests in a short time) stopped the sync of ${repository}${retryAfterOf(error)}. Wait a few minutes, then sync again. ${PROGRESS_KEPT}`,
    );
  }
  if (graphqlErrors.some((item) => item.type === 'RATE_LIMITED') || isRateLimitResponse(error)) {
    return make(
      'rateLimited',
      `GitHub's rate limit for this account is used up${resetTimeOf(error)}. ${PROGRESS_KEPT.replace('the next sync', 'a sync after the reset')}`,
    );
  }
  if (graphqlErrors.some((item) => item.type === 'INSUFFICIENT_SCOPES' || item.type === 'FORBIDDEN')) {
    return make(
      'auth',
      `The signed-in account may not read the discussions of ${repository} (${firstMessage(graphqlErrors)}). Sign in again and grant the "repo" scope, or authorize the token for the organization's single sign-on.`,
    );
  }
  if (graphqlErrors.length > 0) {
    return make(
      'validation',
      `GitHub at ${apiUrl} rejected the query ${query} for ${repository}: ${firstMessage(graphqlErrors)}. If this is an old GitHub Enterprise Server, it may lack Discussions; otherwise please report this.`,
    );
  }
  const status = statusOf(error);
  if (status === 401) {
    return make(
      'auth',
      `GitHub at ${apiUrl} rejected the sign-in (401 ${errorMessage(error)}): the token is missing, expired or revoked. Sign in again (on the command line: set a valid GITHUB_TOKEN).`,
    );
  }
  if (status === 403) {
    return make('auth', `GitHub at ${apiUrl} refused access to ${repository} (403 ${errorMessage(error)}). Sign in again with an account that may read it.`);
  }
  if (status === 404) {
    return make('network', `${apiUrl} has no GitHub GraphQL API (404). Check the API URL setting (GitHub Enterprise Server: https://HOST/api/v3).`);
  }
  // Octokit reports a connection failure as status 500 without a response.
  const answered = fieldOf(error, 'response') !== undefined && status !== undefined;
  return make(
    'network',
    `Could not sync ${repository} from ${apiUrl}: ${errorMessage(error)}${answered ? ` (HTTP ${status})` : ''}, even after retrying. Check the connection and the API URL setting, then sync again. ${PROGRESS_KEPT}`,
  );
}

function graphqlErrorsOf(error: unknown): readonly GraphqlErrorItem[] {
  const errors = fieldOf(error, 'errors') ?? fieldOf(fieldOf(error, 'data'), 'errors');
  return Array.isArray(errors) ? (errors as GraphqlErrorItem[]) : [];
}

function isRateLimitResponse(error: unknown): boolean {
  const status = statusOf(error);
  if (status !== 403 && status !== 429) return false;
  return headerOf(error, 'x-ratelimit-remaining') === '0' || /rate limit/i.test(errorMessage(error));
}

function isSecondaryRateLimit(error: unknown): boolean {
  const status = statusOf(error);
  return (status === 403 || status === 429) && /secondary rate limit/i.test(errorMessage(error));
}

function retryAfterOf(error: unknown): string {
  const seconds = Number(headerOf(error, 'retry-after'));
  return seconds > 0 ? ` (GitHub asked to wait ${seconds} s)` : '';
}

function resetTimeOf(error: unknown): string {
  const reset = Number(headerOf(error, 'x-ratelimit-reset'));
  return reset > 0 ? ` until ${new Date(reset * 1000).toLocaleTimeString()}` : '';
}

function headerOf(error: unknown, name: string): string | undefined {
  const headers = fieldOf(fieldOf(error, 'response'), 'headers') ?? fieldOf(error, 'headers');
  const value = fieldOf(headers, name);
  return typeof value === 'string' ? value : undefined;
}

function statusOf(error: unknown): number | undefined {
  const status = fieldOf(error, 'status');
  return typeof status === 'number' ? status : undefined;
}

function nameOf(error: unknown): string | undefined {
  const name = fieldOf(error, 'name');
  return typeof name === 'string' ? name : undefined;
}

function firstMessage(errors: readonly GraphqlErrorItem[]): string {
  return errors[0]?.message ?? 'unknown error';
}

function fieldOf(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}
