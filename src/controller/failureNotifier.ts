import * as vscode from 'vscode';
import { authProviderFor } from '../auth/providers';
import { COMMAND_IDS, type CommandId } from '../shared/contributionIds';
import { MOVE_DAMAGED_ASIDE } from '../store/damagedSnapshot';
import type { FailureAction, FailurePresentation } from './syncFailure';

const ACTION_COMMANDS: Record<FailureAction, { readonly title: string; readonly command: CommandId }> = {
  signIn: { title: 'Sign in with GitHub', command: COMMAND_IDS.signIn },
  signInWithToken: { title: 'Sign in with a Token', command: COMMAND_IDS.signInWithToken },
  chooseRepository: { title: 'Choose Repository', command: COMMAND_IDS.chooseRepository },
  retry: { title: 'Retry', command: COMMAND_IDS.refresh },
  showLog: { title: 'Show Log', command: COMMAND_IDS.showLog },
  moveDamagedAside: { title: MOVE_DAMAGED_ASIDE, command: COMMAND_IDS.moveDamagedSnapshotAside },
};

/**
 * Tells the user a sync failed, with buttons that run what helps. The automatic sync repeats every few minutes, so
 * the same failure is shown once until a sync succeeds (`reset`); a sync the user asked for always answers.
 */
export class FailureNotifier {
  private lastShown: string | undefined;

  notify(presentation: FailurePresentation, apiUrl: string, userInitiated: boolean): void {
    if (!userInitiated && presentation.message === this.lastShown) return;
    this.lastShown = presentation.message;
    // A local test server has no VS Code account to sign in with: only a token helps there.
    const actions = presentation.actions.filter((action) => action !== 'signIn' || authProviderFor(apiUrl) !== null).map((action) => ACTION_COMMANDS[action]);
    const titles = actions.map((action) => action.title);
    const shown =
      presentation.state === 'noDiscussions'
        ? vscode.window.showWarningMessage(presentation.message, ...titles)
        : vscode.window.showErrorMessage(presentation.message, ...titles);
    void shown.then((choice) => {
      const action = actions.find((candidate) => candidate.title === choice);
      if (action) void vscode.commands.executeCommand(action.command);
    });
  }

  /** A sync succeeded: the next failure is news again. */
  reset(): void {
    this.lastShown = undefined;
  }
}
