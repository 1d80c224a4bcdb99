import type { CommandServices, PulseCommand } from './pulseCommand';
import { COMMAND_IDS } from '../shared/contributionIds';

/** Incremental sync: fetches what changed since the last sync. */
export function refreshCommand({ controller }: CommandServices): PulseCommand {
  return { id: COMMAND_IDS.refresh, run: () => controller.sync('incremental', { userInitiated: true }) };
}
