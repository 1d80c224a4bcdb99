import assert from 'node:assert/strict';
import { emptySnapshot, SnapshotSchema } from '../../../src/store/snapshot';

describe('snapshot format: the pending pass', () => {
  const pass = { mode: 'incremental', startedAt: '2026-01-01T00:00:00Z', newestUpdatedAt: null, stopBefore: null, cursor: 'Y3Vyc29yOjEwMA==' } as const;
  const withPass = (pendingPass: object): unknown => {
    const snapshot = emptySnapshot('acme/widgets', 'https://api.github.com');
    return { ...snapshot, sync: { ...snapshot.sync, pendingPass } };
  };

  it('reads a snapshot written before the total was recorded (an interrupted first sync of an older version)', () => {
    const parsed = SnapshotSchema.parse(withPass(pass));
    assert.equal(parsed.sync.pendingPass?.totalCount, undefined);
    assert.equal(parsed.sync.pendingPass?.cursor, pass.cursor);
  });

  it('keeps GitHub’s total of the first page', () => {
    assert.equal(SnapshotSchema.parse(withPass({ ...pass, totalCount: 20_000 })).sync.pendingPass?.totalCount, 20_000);
  });

  it('rejects a total that is no count', () => {
    assert.equal(SnapshotSchema.safeParse(withPass({ ...pass, totalCount: -1 })).success, false);
    assert.equal(SnapshotSchema.safeParse(withPass({ ...pass, totalCount: 'many' })).success, false);
  });
});
