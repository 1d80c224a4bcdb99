import * as vscode from 'vscode';
import { safeWebUrl } from '../github/webLinks';
import type { CommandServices, PulseCommand } from './pulseCommand';
import { COMMAND_IDS } from '../shared/contributionIds';

/**
 * Opens the clicked (or selected) Needs Response discussion on GitHub, or, from the editor title, the Discussion tab
 * in front; only a page of the configured GitHub.
 */
export function openInBrowserCommand({ needsResponse, discussions, controller }: CommandServices): PulseCommand {
  return {
    id: COMMAND_IDS.openInBrowser,
    run: async (node?: unknown) => {
      const target = needsResponse.target(node);
      const url = target?.kind === 'discussion' ? target.row.url : node === undefined ? discussions.active?.url : undefined;
      const apiUrl = controller.data?.settings.apiUrl;
      const link = url && apiUrl ? safeWebUrl(url, apiUrl) : null;
      if (link) await vscode.env.openExternal(vscode.Uri.parse(link));
    },
  };
}
