import type { CommandServices, PulseCommand } from './pulseCommand';
import { COMMAND_IDS } from '../shared/contributionIds';

export function showLogCommand({ log }: CommandServices): PulseCommand {
  return { id: COMMAND_IDS.showLog, run: () => log.show() };
}
