import type { CommandServices, PulseCommand } from './pulseCommand';
import { COMMAND_IDS } from '../shared/contributionIds';

/** "Community Pulse: Open Dashboard": opens or reveals the dashboard panel. */
export function openDashboardCommand({ dashboard }: CommandServices): PulseCommand {
  return { id: COMMAND_IDS.openDashboard, run: () => dashboard.open(Date.now()) };
}
