import type { FileHandle } from 'node:fs/promises';

const CHUNK_BYTES = 4 * 1024 * 1024;
const NEWLINE = 0x0a;

export interface FileLine {
  readonly text: string;
  /** 1-based, as an editor shows it. */
  readonly number: number;
}

/**
 * The lines of a file, read in chunks so no string of the whole file is ever built. Only lines that end with a
 * newline are yielded; `tail` then holds what follows the last newline (a line whose write did not finish), and
 * `completeBytes` where it starts.
 */
export class CompleteLines {
  tail = '';
  completeBytes = 0;

  constructor(private readonly handle: FileHandle) {}

  async *[Symbol.asyncIterator](): AsyncGenerator<FileLine> {
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    let pending: Buffer[] = [];
    let position = 0;
    let number = 0;
    for (;;) {
      const { bytesRead } = await this.handle.read(chunk, 0, CHUNK_BYTES, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      let start = 0;
      for (let end = chunk.indexOf(NEWLINE, 0); end !== -1 && end < bytesRead; end = chunk.indexOf(NEWLINE, start)) {
        const piece = chunk.subarray(start, end);
        const text = pending.length === 0 ? piece.toString('utf8') : Buffer.concat([...pending, piece]).toString('utf8');
        pending = [];
        this.completeBytes = position - bytesRead + end + 1;
        start = end + 1;
        number += 1;
        yield { text, number };
      }
      // The rest of this chunk continues on the next one: copied, as the chunk's memory is read into again.
      if (start < bytesRead) pending.push(Buffer.from(chunk.subarray(start, bytesRead)));
    }
    this.tail = Buffer.concat(pending).toString('utf8');
  }
}
