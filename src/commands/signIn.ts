import * as vscode from 'vscode';
import { authProviderFor } from '../auth/providers';
import { readSettings } from '../settings/readSettings';
import type { CommandServices, PulseCommand } from './pulseCommand';
import { COMMAND_IDS } from '../shared/contributionIds';

/** Signs in with VS Code's GitHub (or GitHub Enterprise) account, asking for it if needed. */
export function signInCommand({ controller, credentials }: CommandServices): PulseCommand {
  return {
    id: COMMAND_IDS.signIn,
    run: async () => {
      const { apiUrl } = readSettings().settings;
      const provider = authProviderFor(apiUrl);
      if (!provider) {
        // A local server (the demo, the tests) has no VS Code account: a token is the only way in.
        return vscode.commands.executeCommand(COMMAND_IDS.signInWithToken);
      }
      const credential = await credentials.signIn(apiUrl, controller.tokenRejected);
      if (credential) return controller.sync('incremental', { userInitiated: true });
      if (provider === 'github-enterprise') {
        const choice = await vscode.window.showWarningMessage(
          `Signing in to ${new URL(apiUrl).host} did not complete. VS Code's GitHub Enterprise account needs the github-enterprise.uri setting; or sign in with a token.`,
          'Sign in with a Token',
        );
        if (choice) return vscode.commands.executeCommand(COMMAND_IDS.signInWithToken);
      }
      return undefined;
    },
  };
}
