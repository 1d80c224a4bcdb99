import { strict as assert } from 'node:assert';
import { presentSyncFailure } from '../../src/controller/syncFailure';

const context = {
  repository: 'octo/repo',
  apiUrl: 'https://api.github.com',
  tokenSource: 'of your GitHub account',
  detail: 'Field discussions.nodes[3].createdAt: expected an ISO 8601 date-time.',
};

describe('sync failure messages', () => {
  it('asks to sign in again when the token is rejected', () => {
    const failure = presentSyncFailure('auth', context)!;
    assert.equal(failure.state, 'signedOut');
    assert.match(failure.message, /rejected the token of your GitHub account for octo\/repo/);
    assert.deepEqual(failure.actions, ['signIn', 'signInWithToken', 'showLog']);
  });

  it('offers another repository when Discussions are off or the repository is unknown', () => {
    assert.equal(presentSyncFailure('discussionsDisabled', context)!.state, 'noDiscussions');
    assert.ok(presentSyncFailure('discussionsDisabled', context)!.actions.includes('chooseRepository'));
    assert.ok(presentSyncFailure('notFound', context)!.actions.includes('chooseRepository'));
  });

  it('says that stored data is kept, with the cause, for validation, network and rate-limit failures', () => {
    assert.match(presentSyncFailure('validation', context)!.message, /left unchanged\. Field discussions\.nodes\[3\]\.createdAt/);
    for (const kind of ['network', 'rateLimited'] as const) {
      const failure = presentSyncFailure(kind, context)!;
      assert.equal(failure.state, 'error');
      assert.match(failure.message, /what was fetched is kept/);
      assert.ok(failure.actions.includes('retry'));
    }
  });

  it('treats cancelling as no failure', () => {
    assert.equal(presentSyncFailure('cancelled', context), null);
  });
});
