import * as vscode from 'vscode';
import { createGitHubClient } from '../github/client';
import { readSettings } from '../settings/readSettings';
import { errorMessage } from '../shared/errorMessage';
import type { CommandServices, PulseCommand } from './pulseCommand';
import { COMMAND_IDS } from '../shared/contributionIds';

/**
 * Asks for a personal access token, checks it against GitHub (who is this?) before storing it in
 * SecretStorage, and keeps the box open with the reason when GitHub refuses it.
 */
export function signInWithTokenCommand({ controller, credentials, log }: CommandServices): PulseCommand {
  return {
    id: COMMAND_IDS.signInWithToken,
    run: async () => {
      const { apiUrl } = readSettings().settings;
      const login = await askForVerifiedToken(apiUrl, async (token) => {
        const viewer = await createGitHubClient({ baseUrl: apiUrl, token }, { log: (line) => log.info(line), retries: 1 }).viewerLogin();
        await credentials.storeToken(apiUrl, token);
        return viewer;
      });
      if (login === undefined) return;
      log.info(`Signed in to ${new URL(apiUrl).host} as @${login} with a token.`);
      void vscode.window.showInformationMessage(`Community Pulse: signed in to ${new URL(apiUrl).host} as @${login}.`);
      await controller.sync('incremental', { userInitiated: true });
    },
  };
}

function askForVerifiedToken(apiUrl: string, verify: (token: string) => Promise<string>): Promise<string | undefined> {
  const host = new URL(apiUrl).host;
  const box = vscode.window.createInputBox();
  box.title = 'Community Pulse: Sign in with a Token';
  box.prompt = `A personal access token for ${host}: classic with the repo scope (public_repo for public repositories), or fine-grained with Discussions read access. It is kept in VS Code's secret storage.`;
  box.placeholder = 'ghp_… or github_pat_…';
  box.password = true;
  box.ignoreFocusOut = true;
  return new Promise((resolve) => {
    let login: string | undefined;
    box.onDidChangeValue(() => (box.validationMessage = undefined));
    box.onDidAccept(async () => {
      const token = box.value.trim();
      if (token === '') {
        box.validationMessage = 'Paste a token, or press Escape to cancel.';
        return;
      }
      box.busy = true;
      box.enabled = false;
      try {
        login = await verify(token);
        box.hide();
      } catch (error) {
        box.validationMessage = describeRejectedToken(error, host);
      } finally {
        box.busy = false;
        box.enabled = true;
      }
    });
    box.onDidHide(() => {
      box.dispose();
      resolve(login);
    });
    box.show();
  });
}

function describeRejectedToken(error: unknown, host: string): string {
  const status = typeof error === 'object' && error !== null && 'status' in error ? error.status : undefined;
  if (status === 401) return `${host} rejected this token (401 Bad credentials): check it was copied whole and has not expired or been revoked.`;
  if (status === 403) return `${host} refused this token (403): it may lack the needed scope, or SSO authorization for the organization.`;
  const reason = errorMessage(error);
  return `Could not check the token with ${host}: ${reason}`;
}
