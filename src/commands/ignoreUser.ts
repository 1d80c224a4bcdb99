import * as vscode from 'vscode';
import type { InsightServices } from './insightServices';
import { addLoginToSetting } from './personSettings';
import type { PulseCommand } from './pulseCommand';

/** People view: treats the account as a bot (`communityPulse.ignoreUsers`), ignored by every figure. */
export function ignoreUserCommand({ people }: InsightServices): PulseCommand {
  return {
    id: 'communityPulse.ignoreUser',
    run: async (node?: unknown) => {
      const person = people.person(node);
      if (!person) return;
      const added = await addLoginToSetting('ignoreUsers', person.login);
      vscode.window.setStatusBarMessage(added ? `@${person.login} is now ignored as a bot` : `@${person.login} is already ignored`, 4000);
    },
  };
}
