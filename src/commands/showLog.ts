import type { CommandServices, PulseCommand } from './pulseCommand';

export function showLogCommand({ log }: CommandServices): PulseCommand {
  return { id: 'communityPulse.showLog', run: () => log.show() };
}
