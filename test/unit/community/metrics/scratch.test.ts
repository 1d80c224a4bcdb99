import * as assert from 'node:assert/strict';
import { ScratchArrays, type ScratchOwner } from '../../../../src/community/metrics/scratch';

describe('metrics: scratch arrays', () => {
  it('lends the same memory to the next computation, at the length asked and filled as asked', () => {
    const owner: ScratchOwner = { buffers: [], limitBytes: 1024 };
    const first = new ScratchArrays(owner);
    const a = first.int32(10, 7);
    const b = first.int32(4);
    a[0] = 99;
    const second = new ScratchArrays(owner);
    const again = second.int32(6);
    assert.equal(again.buffer, a.buffer, 'the first array of the next computation is the same memory');
    assert.equal(again.length, 6);
    assert.equal(again[0], 99, 'not filled: what the last computation left');
    assert.deepEqual([...second.int32(3, -1)], [-1, -1, -1]);
    assert.equal(second.int32(3, -1).buffer === b.buffer, false, 'a third array is new');
  });

  it('keeps no more than its limit: past it, an array is made for one computation and dropped', () => {
    const owner: ScratchOwner = { buffers: [], limitBytes: 100 * Int32Array.BYTES_PER_ELEMENT };
    const take = new ScratchArrays(owner);
    take.int32(60);
    const large = take.int32(80);
    assert.equal(large.length, 80);
    const kept = owner.buffers.reduce((sum, buffer) => sum + buffer.length, 0);
    assert.ok(kept <= 100, `kept ${kept} numbers`);
    assert.equal(new ScratchArrays(owner).int32(60).buffer, owner.buffers[0]!.buffer, 'the array within the limit is still lent');
  });
});
