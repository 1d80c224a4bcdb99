import type { InsightServices } from './insightServices';
import type { PulseCommand } from './pulseCommand';

/** "Community Pulse: Open Dashboard": opens or reveals the dashboard panel. */
export function openDashboardCommand({ dashboard }: InsightServices): PulseCommand {
  return { id: 'communityPulse.openDashboard', run: () => dashboard.open(Date.now()) };
}
