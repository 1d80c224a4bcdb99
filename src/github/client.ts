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
      // Octokit's default `write` group would space every GraphQL request a second apart, which GitHub asks only of
      // mutations (spaced below); requests are kept one at a time by `oneAtATime` instead.
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
      onRateLimit: onLimit({ what: "GitHub's hourly budget is spent", waitsFor: 'resets in', longestWaitMs: options.longestRateLimitWaitMs ?? MINUTE_MS }),
      onSecondaryRateLimit: onLimit({ what: "GitHub's secondary rate limit was hit", waitsFor: 'asks to wait', longestWaitMs: Number.POSITIVE_INFINITY }),
    },
  });

  // GitHub's secondary limits ask for requests one at a time, not spaced: each is sent as soon as the one before has
  // its answer. A request waiting out a back-off (a 5xx, a secondary limit) keeps its turn, so nothing else is sent
  // to a GitHub that asked to wait.
  const oneAtATime = new Bottleneck({ maxConcurrent: 1 });
  const send = <T>(document: string, variables: Record<string, unknown>, signal: AbortSignal | undefined, retryFailures: boolean): Promise<T> => {
    const request = { ...(signal && { signal }), ...(!retryFailures && { retries: 0 }) };
    const sendNow = (): Promise<T> => {
      if (signal?.aborted) return Promise.reject(abortReason(signal));
      const pending = octokit.graphql<T>(document, { ...variables, request });
      // Cancelling gives the turn up at once, without waiting for a retry back-off to end.
      return signal ? rejectOnAbort(pending, signal) : pending;
    };
    const queued = oneAtATime.schedule(sendNow);
    return signal ? rejectOnAbort(queued, signal) : queued;
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

/**
 * Abandons an attempt that hangs (the retry plugin then retries it) and logs failed attempts without headers.
 * A successful answer's body is read here, whole: Octokit would take a body cut off by the connection, or a proxy's
 * HTML page, as GitHub's answer and the sync would blame GitHub's schema. Thrown from fetch instead, either is a
 * network fault that the retry plugin retries (and that a mutation, sent with no retries, reports at once).
 */
function fetchWithTimeout(timeoutMs: number, host: string, log: (line: string) => void): typeof fetch {
  return async (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    try {
      const response = await fetch(input, { ...init, signal });
      if (response.status >= 500) log(`GitHub at ${host} answered ${response.status} ${response.statusText}.`);
      // Octokit reads error answers itself: their status already says what went wrong.
      return response.ok ? await withWholeJsonBody(response) : response;
    } catch (error) {
      if (init?.signal?.aborted) throw error;
      const reason = timeout.aborted ? `no answer within ${timeoutMs} ms` : describeFetchError(error);
      log(`Request to ${host} failed: ${reason}.`);
      throw error;
    }
  };
}

/** A successful answer whose body did not arrive whole, or is not JSON. */
class UnusableAnswerError extends Error {
  override readonly name = 'UnusableAnswerError';
}

/** The answer again, its body read whole and checked to be JSON; Octokit then parses the same text. */
async function withWholeJsonBody(response: Response): Promise<Response> {
  const contentType = response.headers.get('content-type') ?? 'no content type';
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (nameOf(error) === 'AbortError' || nameOf(error) === 'TimeoutError') throw error;
    throw new UnusableAnswerError(`the connection broke in the middle of GitHub's answer (${describeFetchError(error)})`, { cause: error });
  }
  try {
    JSON.parse(text);
  } catch {
    const opening = text.slice(0, 60).replace(/\s+/g, ' ').trim();
    throw new UnusableAnswerError(
      `GitHub's answer (HTTP ${response.status}) was not JSON (${contentType}, ${text.length} characters: "${opening}…"): a proxy in between, or a cut-off answer`,
    );
  }
  return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
}

function nameOf(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined;
}

function describeFetchError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error instanceof UnusableAnswerError) return error.message;
  return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
}

/** Cancellation must not wait for a retry back-off to end, so the caller's promise settles at once on abort. */
function rejectOnAbort<T>(pending: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortReason(signal));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
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
