import { listPersonCommand } from './personSettings';

/** People view: treats the account as a bot (`communityPulse.ignoreUsers`), ignored by every figure. */
export const ignoreUserCommand = listPersonCommand('communityPulse.ignoreUser', 'ignoreUsers', (login) => ({
  added: `@${login} is now ignored as a bot`,
  already: `@${login} is already ignored`,
}));
