import type { CommandServices, PulseCommand } from './pulseCommand';
import { COMMAND_IDS } from '../shared/contributionIds';

/** Refetches every discussion, guarding the assumption that a new comment moves a discussion's `updatedAt`. */
export function fullRecheckCommand({ controller }: CommandServices): PulseCommand {
  return { id: COMMAND_IDS.fullRecheck, run: () => controller.sync('full', { userInitiated: true }) };
}
