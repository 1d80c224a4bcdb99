import * as vscode from 'vscode';
import { TOKEN_ENVIRONMENT_VARIABLE } from '../auth/credentials';
import { readSettings } from '../settings/readSettings';
import type { CommandServices, PulseCommand } from './pulseCommand';
import { COMMAND_IDS } from '../shared/contributionIds';

/** Forgets the entered token and stops using the VS Code account; stored discussions stay. */
export function signOutCommand({ controller, credentials }: CommandServices): PulseCommand {
  return {
    id: COMMAND_IDS.signOut,
    run: async () => {
      await credentials.signOut(readSettings().settings.apiUrl);
      await controller.reload();
      if (process.env[TOKEN_ENVIRONMENT_VARIABLE]) {
        void vscode.window.showInformationMessage(
          `Community Pulse forgot its stored token, but the ${TOKEN_ENVIRONMENT_VARIABLE} environment variable is set and is still used. Unset it and restart VS Code to sign out completely.`,
        );
      }
    },
  };
}
