/**
 * Typed arrays lent for one computation and reused by the next, for a metric that needs large working
 * arrays: a report computes the network twice (its window and the previous one), and large typed arrays
 * made and dropped at every report pushed V8 into full collections of the whole heap (at 50,000
 * discussions: 7 in 20 reports, about 170 ms each, against none without them).
 *
 * A computation makes a `ScratchArrays` of its owner and takes its arrays in the same order each time; it
 * must be done with them (synchronously) before the owner's next computation starts. The arrays are kept
 * for the life of the process, as large as the largest computation has needed, up to the owner's
 * `limitBytes` in all: past it, an array is made for the computation alone, so that a very large community
 * does not leave tens of megabytes held between reports.
 */
export class ScratchArrays {
  private next = 0;

  constructor(private readonly owner: ScratchOwner) {}

  /** The next array, `length` long, filled with `fill` (else holding whatever the last computation left). */
  int32(length: number, fill?: number): Int32Array {
    const { buffers, limitBytes } = this.owner;
    const index = this.next++;
    let buffer = buffers[index];
    if (buffer === undefined || buffer.length < length) {
      const kept = buffers.reduce((sum, each, at) => (at === index ? sum : sum + each.length), 0);
      const room = limitBytes / Int32Array.BYTES_PER_ELEMENT - kept;
      buffer = new Int32Array(Math.max(length, Math.min(2 * (buffer?.length ?? 0), room)));
      if (buffer.length <= room) buffers[index] = buffer;
    }
    const lent = buffer.subarray(0, length);
    if (fill !== undefined) lent.fill(fill);
    return lent;
  }
}

/** The arrays of one metric (one per module: two metrics never share them), and how many bytes of them it may keep. */
export interface ScratchOwner {
  readonly buffers: Int32Array[];
  readonly limitBytes: number;
}
