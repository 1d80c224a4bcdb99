import * as vscode from 'vscode';
import { profileUrl } from '../views/webLinks';
import type { InsightServices } from './insightServices';
import type { PulseCommand } from './pulseCommand';

/** People view: opens the person's GitHub profile. */
export function openProfileCommand({ people, controller }: InsightServices): PulseCommand {
  return {
    id: 'communityPulse.openProfile',
    run: async (node?: unknown) => {
      const person = people.person(node);
      const apiUrl = controller.data?.settings.apiUrl;
      if (person && apiUrl) await vscode.env.openExternal(vscode.Uri.parse(profileUrl(apiUrl, person.login)));
    },
  };
}
