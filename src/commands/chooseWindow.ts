import * as vscode from 'vscode';
import { readSettings } from '../settings/readSettings';
import { isWindowChoice, WINDOW_CHOICES, windowLabel, type WindowChoice } from '../shared/timeWindow';
import type { CommandServices, PulseCommand } from './pulseCommand';
import { COMMAND_IDS } from '../shared/contributionIds';

interface WindowPick extends vscode.QuickPickItem {
  readonly value: WindowChoice | 'default';
}

/**
 * "Choose Time Window": the window every view and the dashboard show, remembered for the workspace; or
 * back to the `communityPulse.defaultWindow` setting. A choice may be passed (`'30'` … `'all'`, `'default'`).
 */
export function chooseWindowCommand({ analysis }: CommandServices): PulseCommand {
  return {
    id: COMMAND_IDS.chooseWindow,
    run: async (given?: unknown) => {
      const selection = analysis.windowSelection;
      let choice: WindowChoice | 'default' | undefined = isWindowChoice(given) ? given : given === 'default' ? 'default' : undefined;
      if (!choice) {
        const chosen = selection.chosen;
        const picks: WindowPick[] = [
          ...WINDOW_CHOICES.map((value): WindowPick => ({ label: windowLabel(value), value, description: value === chosen ? 'current' : undefined })),
          {
            label: `Default: ${windowLabel(readSettings().settings.defaultWindow)}`,
            value: 'default',
            description: chosen === undefined ? 'current' : undefined,
            detail: 'Follow the communityPulse.defaultWindow setting',
          },
        ];
        choice = (
          await vscode.window.showQuickPick(picks, {
            title: 'Community Pulse: Time Window',
            placeHolder: 'The period the Health and People views, the dashboard and exported reports cover',
          })
        )?.value;
      }
      if (choice) await selection.choose(choice);
    },
  };
}
