import type { CommandServices, PulseCommand } from './pulseCommand';

/** Refetches every discussion, guarding the assumption that a new comment moves a discussion's `updatedAt`. */
export function fullRecheckCommand({ controller }: CommandServices): PulseCommand {
  return { id: 'communityPulse.fullRecheck', run: () => controller.sync('full', { userInitiated: true }) };
}
