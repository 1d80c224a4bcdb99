import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { DiscussionNode } from '../github/schemas';
import type { SyncState } from './snapshot';
import { deletedLine, discussionLine, headerLine, syncLine, SNAPSHOT_LOG_VERSION } from './snapshotLog';
import { identityOf, sameIdentity, type SnapshotFileState } from './snapshotLogReader';

/** Lines are written in batches of about this many characters: few system calls, and no string of the whole file. */
const BATCH_CHARS = 4 * 1024 * 1024;

export interface SnapshotContent {
  readonly repository: string;
  readonly apiUrl: string;
  readonly sync: SyncState;
  readonly discussions: readonly DiscussionNode[];
}

/** What changed since the last save: appended as records. */
export interface SnapshotRecords {
  readonly changed: readonly DiscussionNode[];
  readonly deleted: readonly string[];
  readonly sync: SyncState;
}

/** Writes the whole file: a temporary file beside it, flushed, then renamed over it (atomic on one file system). */
export async function writeWholeSnapshot(file: string, content: SnapshotContent): Promise<SnapshotFileState> {
  const temporary = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await mkdir(dirname(file), { recursive: true });
    const handle = await open(temporary, 'wx');
    let state: SnapshotFileState;
    try {
      const lines = function* (): Generator<string> {
        yield headerLine(content.repository, content.apiUrl);
        for (const node of content.discussions) yield discussionLine(node);
        yield syncLine(content.sync);
      };
      await writeLines(handle, 0, lines());
      await handle.sync();
      const identity = identityOf(await handle.stat());
      state = {
        version: SNAPSHOT_LOG_VERSION,
        repository: content.repository,
        apiUrl: content.apiUrl,
        identity,
        completeBytes: identity.size,
        records: content.discussions.length + 1,
      };
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
    return state;
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/**
 * Appends records to the file `state` describes, then flushes it; a torn line a crash left at its end is cut off
 * first. Returns null, having written nothing, when the file is no longer the one seen (replaced or changed since).
 */
export async function appendSnapshotRecords(file: string, state: SnapshotFileState, records: SnapshotRecords): Promise<SnapshotFileState | null> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r+');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
    throw error;
  }
  try {
    if (!sameIdentity(identityOf(await handle.stat()), state.identity)) return null;
    if (state.completeBytes < state.identity.size) await handle.truncate(state.completeBytes);
    const lines = function* (): Generator<string> {
      for (const node of records.changed) yield discussionLine(node);
      for (const id of records.deleted) yield deletedLine(id);
      yield syncLine(records.sync);
    };
    await writeLines(handle, state.completeBytes, lines());
    await handle.sync();
    const identity = identityOf(await handle.stat());
    return { ...state, identity, completeBytes: identity.size, records: state.records + records.changed.length + records.deleted.length + 1 };
  } finally {
    await handle.close();
  }
}

async function writeLines(handle: FileHandle, start: number, lines: Iterable<string>): Promise<void> {
  let position = start;
  let batch: string[] = [];
  let batchChars = 0;
  const flush = async (): Promise<void> => {
    const bytes = Buffer.from(batch.join(''), 'utf8');
    batch = [];
    batchChars = 0;
    for (let offset = 0; offset < bytes.length;) {
      const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset, position);
      offset += bytesWritten;
      position += bytesWritten;
    }
  };
  for (const line of lines) {
    batch.push(line);
    batchChars += line.length;
    if (batchChars >= BATCH_CHARS) await flush();
  }
  if (batch.length > 0) await flush();
}
