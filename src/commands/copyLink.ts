import * as vscode from 'vscode';
import type { CommandServices, PulseCommand } from './pulseCommand';
import { COMMAND_IDS } from '../shared/contributionIds';

/** Copies the discussion's URL. */
export function copyLinkCommand({ needsResponse }: CommandServices): PulseCommand {
  return {
    id: COMMAND_IDS.copyLink,
    run: async (node?: unknown) => {
      const target = needsResponse.target(node);
      if (target?.kind !== 'discussion') return;
      await vscode.env.clipboard.writeText(target.row.url);
      vscode.window.setStatusBarMessage(`Copied the link to #${target.row.number}`, 3000);
    },
  };
}
