import * as vscode from 'vscode';
import { isWindowChoice, WINDOW_CHOICES, windowLabel } from '../shared/timeWindow';
import type { InsightServices } from './insightServices';
import type { PulseCommand } from './pulseCommand';

/** "Choose Time Window": the window every view and the dashboard show; a choice may be passed (`'30'` … `'all'`). */
export function chooseWindowCommand({ analysis }: InsightServices): PulseCommand {
  return {
    id: 'communityPulse.chooseWindow',
    run: async (given?: unknown) => {
      const selection = analysis.windowSelection;
      let choice = isWindowChoice(given) ? given : undefined;
      if (!choice) {
        const picked = await vscode.window.showQuickPick(
          WINDOW_CHOICES.map((value) => ({ label: windowLabel(value), value, description: value === selection.choice ? 'current' : undefined })),
          { title: 'Community Pulse: Time Window', placeHolder: 'The period the Health and People views and the dashboard show' },
        );
        choice = picked?.value;
      }
      if (choice) await selection.choose(choice);
    },
  };
}
