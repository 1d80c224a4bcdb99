import { COMMAND_IDS } from '../shared/contributionIds';
import { discussionTarget } from './discussionArgument';
import { pickDiscussion } from './pickDiscussion';
import type { CommandServices, PulseCommand } from './pulseCommand';

/** Opens the discussion in its editor tab (or focuses the tab already open); from the Command Palette, a picked one. */
export function openDiscussionCommand({ needsResponse, discussions, controller }: CommandServices): PulseCommand {
  return {
    id: COMMAND_IDS.openDiscussion,
    run: async (argument?: unknown) => {
      const requestedAt = Date.now();
      const target = argument === undefined ? await pickDiscussion(controller.data) : discussionTarget(argument, needsResponse);
      if (target) discussions.open(target.number, target.postId, argument === undefined ? Date.now() : requestedAt);
    },
  };
}
