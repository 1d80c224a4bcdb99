import { COMMAND_IDS } from '../shared/contributionIds';
import { discussionIdOf, discussionTarget } from './discussionArgument';
import type { CommandServices, PulseCommand } from './pulseCommand';

/** Ends a discussion's snooze: it is listed in Needs Response again at once. */
export function wakeDiscussionCommand({ needsResponse, controller, snoozes }: CommandServices): PulseCommand {
  return {
    id: COMMAND_IDS.wakeDiscussion,
    run: async (argument?: unknown) => {
      const id = discussionIdOf(discussionTarget(argument, needsResponse), controller.data);
      if (id) await snoozes.wake(id);
    },
  };
}
