import * as vscode from 'vscode';
import { profileUrl } from '../github/webLinks';
import type { CommandServices, PulseCommand } from './pulseCommand';
import { COMMAND_IDS } from '../shared/contributionIds';

/** People view: opens the person's GitHub profile. */
export function openProfileCommand({ people, controller }: CommandServices): PulseCommand {
  return {
    id: COMMAND_IDS.openProfile,
    run: async (node?: unknown) => {
      const person = people.person(node);
      const apiUrl = controller.data?.settings.apiUrl;
      if (person && apiUrl) await vscode.env.openExternal(vscode.Uri.parse(profileUrl(apiUrl, person.login)));
    },
  };
}
