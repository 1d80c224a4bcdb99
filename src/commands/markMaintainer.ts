import { listPersonCommand } from './personSettings';
import { COMMAND_IDS } from '../shared/contributionIds';

/** People view: counts the person as a maintainer (`communityPulse.maintainers`), so they leave the candidates and count as the team. */
export const markMaintainerCommand = listPersonCommand(COMMAND_IDS.markMaintainer, 'maintainers', (login) => ({
  added: `@${login} now counts as a maintainer`,
  already: `@${login} is already listed as a maintainer`,
}));
