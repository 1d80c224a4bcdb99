import type { RepositoryPermission } from '../../src/github/discussionThread';

/**
 * The public contract of the fake GitHub used by tests, benchmarks and the demo. Other code imports
 * these types from `./server`.
 */

export interface FakeRepositoryInput {
  /** `owner/name`. */
  nameWithOwner: string;
  /**
   * Default true. When false the repository answers like one on GitHub without Discussions:
   * `hasDiscussionsEnabled: false`, an empty `discussions` connection and `discussion(number:)` not found.
   */
  hasDiscussionsEnabled?: boolean;
  /** GitHub `Discussion` nodes in the import format (see src/github/schemas.ts). */
  discussions: unknown[];
}

export interface FakeGitHubOptions {
  repositories: FakeRepositoryInput[];
  /** 0 or absent: any free port. */
  port?: number;
  /** When given, exactly this bearer token is accepted; otherwise any non-empty one. */
  token?: string;
  /** Login answered by `viewer` and `GET /user`; default `octocat`. */
  viewerLogin?: string;
  /**
   * The viewer's role in every served repository (GitHub's `RepositoryPermission`). Absent: derived per
   * repository: its owner is ADMIN, someone who posted there as OWNER/MEMBER/COLLABORATOR has WRITE, anyone else READ.
   */
  viewerPermission?: RepositoryPermission;
  /** The GraphQL points budget per hour reported in `rateLimit` and the headers; default 5,000. */
  pointsPerHour?: number;
  /**
   * Default false: the budget is only reported. When true, a query that would overspend it is answered
   * with GitHub's primary rate-limit response until the window resets.
   */
  enforceRateLimit?: boolean;
  /** The clock of the hourly points window (epoch ms); default Date.now. Tests advance it to reach a reset at once. */
  budgetClock?: () => number;
  /** Each GraphQL request is answered no sooner than this many milliseconds after it arrives (a far server); default 0. */
  latencyMs?: number;
}

export interface FakeGitHubStats {
  /** Every HTTP request received (GraphQL and REST), including those answered by a fault. */
  requests: number;
  /** GraphQL requests received, including those answered by a fault. */
  graphqlRequests: number;
  /** Rate-limit points charged for executed GraphQL queries (GitHub's cost rule). */
  points: number;
  /** Mutation documents executed (refused ones included; not those answered by a fault or the rate limit). */
  mutations: number;
  /** Requests answered by an injected fault. */
  faults: number;
}

export type Fault =
  /** Answer with this HTTP status and GitHub's JSON error body (e.g. 500, 502, 503). */
  | { kind: 'status'; status: number }
  /**
   * Primary rate limit exhausted. Default status 403 with `x-ratelimit-remaining: 0` and
   * `x-ratelimit-reset` (now + `resetAfterSeconds`, default 1); 429 likewise. 200 answers as GitHub's
   * GraphQL endpoint often does: `{ errors: [{ type: 'RATE_LIMITED', ... }] }` with the same headers.
   */
  | { kind: 'rateLimit'; status?: 200 | 403 | 429; resetAfterSeconds?: number }
  /** 403 with `retry-after` and GitHub's "secondary rate limit" message. */
  | { kind: 'secondaryRateLimit'; retryAfterSeconds: number }
  /** Hold the request this long, then answer normally (or never, if the client aborts). */
  | { kind: 'timeout'; ms: number }
  /** Destroy the socket without answering. */
  | { kind: 'drop' }
  /**
   * The connection breaks in the middle of the answer: the normal answer's status, headers (with its full
   * `content-length`) and first half of its body are sent, then the socket is destroyed. The request is executed.
   */
  | { kind: 'brokenBody' }
  /**
   * HTTP 200 whose body is not JSON, in place of the normal answer (the request is executed): `proxyPage` an HTML
   * page such as a proxy or captive portal sends (`text/html`), `truncated` the first half of the normal JSON
   * with a `content-length` that matches it (`application/json`).
   */
  | { kind: 'notJson'; body: 'proxyPage' | 'truncated' }
  /** Answer with the JSON body `mutate` returns for a deep copy of the normal body. */
  | { kind: 'corrupt'; mutate: (body: any) => unknown };

/** Which requests an injected fault may hit; default `any`. */
export type FaultTarget = 'any' | 'graphql' | 'rest';

/** A seeded share of requests failing at random, each with one of `faults` (a soak test of everything at once). */
export interface RandomFaults {
  /** The same seed and the same requests in the same order give the same faults. */
  seed: number;
  /** Between 0 and 1: 0.1 fails one request in ten. */
  share: number;
  faults: readonly Fault[];
  target?: FaultTarget;
}

export interface NewPostInput {
  author: string;
  /** Markdown; default empty. */
  body?: string;
  /** ISO date-time; default now. */
  createdAt?: string;
  authorAssociation?: string;
  typename?: 'User' | 'Bot';
}

export interface NewDiscussionInput extends NewPostInput {
  title: string;
  /** Category name; default the repository's first category. */
  category?: string;
}

export interface DiscussionPatch {
  title?: string;
  closed?: boolean;
  locked?: boolean;
}

export interface UpdateOptions {
  /**
   * Default true. False simulates a change GitHub did not reflect in `updatedAt` (for the "Full
   * Re-check").
   */
  bumpUpdatedAt?: boolean;
}

export interface MarkAnswerOptions {
  /** ISO date-time; default now. */
  chosenAt?: string;
  /** Login; default the discussion's author. */
  chosenBy?: string;
}

export interface FakeGitHub {
  /** `http://127.0.0.1:PORT`. GraphQL at POST /graphql and POST /api/graphql; REST at / and /api/v3/. */
  readonly url: string;
  stats(): FakeGitHubStats;
  resetStats(): void;
  /** The next `times` (default 1) requests matching `target` (default any) get this fault. */
  injectFault(fault: Fault, times?: number, target?: FaultTarget): void;
  /** From now on, requests not given an injected fault fail at random as `random` says (until `clearFaults`). */
  injectRandomFaults(random: RandomFaults): void;
  /** Removes faults not yet applied, and stops random faults. */
  clearFaults(): void;
  addDiscussion(repo: string, input: NewDiscussionInput): { number: number; id: string };
  addComment(repo: string, discussionNumber: number, input: NewPostInput): { id: string };
  addReply(repo: string, commentId: string, input: NewPostInput): { id: string };
  markAnswer(repo: string, commentId: string, options?: MarkAnswerOptions): void;
  updateDiscussion(repo: string, discussionNumber: number, patch: DiscussionPatch, options?: UpdateOptions): void;
  close(): Promise<void>;
}
