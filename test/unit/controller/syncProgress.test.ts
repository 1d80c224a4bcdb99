import { strict as assert } from 'node:assert';
import { describeSyncProgress, syncPercent } from '../../../src/controller/syncProgress';

describe('sync progress messages', () => {
  it('counts discussions against the total when GitHub gave one', () => {
    const progress = { phase: 'discussions', discussions: 1200, total: 5000, requests: 13, points: 130 } as const;
    assert.equal(describeSyncProgress(progress), '1,200 of 5,000 discussions · 13 requests');
    assert.equal(syncPercent(progress), 24);
  });

  it('says when long threads are being completed, and has no percentage without a total', () => {
    const progress = { phase: 'threads', discussions: 100, total: null, requests: 1, points: 1 } as const;
    assert.equal(describeSyncProgress(progress), '100 discussions · completing long threads · 1 request');
    assert.equal(syncPercent(progress), null);
  });
});
