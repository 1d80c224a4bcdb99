import * as vscode from 'vscode';
import { safeWebUrl } from '../github/webLinks';
import type { CommandServices, PulseCommand } from './pulseCommand';
import { COMMAND_IDS } from '../shared/contributionIds';

/** Opens the clicked (or selected) discussion on GitHub, if its stored URL is a page of the configured GitHub. */
export function openInBrowserCommand({ needsResponse, controller }: CommandServices): PulseCommand {
  return {
    id: COMMAND_IDS.openInBrowser,
    run: async (node?: unknown) => {
      const target = needsResponse.target(node);
      const apiUrl = controller.data?.settings.apiUrl;
      const link = target?.kind === 'discussion' && apiUrl ? safeWebUrl(target.row.url, apiUrl) : null;
      if (link) await vscode.env.openExternal(vscode.Uri.parse(link));
    },
  };
}
