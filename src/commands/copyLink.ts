import * as vscode from 'vscode';
import type { CommandServices, PulseCommand } from './pulseCommand';

/** Copies the discussion's URL. */
export function copyLinkCommand({ needsResponse }: CommandServices): PulseCommand {
  return {
    id: 'communityPulse.copyLink',
    run: async (node?: unknown) => {
      const target = needsResponse.target(node);
      if (target?.kind !== 'discussion') return;
      await vscode.env.clipboard.writeText(target.row.url);
      vscode.window.setStatusBarMessage(`Copied the link to #${target.row.number}`, 3000);
    },
  };
}
