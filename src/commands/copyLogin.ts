import * as vscode from 'vscode';
import type { CommandServices, PulseCommand } from './pulseCommand';
import { COMMAND_IDS } from '../shared/contributionIds';

/** People view: copies the person's login. */
export function copyLoginCommand({ people }: CommandServices): PulseCommand {
  return {
    id: COMMAND_IDS.copyLogin,
    run: async (node?: unknown) => {
      const person = people.person(node);
      if (!person) return;
      await vscode.env.clipboard.writeText(person.login);
      vscode.window.setStatusBarMessage(`Copied ${person.login}`, 3000);
    },
  };
}
