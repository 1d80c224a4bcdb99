import { errorMessage } from '../shared/errorMessage';
import { formatClockTime } from '../shared/format';

/** One entry of a GraphQL answer's `errors`, as GitHub sends it. */
export interface GraphqlErrorItem {
  readonly type?: string;
  readonly path?: readonly (string | number)[];
  readonly message?: string;
}

/**
 * What went wrong with a request to GitHub, before anyone words it: the sync and the Discussion view's actions
 * tell the user different things about the same failure, but must agree on what the failure is.
 */
export type GitHubFailure =
  | { readonly kind: 'cancelled' }
  /** Too many requests in a short time: waiting minutes helps, the hourly budget is not used up. */
  | { readonly kind: 'secondaryRateLimit'; readonly retryAfterSeconds: number | null }
  /** The hourly budget is used up until `resetAt`. */
  | { readonly kind: 'rateLimit'; readonly resetAt: Date | null }
  /** GitHub answered, refusing the request with GraphQL errors (never rate-limit ones). */
  | { readonly kind: 'graphql'; readonly errors: readonly GraphqlErrorItem[] }
  /** GitHub refused at the HTTP level: 401 sign-in, 403 access, 404 no GraphQL API at this address. */
  | { readonly kind: 'refused'; readonly status: 401 | 403 | 404; readonly detail: string }
  /** No usable answer: the connection failed, or 5xx even after retrying. `status` is null without an answer. */
  | { readonly kind: 'network'; readonly detail: string; readonly status: number | null };

/** Classifies whatever Octokit, fetch or an abort threw. */
export function classifyGitHubFailure(error: unknown, signal?: AbortSignal): GitHubFailure {
  if (signal?.aborted || nameOf(error) === 'AbortError') return { kind: 'cancelled' };
  // Checked before the primary limit: its message also says "rate limit", but the hourly budget is not used up.
  if (isSecondaryRateLimit(error)) {
    const seconds = Number(headerOf(error, 'retry-after'));
    return { kind: 'secondaryRateLimit', retryAfterSeconds: seconds > 0 ? seconds : null };
  }
  const graphqlErrors = graphqlErrorsOf(error);
  if (graphqlErrors.some((item) => item.type === 'RATE_LIMITED') || isRateLimitResponse(error)) {
    const reset = Number(headerOf(error, 'x-ratelimit-reset'));
    return { kind: 'rateLimit', resetAt: reset > 0 ? new Date(reset * 1000) : null };
  }
  if (graphqlErrors.length > 0) return { kind: 'graphql', errors: graphqlErrors };
  const status = statusOf(error);
  if (status === 401 || status === 403 || status === 404) return { kind: 'refused', status, detail: errorMessage(error) };
  // Octokit reports a connection failure as status 500 without a response.
  const answered = fieldOf(error, 'response') !== undefined && status !== undefined;
  return { kind: 'network', detail: errorMessage(error), status: answered ? status : null };
}

/** ` (GitHub asked to wait 30 s)`, or nothing when GitHub did not say. */
export function retryAfterNote(failure: { readonly retryAfterSeconds: number | null }): string {
  return failure.retryAfterSeconds === null ? '' : ` (GitHub asked to wait ${failure.retryAfterSeconds} s)`;
}

/** ` until 14:05`, or nothing when GitHub did not say. */
export function resetNote(failure: { readonly resetAt: Date | null }): string {
  return failure.resetAt === null ? '' : ` until ${formatClockTime(failure.resetAt.getTime())}`;
}

export function firstMessage(errors: readonly GraphqlErrorItem[]): string {
  return errors[0]?.message ?? 'unknown error';
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

function fieldOf(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}
