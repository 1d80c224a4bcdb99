import * as vscode from 'vscode';
import type { CommandServices, PulseCommand } from './pulseCommand';
import { COMMAND_IDS } from '../shared/contributionIds';

/** Opens the clicked (or selected) discussion on GitHub. */
export function openInBrowserCommand({ needsResponse }: CommandServices): PulseCommand {
  return {
    id: COMMAND_IDS.openInBrowser,
    run: async (node?: unknown) => {
      const target = needsResponse.target(node);
      if (target?.kind === 'discussion') await vscode.env.openExternal(vscode.Uri.parse(target.row.url));
    },
  };
}
