import type { CommandServices, PulseCommand } from './pulseCommand';
import { COMMAND_IDS } from '../shared/contributionIds';

/** Keeps a damaged snapshot under a dated name beside it and syncs afresh: the way out of a damaged file, with no manual step. */
export function moveDamagedSnapshotAsideCommand({ controller }: CommandServices): PulseCommand {
  return { id: COMMAND_IDS.moveDamagedSnapshotAside, run: () => controller.moveDamagedSnapshotAside() };
}
