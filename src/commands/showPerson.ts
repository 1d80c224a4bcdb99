import * as vscode from 'vscode';
import { COMMAND_IDS } from '../shared/contributionIds';
import { describeTies } from '../viewModels/people';
import { pickPerson } from './pickPerson';
import type { CommandServices, PulseCommand } from './pulseCommand';

/**
 * Reveals and selects a person's entry in the People view: argument, their login (the dashboard's network
 * picture sends it); from the Command Palette, one picked among the core and the connectors.
 */
export function showPersonCommand({ people, analysis }: CommandServices): PulseCommand {
  return {
    id: COMMAND_IDS.showPerson,
    run: async (argument?: unknown) => {
      const login = typeof argument === 'string' && argument !== '' ? argument : await pickPerson(analysis.current);
      if (!login || (await people.revealPerson(login))) return;
      const ties = analysis.current?.ties(login) ?? null;
      const figures = ties ? `${describeTies(ties)}; ${analysis.describeWindow() ?? 'this window'}` : 'no post in the data';
      void vscode.window.showInformationMessage(`@${login} has no entry in the People view (${figures}).`);
    },
  };
}
