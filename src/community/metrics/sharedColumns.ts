/**
 * The facts' columns: made on a SharedArrayBuffer where there is one (Node: always), so that the report's helper thread
 * (community/reportHelper.ts) reads the very same memory and handing the facts to it copies nothing; where there is
 * none (a page without cross-origin isolation), a plain buffer, and the report computes every section itself.
 *
 * And reused: the memory of facts no longer held (`releaseColumns`) serves the next facts built, zeroed first. A facts
 * object at 200,000 discussions takes 76 MB; made afresh at every build, that memory made V8 collect the whole heap
 * at nearly every report, and the helper thread's views on old facts kept their memory allocated until its own
 * collector ran. Reused, neither happens. So a column must never be kept without its facts object: once that is
 * collected, the column's memory holds the next facts' data.
 */
const Shared: typeof SharedArrayBuffer | typeof ArrayBuffer = typeof SharedArrayBuffer === 'function' ? SharedArrayBuffer : ArrayBuffer;

/** Buffers smaller than this are made afresh, which costs next to nothing: only large ones are kept for reuse. */
const REUSED_FROM_BYTES = 64 * 1024;
/** A kept buffer serves a column of up to this much less than its size. */
const FIT = 1.25;

/** Free buffers, and at most how many bytes of them to keep: the most one facts object has released. */
const free: ArrayBufferLike[] = [];
let freeBytes = 0;
let freeLimitBytes = 0;
/**
 * How long free buffers are kept after the last release: long enough for the next facts of a burst (a first sync's
 * checkpoints, a report after a report), not so long that an idle window holds a second set of facts' memory.
 */
export const KEEP_FREE_MS = 5_000;
let forgetFree: ReturnType<typeof setTimeout> | undefined;

/** The memory of one facts object's columns, each taken from the free buffers when one fits, else made. */
export class ColumnMemory {
  private readonly buffers: ArrayBufferLike[] = [];

  int32(length: number): Int32Array {
    return new Int32Array(this.take(length * Int32Array.BYTES_PER_ELEMENT), 0, length);
  }

  float64(length: number): Float64Array {
    return new Float64Array(this.take(length * Float64Array.BYTES_PER_ELEMENT), 0, length);
  }

  uint8(length: number): Uint8Array {
    return new Uint8Array(this.take(length), 0, length);
  }

  /** Every buffer taken, for `releaseColumns` once the facts are no longer held. */
  get taken(): readonly ArrayBufferLike[] {
    return this.buffers;
  }

  private take(bytes: number): ArrayBufferLike {
    const buffer = reuse(bytes) ?? new Shared(bytes);
    this.buffers.push(buffer);
    return buffer;
  }
}

/** A free buffer that fits `bytes`, zeroed over them as a new one is; none for small columns. */
function reuse(bytes: number): ArrayBufferLike | null {
  if (bytes < REUSED_FROM_BYTES) return null;
  let best = -1;
  // The smallest that fits; of equal ones, the latest released (its memory most likely still in the caches).
  for (let at = free.length - 1; at >= 0; at--) {
    const size = free[at]!.byteLength;
    if (size >= bytes && size <= bytes * FIT && (best < 0 || size < free[best]!.byteLength)) best = at;
  }
  if (best < 0) return null;
  const [buffer] = free.splice(best, 1);
  freeBytes -= buffer!.byteLength;
  new Uint8Array(buffer!, 0, bytes).fill(0);
  return buffer!;
}

/**
 * Gives the buffers of facts no longer held back for reuse, keeping at most one facts object's worth: the latest
 * released, whose sizes the next facts most likely need.
 */
export function releaseColumns(buffers: readonly ArrayBufferLike[]): void {
  const large = buffers.filter((buffer) => buffer.byteLength >= REUSED_FROM_BYTES);
  freeLimitBytes = Math.max(
    freeLimitBytes,
    large.reduce((sum, buffer) => sum + buffer.byteLength, 0),
  );
  free.push(...large);
  freeBytes += large.reduce((sum, buffer) => sum + buffer.byteLength, 0);
  while (freeBytes > freeLimitBytes) freeBytes -= free.shift()!.byteLength;
  clearTimeout(forgetFree);
  forgetFree = setTimeout(() => {
    free.length = 0;
    freeBytes = 0;
  }, KEEP_FREE_MS);
  // A process with nothing else to do ends without waiting for it (the CLI).
  if (typeof forgetFree === 'object' && 'unref' in forgetFree) forgetFree.unref();
}

/** Whether `column` is shared memory, which another thread can be given without a copy. */
export function isShared(column: ArrayBufferView): boolean {
  return typeof SharedArrayBuffer === 'function' && column.buffer instanceof SharedArrayBuffer;
}
