import * as vscode from 'vscode';
import { profileUrl, safeWebUrl } from '../github/webLinks';
import type { CommandServices, PulseCommand } from './pulseCommand';
import { COMMAND_IDS } from '../shared/contributionIds';

/** People view: opens the person's GitHub profile. */
export function openProfileCommand({ people, controller }: CommandServices): PulseCommand {
  return {
    id: COMMAND_IDS.openProfile,
    run: async (node?: unknown) => {
      const person = people.person(node);
      const apiUrl = controller.data?.settings.apiUrl;
      const link = person && apiUrl ? safeWebUrl(profileUrl(apiUrl, person.login), apiUrl) : null;
      if (link) await vscode.env.openExternal(vscode.Uri.parse(link));
    },
  };
}
