import { listPersonCommand } from './personSettings';

/** People view: counts the person as a maintainer (`communityPulse.maintainers`), so they leave the candidates and count as the team. */
export const markMaintainerCommand = listPersonCommand('communityPulse.markMaintainer', 'maintainers', (login) => ({
  added: `@${login} now counts as a maintainer`,
  already: `@${login} is already listed as a maintainer`,
}));
