import * as vscode from 'vscode';
import type { InsightServices } from './insightServices';
import { addLoginToSetting } from './personSettings';
import type { PulseCommand } from './pulseCommand';

/** People view: counts the person as a maintainer (`communityPulse.maintainers`), so they leave the candidates and count as the team. */
export function markMaintainerCommand({ people }: InsightServices): PulseCommand {
  return {
    id: 'communityPulse.markMaintainer',
    run: async (node?: unknown) => {
      const person = people.person(node);
      if (!person) return;
      const added = await addLoginToSetting('maintainers', person.login);
      vscode.window.setStatusBarMessage(added ? `@${person.login} now counts as a maintainer` : `@${person.login} is already listed as a maintainer`, 4000);
    },
  };
}
