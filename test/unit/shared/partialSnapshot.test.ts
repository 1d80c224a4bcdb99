import assert from 'node:assert/strict';
import { describePartial, partialSnapshotOf } from '../../../src/shared/partialSnapshot';

describe('partialSnapshot', () => {
  const pending = { totalCount: 20_000 };

  it('calls a snapshot partial while no pass has completed and one is pending, with GitHub’s total', () => {
    assert.deepEqual(partialSnapshotOf({ lastSyncAt: null, pendingPass: pending }, 4_200), { stored: 4_200, total: 20_000 });
  });

  it('calls a snapshot complete once a pass has completed, even with a later pass pending', () => {
    assert.equal(partialSnapshotOf({ lastSyncAt: '2026-01-01T00:00:00Z', pendingPass: pending }, 4_200), null);
    assert.equal(partialSnapshotOf({ lastSyncAt: '2026-01-01T00:00:00Z', pendingPass: null }, 4_200), null);
  });

  it('keeps a pending pass of an older snapshot (no total recorded) partial, with an unknown total', () => {
    assert.deepEqual(partialSnapshotOf({ lastSyncAt: null, pendingPass: {} }, 96), { stored: 96, total: null });
  });

  it('says how much of the repository is there and in which order', () => {
    assert.equal(describePartial({ stored: 4_200, total: 20_000 }), 'partial: 4,200 of 20,000 discussions, newest activity first');
    assert.equal(describePartial({ stored: 96, total: null }), 'partial: 96 discussions so far, newest activity first');
    assert.equal(describePartial({ stored: 4_200, total: 20_000 }, { brief: true }), 'partial: 4,200 of 20,000 discussions');
  });

  it('never says fewer in all than are stored (discussions opened after the first page)', () => {
    assert.equal(describePartial({ stored: 105, total: 100 }), 'partial: 105 of 105 discussions, newest activity first');
  });
});
