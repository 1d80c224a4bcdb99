import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
// The core client (GraphQL and plain requests): @octokit/rest would add 80 KB of REST endpoint methods this never calls.
import { Octokit } from '@octokit/core';
import Bottleneck from 'bottleneck/light.js';
import * as z from 'zod';
import { MINUTE_MS, SECOND_MS } from '../shared/time';
import type { ApiEndpoint } from './contracts';

export interface GitHubClient {
  /** Runs a GraphQL query and returns its `data`; GraphQL errors reject with Octokit's GraphqlResponseError. */
  graphql<T>(query: string, variables: Record<string, unknown>, signal?: AbortSignal): Promise<T>;
  /**
   * Runs a GraphQL mutation once: a 5xx, a timeout or a dropped connection is not retried, since GitHub may have
   * made the change before the answer was lost and a retry would post a reply twice. Rate limits are still waited
   * out and retried (GitHub refused those before acting).
   */
  mutate<T>(mutation: string, variables: Record<string, unknown>, signal?: AbortSignal): Promise<T>;
  viewerLogin(): Promise<string>;
  readonly endpoint: ApiEndpoint;
}

export interface GitHubClientOptions {
  log?: (line: string) => void;
  /**
   * Length in milliseconds of one "second" of every wait: GitHub's `retry-after` and rate-limit reset,
   * the retry back-off (1, 4, 9 units) and the one-unit spacing between mutations. Default 1000;
   * tests pass 1 so that retries cost no time.
   */
  waitUnitMs?: number;
  /** A request attempt taking longer than this is abandoned and retried. Default 60 s. */
  requestTimeoutMs?: number;
  /** Retries of a request that failed with a 5xx, a timeout or a dropped connection. Default 3. */
  retries?: number;
  /**
   * GitHub's hourly budget (the primary rate limit) resetting within this many milliseconds of real time is waited
   * out here; a later reset rejects at once, for the caller to pause visibly or stop. Default 60 s; 0 leaves every
   * reset to the caller (VS Code's sync shows the pause and its countdown instead of a silent wait).
   */
  longestRateLimitWaitMs?: number;
}

/** How often a rate-limited request is retried. */
const RATE_LIMIT_RETRIES = 2;

const ThrottledOctokit = Octokit.plugin(throttling, retry);

export function createGitHubClient(endpoint: ApiEndpoint, options: GitHubClientOptions = {}): GitHubClient {
  const log = options.log ?? (() => undefined);
  const waitUnitMs = options.waitUnitMs ?? 1000;
  const baseUrl = endpoint.baseUrl.replace(/\/+$/, '');
  const host = new URL(baseUrl).host;
  // `retryAfter` is GitHub's, in seconds of real time (waitUnitMs only shortens the wait itself in tests).
  const onLimit =
    (limit: { what: string; waitsFor: string; longestWaitMs: number }) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number): boolean => {
      const what = `${limit.what} (${request.method} ${pathOf(request.url)} at ${host}); ${limit.waitsFor} ${retryAfter} s`;
      if (retryCount < RATE_LIMIT_RETRIES && retryAfter * SECOND_MS <= limit.longestWaitMs) {
        log(`${what}: retrying then (retry ${retryCount + 1} of ${RATE_LIMIT_RETRIES}).`);
        return true;
      }
      // Not "giving up": a spent hourly budget is the sync's to pause for, and it says so in the next line.
      log(retryCount < RATE_LIMIT_RETRIES ? `${what}.` : `${what}, and it was retried ${retryCount} times already.`);
      return false;
    };
  const octokit = new ThrottledOctokit({
    auth: endpoint.token,
    baseUrl,
    userAgent: 'community-pulse',
    log: { debug: () => undefined, info: () => undefined, warn: log, error: log },
    request: { fetch: fetchWithTimeout(options.requestTimeoutMs ?? MINUTE_MS, host, log) },
    retry: { retries: options.retries ?? 3, retryAfterBaseValue: waitUnitMs },
    throttle: {
      retryAfterBaseValue: waitUnitMs,
      // Queries go back to back: GitHub asks for a second between *mutations* (below), and a thread of 300 posts is
      // four queries that would otherwise take four seconds to open.
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
      onRateLimit: onLimit({ what: "GitHub's hourly budget is spent", waitsFor: 'resets in', longestWaitMs: options.longestRateLimitWaitMs ?? MINUTE_MS }),
      onSecondaryRateLimit: onLimit({ what: "GitHub's secondary rate limit was hit", waitsFor: 'asks to wait', longestWaitMs: Number.POSITIVE_INFINITY }),
    },
  });

  const send = <T>(document: string, variables: Record<string, unknown>, signal: AbortSignal | undefined, retryFailures: boolean): Promise<T> => {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    const request = { ...(signal && { signal }), ...(!retryFailures && { retries: 0 }) };
    const pending = octokit.graphql<T>(document, { ...variables, request });
    return signal ? rejectOnAbort(pending, signal) : pending;
  };
  const graphql = <T>(query: string, variables: Record<string, unknown>, signal?: AbortSignal): Promise<T> => send<T>(query, variables, signal, true);

  // GitHub's guidance against secondary rate limits: at least one second between requests that change something.
  const mutationPacing = new Bottleneck({ maxConcurrent: 1, minTime: waitUnitMs });

  return {
    endpoint,
    graphql,
    mutate: (mutation, variables, signal) => mutationPacing.schedule(() => send(mutation, variables, signal, false)),
    async viewerLogin() {
      const data = await graphql<unknown>('query ViewerLogin { viewer { login } }', {});
      return ViewerSchema.parse(data).viewer.login;
    },
  };
}

/** GitHub Enterprise Server serves REST at `/api/v3` and GraphQL at `/api/graphql`; elsewhere GraphQL is `/graphql`. */
export function graphqlUrlFor(baseUrl: string): string {
  const trimmed = baseUrl.replace(/\/+$/, '');
  return /\/api\/v3$/.test(trimmed) ? trimmed.replace(/\/api\/v3$/, '/api/graphql') : `${trimmed}/graphql`;
}

const ViewerSchema = z.object({ viewer: z.object({ login: z.string() }) });

/** Abandons an attempt that hangs (the retry plugin then retries it) and logs failed attempts without headers. */
function fetchWithTimeout(timeoutMs: number, host: string, log: (line: string) => void): typeof fetch {
  return async (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    try {
      const response = await fetch(input, { ...init, signal });
      if (response.status >= 500) log(`GitHub at ${host} answered ${response.status} ${response.statusText}.`);
      return response;
    } catch (error) {
      if (init?.signal?.aborted) throw error;
      const reason = timeout.aborted ? `no answer within ${timeoutMs} ms` : describeFetchError(error);
      log(`Request to ${host} failed: ${reason}.`);
      throw error;
    }
  };
}

function describeFetchError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
}

/** Cancellation must not wait for a retry back-off to end, so the caller's promise settles at once on abort. */
function rejectOnAbort<T>(pending: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    pending.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

function pathOf(url: string): string {
  return new URL(url, 'http://github.invalid').pathname;
}
