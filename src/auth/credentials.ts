import * as vscode from 'vscode';
import { errorMessage } from '../shared/errorMessage';
import { DisposableBase } from '../shared/lifecycle';
import { authProviderFor, SESSION_SCOPES, tokenSecretKey } from './providers';

/** A token to call GitHub with, and where it came from (for messages; the token itself is never shown or logged). */
export interface Credential {
  readonly token: string;
  /** Completes "GitHub rejected the token …": e.g. `from the COMMUNITY_PULSE_TOKEN environment variable`. */
  readonly source: string;
  readonly kind: 'environment' | 'storedToken' | 'session';
}

export const TOKEN_ENVIRONMENT_VARIABLE = 'COMMUNITY_PULSE_TOKEN';

/**
 * Finds the token for an API without prompting, in this order: the COMMUNITY_PULSE_TOKEN environment
 * variable (demo and tests), a token entered with "Sign in with a Token" (SecretStorage, per API), then
 * VS Code's GitHub (or GitHub Enterprise) account — unless the user signed out of Community Pulse.
 */
export class Credentials extends DisposableBase {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires when a token may have appeared, changed or gone. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly globalState: vscode.Memento,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this.register(
      vscode.authentication.onDidChangeSessions((event) => {
        if (event.provider.id === 'github' || event.provider.id === 'github-enterprise') this.changed.fire();
      }),
    );
    this.register(
      secrets.onDidChange((event) => {
        if (event.key.startsWith('communityPulse.token:')) this.changed.fire();
      }),
    );
  }

  async current(apiUrl: string): Promise<Credential | null> {
    const fromEnvironment = process.env[TOKEN_ENVIRONMENT_VARIABLE]?.trim();
    if (fromEnvironment) {
      return { token: fromEnvironment, kind: 'environment', source: `from the ${TOKEN_ENVIRONMENT_VARIABLE} environment variable` };
    }
    const stored = await this.secrets.get(tokenSecretKey(apiUrl));
    if (stored) return { token: stored, kind: 'storedToken', source: 'you entered with "Sign in with a Token"' };
    if (this.globalState.get<boolean>(signedOutKey(apiUrl))) return null;
    return this.session(apiUrl, 'silent');
  }

  /**
   * Asks VS Code's account to sign in; null when there is no account provider for this API or the user
   * declined. `forceNew` after GitHub rejected the session's token, which VS Code would otherwise hand back.
   */
  async signIn(apiUrl: string, forceNew = false): Promise<Credential | null> {
    const credential = await this.session(apiUrl, forceNew ? 'forceNew' : 'create');
    if (credential) await this.globalState.update(signedOutKey(apiUrl), undefined);
    this.changed.fire();
    return credential;
  }

  async storeToken(apiUrl: string, token: string): Promise<void> {
    await this.secrets.store(tokenSecretKey(apiUrl), token);
    await this.globalState.update(signedOutKey(apiUrl), undefined);
  }

  /** Forgets the entered token and stops using the VS Code account for this API until the next sign-in. */
  async signOut(apiUrl: string): Promise<void> {
    await this.secrets.delete(tokenSecretKey(apiUrl));
    await this.globalState.update(signedOutKey(apiUrl), true);
    this.changed.fire();
  }

  private async session(apiUrl: string, how: 'silent' | 'create' | 'forceNew'): Promise<Credential | null> {
    const provider = authProviderFor(apiUrl);
    if (!provider) return null;
    const options: vscode.AuthenticationGetSessionOptions =
      how === 'forceNew'
        ? { forceNewSession: { detail: 'GitHub rejected the token of the current session. Sign in again to continue.' } }
        : { createIfNone: how === 'create' };
    try {
      const session = await vscode.authentication.getSession(provider, SESSION_SCOPES, options);
      if (!session) return null;
      return {
        token: session.accessToken,
        kind: 'session',
        source: `of your ${provider === 'github' ? 'GitHub' : 'GitHub Enterprise'} account ${session.account.label}`,
      };
    } catch (error) {
      // The user dismissed the sign-in, or github-enterprise has no `github-enterprise.uri` configured.
      this.log.warn(`Sign-in with the ${provider} account did not complete: ${errorMessage(error)}`);
      return null;
    }
  }
}

function signedOutKey(apiUrl: string): string {
  return `signedOut:${tokenSecretKey(apiUrl)}`;
}
