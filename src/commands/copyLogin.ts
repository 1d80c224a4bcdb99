import * as vscode from 'vscode';
import type { InsightServices } from './insightServices';
import type { PulseCommand } from './pulseCommand';

/** People view: copies the person's login. */
export function copyLoginCommand({ people }: InsightServices): PulseCommand {
  return {
    id: 'communityPulse.copyLogin',
    run: async (node?: unknown) => {
      const person = people.person(node);
      if (!person) return;
      await vscode.env.clipboard.writeText(person.login);
      vscode.window.setStatusBarMessage(`Copied ${person.login}`, 3000);
    },
  };
}
