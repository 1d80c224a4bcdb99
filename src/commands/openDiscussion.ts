import { COMMAND_IDS } from '../shared/contributionIds';
import { discussionTarget } from './discussionArgument';
import type { CommandServices, PulseCommand } from './pulseCommand';

/** Opens the discussion in its editor tab (or focuses the tab already open). */
export function openDiscussionCommand({ needsResponse, discussions }: CommandServices): PulseCommand {
  return {
    id: COMMAND_IDS.openDiscussion,
    run: (argument?: unknown) => {
      const requestedAt = Date.now();
      const target = discussionTarget(argument, needsResponse);
      if (target) discussions.open(target.number, target.postId, requestedAt);
    },
  };
}
