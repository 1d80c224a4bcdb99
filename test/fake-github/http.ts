import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { PointsBudget } from './budget';
import { badCredentials, notFoundRoute, primaryRateLimitGraphQL, primaryRateLimitRest, problemsParsingJson, secondaryRateLimit, serverError } from './errors';
import type { FaultQueue, RequestKind } from './faults';
import type { GraphQLEndpoint, HttpAnswer } from './graphqlEndpoint';
import type { FakeGitHubStats } from './types';

export interface HttpDependencies {
  readonly graphql: GraphQLEndpoint;
  readonly faults: FaultQueue;
  readonly stats: FakeGitHubStats;
  /** The REST (`core`) budget: every REST request spends one. */
  readonly restBudget: PointsBudget;
  readonly graphqlBudget: PointsBudget;
  /** When set, exactly this token is accepted. */
  readonly token: string | undefined;
  readonly viewerLogin: string;
  /** Aborted when the server closes, releasing requests held by a `timeout` fault or the latency. */
  readonly closing: AbortSignal;
  /** Each GraphQL request is answered no sooner than this many milliseconds after it arrived. */
  readonly latencyMs: number;
}

/** GraphQL at /graphql and GHES's /api/graphql; REST at / and GHES's /api/v3/. */
function routeOf(method: string | undefined, pathname: string): RequestKind | undefined {
  if (method === 'POST' && (pathname === '/graphql' || pathname === '/api/graphql')) return 'graphql';
  if (method === 'GET' && (pathname === '/user' || pathname === '/api/v3/user')) return 'rest';
  return undefined;
}

let requestCounter = 0;

export function createFakeHttpServer(deps: HttpDependencies): Server {
  return createServer((request, response) => {
    handle(deps, request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, { status: 500, headers: {}, body: { message: `fake GitHub: ${String(error)}` } });
      else response.destroy();
    });
  });
}

async function handle(deps: HttpDependencies, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const arrivedAt = Date.now();
  const route = routeOf(request.method, new URL(request.url ?? '/', 'http://fake').pathname);
  deps.stats.requests++;
  if (route === 'graphql') deps.stats.graphqlRequests++;
  const body = await readBody(request);
  if (!route) return send(response, { status: 404, headers: {}, body: notFoundRoute() });
  const reply = await replyTo(deps, route, request, body, response);
  if (!reply) return;
  // The latency includes the time taken to execute the query, as a far server's answer time does.
  const latencyLeft = arrivedAt + deps.latencyMs - Date.now();
  if (route === 'graphql' && latencyLeft > 0 && !(await held(latencyLeft, response, deps.closing))) return;
  reply();
}

/** How to answer (a fault or the normal answer); undefined when the client gave up while a `timeout` fault held it. */
async function replyTo(
  deps: HttpDependencies,
  route: RequestKind,
  request: IncomingMessage,
  body: string,
  response: ServerResponse,
): Promise<(() => void) | undefined> {
  const fault = deps.faults.take(route);
  if (fault) deps.stats.faults++;
  switch (fault?.kind) {
    case 'drop':
      return () => request.socket.destroy();
    case 'status':
      return () => send(response, { status: fault.status, headers: {}, body: serverError(fault.status) });
    case 'rateLimit': {
      const limited = rateLimited(deps, route, fault.status ?? 403, Math.ceil(Date.now() / 1000) + (fault.resetAfterSeconds ?? 1));
      return () => send(response, limited);
    }
    case 'secondaryRateLimit': {
      const headers = { 'retry-after': String(fault.retryAfterSeconds), ...budgetOf(deps, route).headers(route === 'graphql' ? 'graphql' : 'core') };
      return () => send(response, { status: 403, headers, body: secondaryRateLimit() });
    }
    case 'timeout':
      if (!(await held(fault.ms, response, deps.closing))) return undefined;
      break;
  }
  const answer = await answerNormally(deps, route, request, body);
  switch (fault?.kind) {
    case 'corrupt':
      answer.body = fault.mutate(structuredClone(answer.body));
      break;
    case 'brokenBody':
      return () => sendBrokenOff(response, answer);
    case 'notJson':
      if (fault.body === 'proxyPage') return () => sendText(response, 200, {}, PROXY_PAGE, 'text/html; charset=utf-8');
      return () => sendText(response, 200, answer.headers, firstHalf(JSON.stringify(answer.body)), JSON_CONTENT_TYPE);
  }
  return () => send(response, answer);
}

/** What a corporate proxy or captive portal puts in place of GitHub's answer. */
const PROXY_PAGE = '<!DOCTYPE html>\n<html><head><title>Access Gateway</title></head><body><h1>Please sign in to continue</h1></body></html>\n';
const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

function firstHalf(payload: string): string {
  return payload.slice(0, Math.floor(payload.length / 2));
}

async function answerNormally(deps: HttpDependencies, route: RequestKind, request: IncomingMessage, body: string): Promise<HttpAnswer> {
  if (!authorized(deps, request.headers.authorization)) return { status: 401, headers: {}, body: badCredentials(route === 'graphql') };
  if (route === 'rest') {
    deps.restBudget.charge(1);
    return {
      status: 200,
      headers: { 'x-oauth-scopes': 'repo', 'x-accepted-oauth-scopes': '', ...deps.restBudget.headers('core') },
      body: { login: deps.viewerLogin, id: 1, type: 'User', url: `https://api.github.com/users/${deps.viewerLogin}` },
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { status: 400, headers: {}, body: problemsParsingJson() };
  }
  const outcome = await deps.graphql.run(json);
  if (outcome.kind === 'rateLimited') return rateLimited(deps, route, 403, Math.ceil(deps.graphqlBudget.state().resetAtMs / 1000));
  deps.stats.points += outcome.points;
  if (outcome.executedMutation) deps.stats.mutations++;
  outcome.answer.headers['x-oauth-scopes'] = 'repo';
  return outcome.answer;
}

/** `Authorization: bearer T` or `token T` (Octokit sends the latter for personal access tokens). */
function authorized(deps: HttpDependencies, header: string | undefined): boolean {
  const token = /^(?:bearer|token)\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
  return token !== undefined && (deps.token === undefined || token === deps.token);
}

function budgetOf(deps: HttpDependencies, route: RequestKind): PointsBudget {
  return route === 'graphql' ? deps.graphqlBudget : deps.restBudget;
}

/** GitHub's primary rate-limit answer: remaining 0 and the reset time (epoch seconds) in the headers. */
function rateLimited(deps: HttpDependencies, route: RequestKind, status: number, resetAtSeconds: number): HttpAnswer {
  const { limit } = budgetOf(deps, route).state();
  return {
    status,
    headers: {
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': '0',
      'x-ratelimit-used': String(limit),
      'x-ratelimit-reset': String(resetAtSeconds),
      'x-ratelimit-resource': route === 'graphql' ? 'graphql' : 'core',
    },
    body: status === 200 ? primaryRateLimitGraphQL() : { ...primaryRateLimitRest(), status: String(status) },
  };
}

/** Waits `ms`; false when the client gave up or the server is closing meanwhile. */
function held(ms: number, response: ServerResponse, closing: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    const finish = (answered: boolean) => {
      clearTimeout(timer);
      response.off('close', abandoned);
      closing.removeEventListener('abort', abandoned);
      resolve(answered);
    };
    const abandoned = () => finish(false);
    const timer = setTimeout(() => finish(!response.destroyed), ms);
    response.once('close', abandoned);
    closing.addEventListener('abort', abandoned, { once: true });
  });
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, answer: HttpAnswer): void {
  sendText(response, answer.status, answer.headers, JSON.stringify(answer.body), JSON_CONTENT_TYPE);
}

function sendText(response: ServerResponse, status: number, headers: Record<string, string>, payload: string, contentType: string): void {
  if (response.destroyed) return;
  writeHead(response, status, headers, contentType, Buffer.byteLength(payload));
  response.end(payload);
}

/** Announces the whole answer, sends half of it and breaks the connection. */
function sendBrokenOff(response: ServerResponse, answer: HttpAnswer): void {
  if (response.destroyed) return;
  const payload = JSON.stringify(answer.body);
  writeHead(response, answer.status, answer.headers, JSON_CONTENT_TYPE, Buffer.byteLength(payload));
  response.write(firstHalf(payload), () => response.destroy());
}

function writeHead(response: ServerResponse, status: number, headers: Record<string, string>, contentType: string, length: number): void {
  response.writeHead(status, {
    'content-type': contentType,
    'content-length': length,
    'x-github-request-id': `FAKE:${(++requestCounter).toString(16).toUpperCase()}`,
    ...headers,
  });
}
