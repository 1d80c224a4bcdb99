import { strict as assert } from 'node:assert';
import { pulseStateOf, type StateFacts } from '../../../src/controller/pulseState';

const ready: StateFacts = { target: 'ready', failure: null, hasData: false, syncing: false };

describe('pulseStateOf', () => {
  it('says what stops a sync first: no token, then no repository, whatever else is known', () => {
    assert.equal(pulseStateOf({ target: 'signedOut', failure: 'notFound', hasData: true, syncing: true }), 'signedOut');
    assert.equal(pulseStateOf({ target: 'noRepository', failure: 'error', hasData: true, syncing: true }), 'noRepository');
  });

  it('shows why the last sync failed, even over stored data and a running sync', () => {
    assert.equal(pulseStateOf({ ...ready, failure: 'noDiscussions', hasData: true, syncing: true }), 'noDiscussions');
    assert.equal(pulseStateOf({ ...ready, failure: 'error' }), 'error');
  });

  it('shows stored data as ready, also while a sync runs', () => {
    assert.equal(pulseStateOf({ ...ready, hasData: true }), 'ready');
    assert.equal(pulseStateOf({ ...ready, hasData: true, syncing: true }), 'ready');
  });

  it('is loading only while the first sync runs, and not synced before it', () => {
    assert.equal(pulseStateOf({ ...ready, syncing: true }), 'loading');
    assert.equal(pulseStateOf(ready), 'notSynced');
  });
});
