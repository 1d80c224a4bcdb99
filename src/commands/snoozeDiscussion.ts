import * as vscode from 'vscode';
import type { SnoozeChoice } from '../community/assist/snooze';
import { SNOOZE_CHOICES } from '../discussionView/protocol';
import { COMMAND_IDS } from '../shared/contributionIds';
import { discussionIdOf, discussionTarget } from './discussionArgument';
import type { CommandServices, PulseCommand } from './pulseCommand';

const CHOICE_LABELS: Record<SnoozeChoice, string> = {
  '1d': 'For a day',
  '3d': 'For 3 days',
  '7d': 'For a week',
  activity: 'Until someone else posts',
};

/** Hides a discussion from Needs Response (on this computer only) until the chosen time or someone else's post. */
export function snoozeDiscussionCommand({ needsResponse, controller, snoozes }: CommandServices): PulseCommand {
  return {
    id: COMMAND_IDS.snoozeDiscussion,
    run: async (argument?: unknown) => {
      const id = discussionIdOf(discussionTarget(argument, needsResponse), controller.data);
      if (!id) return;
      const picked = await vscode.window.showQuickPick(
        SNOOZE_CHOICES.map((choice) => ({ label: CHOICE_LABELS[choice], choice })),
        { title: 'Snooze', placeHolder: 'Hide it from Needs Response…' },
      );
      if (picked) await snoozes.snooze(id, picked.choice);
    },
  };
}
