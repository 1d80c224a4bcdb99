/**
 * GitHub's error shapes, so clients see exactly what github.com would send.
 * GraphQL query errors are HTTP 200 `{ errors: [{ type?, path?, locations?, message }] }`;
 * REST and transport errors are `{ message, documentation_url }` with an HTTP status.
 */

export interface GitHubErrorLocation {
  line: number;
  column: number;
}

export interface GitHubGraphQLErrorBody {
  type?: string;
  path?: readonly (string | number)[];
  locations?: readonly GitHubErrorLocation[];
  /** Set by GitHub on some errors, e.g. `graphql_rate_limit`. */
  code?: string;
  message: string;
  extensions?: Record<string, unknown>;
}

/** `type` values GitHub puts on GraphQL errors (top level, not under `extensions`). */
export type GitHubErrorType =
  | 'NOT_FOUND'
  | 'MISSING_PAGINATION_BOUNDARIES'
  | 'EXCESSIVE_PAGINATION'
  | 'MAX_NODE_LIMIT_EXCEEDED'
  | 'INVALID_CURSOR_ARGUMENTS'
  | 'RATE_LIMITED'
  /** A mutation the viewer's role does not allow. */
  | 'FORBIDDEN'
  /** A mutation whose input GitHub's validations reject (a blank or too long body). */
  | 'UNPROCESSABLE';

/** Thrown by resolvers; the response formatter turns it into GitHub's `{ type, path, locations, message }`. */
export class GitHubResolverError extends Error {
  constructor(
    readonly type: GitHubErrorType,
    message: string,
  ) {
    super(message);
    this.name = 'GitHubResolverError';
  }
}

export interface RestErrorBody {
  message: string;
  documentation_url: string;
  status?: string;
}

const GRAPHQL_DOCS = 'https://docs.github.com/graphql';
const REST_DOCS = 'https://docs.github.com/rest';

export function badCredentials(isGraphQL: boolean): RestErrorBody {
  return { message: 'Bad credentials', documentation_url: isGraphQL ? GRAPHQL_DOCS : REST_DOCS, status: '401' };
}

export function notFoundRoute(): RestErrorBody {
  return { message: 'Not Found', documentation_url: REST_DOCS, status: '404' };
}

export function problemsParsingJson(): RestErrorBody {
  return { message: 'Problems parsing JSON', documentation_url: GRAPHQL_DOCS, status: '400' };
}

const STATUS_MESSAGES: Record<number, string> = {
  500: 'Server Error',
  502: 'Server Error',
  503: 'Service Unavailable',
  504: "We couldn't respond to your request in time. Sorry about that. Please try resubmitting your request and contact us if the problem persists.",
};

export function serverError(status: number): RestErrorBody {
  return { message: STATUS_MESSAGES[status] ?? `HTTP ${status}`, documentation_url: REST_DOCS, status: String(status) };
}

export const PRIMARY_RATE_LIMIT_MESSAGE = 'API rate limit exceeded for user ID 1.';

export function primaryRateLimitRest(): RestErrorBody {
  return {
    message: `${PRIMARY_RATE_LIMIT_MESSAGE} If you reach out to GitHub Support for help, please include the request ID FAKE:0000.`,
    documentation_url: 'https://docs.github.com/graphql/overview/rate-limits-and-node-limits-for-the-graphql-api',
    status: '403',
  };
}

export function primaryRateLimitGraphQL(): { errors: GitHubGraphQLErrorBody[] } {
  return { errors: [{ type: 'RATE_LIMITED', code: 'graphql_rate_limit', message: PRIMARY_RATE_LIMIT_MESSAGE }] };
}

export function secondaryRateLimit(): RestErrorBody {
  return {
    message:
      'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID FAKE:0000.',
    documentation_url: 'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
    status: '403',
  };
}
