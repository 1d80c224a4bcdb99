import { strict as assert } from 'node:assert';
import { presentDamagedSnapshot, presentSyncFailure } from '../../../src/controller/syncFailure';

const TOKEN_SOURCE = 'from the COMMUNITY_PULSE_TOKEN environment variable';

describe('sync failure messages', () => {
  it('asks to sign in again when the token is rejected, saying which token it was', () => {
    const failure = presentSyncFailure('auth', 'GitHub rejected the sign-in (401).', TOKEN_SOURCE)!;
    assert.equal(failure.state, 'signedOut');
    assert.equal(failure.message, 'GitHub rejected the sign-in (401). (The token used is the one from the COMMUNITY_PULSE_TOKEN environment variable.)');
    assert.deepEqual(failure.actions, ['signIn', 'signInWithToken', 'showLog']);
  });

  it('offers another repository when Discussions are off or the repository is unknown', () => {
    const disabled = presentSyncFailure('discussionsDisabled', 'Discussions are not enabled for octo/repo.', TOKEN_SOURCE)!;
    assert.equal(disabled.state, 'noDiscussions');
    assert.equal(disabled.message, 'Discussions are not enabled for octo/repo.');
    assert.ok(disabled.actions.includes('chooseRepository'));
    const notFound = presentSyncFailure('notFound', 'Not found.', TOKEN_SOURCE)!;
    assert.equal(notFound.state, 'notFound');
    assert.ok(notFound.actions.includes('chooseRepository'));
  });

  it('offers a retry and the log for passing failures', () => {
    for (const kind of ['network', 'rateLimited', 'validation'] as const) {
      const failure = presentSyncFailure(kind, 'Something failed.', TOKEN_SOURCE)!;
      assert.equal(failure.state, 'error');
      assert.deepEqual([...failure.actions].sort(), ['retry', 'showLog']);
    }
  });

  it('treats cancelling as no failure', () => {
    assert.equal(presentSyncFailure('cancelled', 'Cancelled.', TOKEN_SOURCE), null);
  });
});

describe('damaged snapshot notice', () => {
  it('offers the one action that moves the file aside and syncs again', () => {
    const failure = presentDamagedSnapshot('The snapshot file /s/octo__repo.json is damaged (not valid JSON); it was left untouched.');
    assert.equal(failure.state, 'error');
    assert.deepEqual(failure.actions, ['moveDamagedAside', 'showLog']);
    assert.match(failure.message, /^The snapshot file \/s\/octo__repo\.json is damaged .* Choose "Move aside and sync again": it is kept under a dated name/);
  });
});
