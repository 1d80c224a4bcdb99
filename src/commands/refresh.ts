import type { CommandServices, PulseCommand } from './pulseCommand';

/** Incremental sync: fetches what changed since the last sync. */
export function refreshCommand({ controller }: CommandServices): PulseCommand {
  return { id: 'communityPulse.refresh', run: () => controller.sync('incremental', { userInitiated: true }) };
}
