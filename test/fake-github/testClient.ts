/** A bare GraphQL/REST client for tests of the fake GitHub itself: raw status, headers and body. */

export interface RawAnswer {
  status: number;
  headers: Headers;
  body: any;
}

export interface RawRequestOptions {
  /** The whole `Authorization` header; default `bearer test-token`; null sends none. */
  authorization?: string | null;
  path?: string;
  signal?: AbortSignal;
}

export async function postGraphQL(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: RawRequestOptions = {},
): Promise<RawAnswer> {
  const response = await fetch(`${baseUrl}${options.path ?? '/graphql'}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authorizationHeader(options) },
    body: JSON.stringify({ query, variables }),
    ...(options.signal && { signal: options.signal }),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

export async function getRest(baseUrl: string, path: string, options: RawRequestOptions = {}): Promise<RawAnswer> {
  const response = await fetch(`${baseUrl}${path}`, { headers: authorizationHeader(options) });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

function authorizationHeader(options: RawRequestOptions): Record<string, string> {
  const authorization = options.authorization === undefined ? 'bearer test-token' : options.authorization;
  return authorization === null ? {} : { authorization };
}
