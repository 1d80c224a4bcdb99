import { isLoopbackHost } from '../github/webLinks';
import { hostOf } from '../repository/gitRemotes';

/**
 * Which VS Code authentication provider can give a token for `apiUrl`: `github` for github.com,
 * `github-enterprise` for a GitHub Enterprise Server, none for a local test server (token only).
 */
export type AuthProviderId = 'github' | 'github-enterprise';

export function authProviderFor(apiUrl: string): AuthProviderId | null {
  const host = hostOf(apiUrl);
  if (host === null || isLoopbackHost(host)) return null;
  return host === 'api.github.com' ? 'github' : 'github-enterprise';
}

/** Scopes asked of the VS Code GitHub account: `repo` reads discussions of private repositories too. */
export const SESSION_SCOPES = ['repo'];

/** SecretStorage key of a token entered for one API, so a github.com token is never sent to another server. */
export function tokenSecretKey(apiUrl: string): string {
  return `communityPulse.token:${apiUrl.replace(/\/+$/, '').toLowerCase()}`;
}
