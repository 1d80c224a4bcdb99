/**
 * The facts' columns, made on a SharedArrayBuffer where there is one (Node: always): the report's helper thread
 * (community/reportHelper.ts) then reads the very same memory, so handing the facts to it copies nothing. Where there is
 * none (a page without cross-origin isolation), a plain buffer; the report then computes every section itself.
 */
const Shared: typeof SharedArrayBuffer | typeof ArrayBuffer = typeof SharedArrayBuffer === 'function' ? SharedArrayBuffer : ArrayBuffer;

export function sharedInt32(length: number): Int32Array {
  return new Int32Array(new Shared(length * Int32Array.BYTES_PER_ELEMENT));
}

export function sharedFloat64(length: number): Float64Array {
  return new Float64Array(new Shared(length * Float64Array.BYTES_PER_ELEMENT));
}

export function sharedUint8(length: number): Uint8Array {
  return new Uint8Array(new Shared(length));
}

/** Whether `column` is shared memory, which another thread can be given without a copy. */
export function isShared(column: ArrayBufferView): boolean {
  return typeof SharedArrayBuffer === 'function' && column.buffer instanceof SharedArrayBuffer;
}
