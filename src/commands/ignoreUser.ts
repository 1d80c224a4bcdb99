import { listPersonCommand } from './personSettings';
import { COMMAND_IDS } from '../shared/contributionIds';

/** People view: treats the account as a bot (`communityPulse.ignoreUsers`), ignored by every figure. */
export const ignoreUserCommand = listPersonCommand(COMMAND_IDS.ignoreUser, 'ignoreUsers', (login) => ({
  added: `@${login} is now ignored as a bot`,
  already: `@${login} is already ignored`,
}));
