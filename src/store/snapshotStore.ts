import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_PART_MAX_LENGTH } from '../github/repoRef';
import type { DiscussionNode } from '../github/schemas';
import { errorMessage } from '../shared/errorMessage';
import { newestUpdateFirst, type Snapshot, type SyncState } from './snapshot';
import { headerLine } from './snapshotLog';
import { readSnapshotFile, type FileIdentity, type SnapshotFileState } from './snapshotLogReader';
import { appendSnapshotRecords, writeWholeSnapshot, type SnapshotContent } from './snapshotLogWriter';
import { DamagedSnapshotError, SnapshotStoreError } from './snapshotStoreError';

export { DamagedSnapshotError, SnapshotStoreError } from './snapshotStoreError';

export interface SnapshotStore {
  /** The stored snapshot, or null when none exists yet. Throws SnapshotStoreError when the file is unusable. */
  read(repository: string): Promise<Snapshot | null>;
  /** Replaces the stored snapshot atomically: readers see the old file or the new one, never a partial one. */
  write(snapshot: Snapshot): Promise<void>;
  /**
   * Saves what changed since the last read or save: appended to the file when this store saw it last and it has not
   * changed since, else (or when superseded records make up too much of it) the whole snapshot is written.
   */
  saveChanges(changes: SnapshotChanges): Promise<void>;
  /** The file holding the repository's snapshot (its sync lock goes beside it); absent for a store with no file (tests' memory stores). */
  readonly fileOf?: (repository: string) => string;
  /**
   * The file as this store last read or wrote it, null when it has not (or a save failed since): what a derived image of
   * what it read or wrote is stamped with (`snapshotImage.ts`).
   */
  readonly identityOf?: (repository: string) => FileIdentity | null;
}

export interface SnapshotChanges {
  readonly repository: string;
  readonly apiUrl: string;
  readonly sync: SyncState;
  /** Discussions new or changed since the last save. */
  readonly changed: readonly DiscussionNode[];
  /** Ids of discussions removed since the last save. */
  readonly deleted: readonly string[];
  /** Discussions stored once the changes are saved. */
  readonly count: number;
  /** Every discussion stored once the changes are saved: asked for only when the whole file is written. */
  readonly everything: () => Iterable<DiscussionNode>;
}

export interface SnapshotStoreOptions {
  /** Where a torn last line (left by a crash in the middle of a save) is reported; what it held is fetched again. */
  readonly log?: (line: string) => void;
}

/**
 * The file is rewritten whole once superseded records (older copies of a discussion, deletions, older sync states)
 * exceed this share of its records, so it stays under about twice the size of what it holds. An append costs what
 * changed; a whole write costs the whole snapshot (docs/architecture.md, "Snapshot format", has the figures).
 */
const COMPACTION_SUPERSEDED_SHARE = 0.5;

/** One file per repository: `<directory>/<owner>__<name>.json` (lower case, as GitHub names are case-insensitive). */
export function directorySnapshotStore(directory: string, options: SnapshotStoreOptions = {}): Required<SnapshotStore> {
  return snapshotFileStore((repository) => join(directory, snapshotFileName(repository)), options);
}

/** A single file holding one repository's snapshot (the CLI's `sync --out FILE`). */
export function fileSnapshotStore(file: string, options: SnapshotStoreOptions = {}): Required<SnapshotStore> {
  return snapshotFileStore(() => file, options);
}

export function snapshotFileName(repository: string): string {
  const [owner, name, ...rest] = repository.split('/');
  const safe = (part: string | undefined): part is string =>
    part !== undefined && /^[A-Za-z0-9_.-]+$/.test(part) && part !== '.' && part !== '..' && part.length <= REPO_PART_MAX_LENGTH;
  if (rest.length > 0 || !safe(owner) || !safe(name)) {
    throw new Error(`"${repository}" is not a repository name of the form owner/name.`);
  }
  return `${owner}__${name}.json`.toLowerCase();
}

function snapshotFileStore(fileOf: (repository: string) => string, { log = () => undefined }: SnapshotStoreOptions): Required<SnapshotStore> {
  /** Each file as this store last read or wrote it. */
  const seen = new Map<string, SnapshotFileState>();
  /** Saves and reads of one file run one after another, so appends never interleave. */
  const queues = new Map<string, Promise<unknown>>();
  const inTurn = <T>(file: string, task: () => Promise<T>): Promise<T> => {
    const result = (queues.get(file) ?? Promise.resolve()).catch(() => undefined).then(task);
    // Settles with nothing, so the queue never holds on to what a read returned.
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    queues.set(file, settled);
    void settled.then(() => queues.get(file) === settled && queues.delete(file));
    return result;
  };

  const read = (repository: string): Promise<Snapshot | null> => {
    const file = fileOf(repository);
    return inTurn(file, async () => {
      // Forgotten until this read succeeds: a file gone, damaged or of another repository is never appended to.
      seen.delete(file);
      const found = await readFile(file, (line) => log(tornLineMessage(file, line))).catch((error: unknown) => {
        throw error instanceof DamagedSnapshotError ? error.of(repository) : error;
      });
      if (found === null) return null;
      if (found.snapshot.repository.toLowerCase() !== repository.toLowerCase()) {
        throw new SnapshotStoreError(
          `The snapshot file ${file} holds ${found.snapshot.repository}, not ${repository}. Choose another file for ${repository}.`,
          file,
        );
      }
      seen.set(file, found.state);
      return found.snapshot;
    });
  };

  const writeWhole = async (file: string, content: SnapshotContent): Promise<void> => {
    seen.delete(file);
    seen.set(file, await writeOrExplain(file, () => writeWholeSnapshot(file, content)));
  };

  const saveChanges = (changes: SnapshotChanges): Promise<void> => {
    const file = fileOf(changes.repository);
    return inTurn(file, async () => {
      const state = seen.get(file);
      const records = (state?.records ?? 0) + changes.changed.length + changes.deleted.length + 1;
      const superseded = records - changes.count - 1;
      const appendable =
        state !== undefined &&
        state.version === 2 &&
        state.repository === changes.repository &&
        state.apiUrl === changes.apiUrl &&
        superseded <= COMPACTION_SUPERSEDED_SHARE * records;
      if (appendable) {
        seen.delete(file);
        const appended = await writeOrExplain(file, () => appendSnapshotRecords(file, state, changes));
        if (appended !== null) {
          seen.set(file, appended);
          return;
        }
      }
      await writeWhole(file, { ...changes, discussions: newestUpdateFirst(changes.everything()) });
    });
  };

  return {
    read,
    write: (snapshot) => {
      const file = fileOf(snapshot.repository);
      return inTurn(file, () => writeWhole(file, snapshot));
    },
    saveChanges,
    fileOf,
    identityOf: (repository) => seen.get(fileOf(repository))?.identity ?? null,
  };
}

/** A snapshot file of either version read without knowing its repository (the CLI's `--input` of a `sync --out` file). */
export async function readSnapshotFileAt(file: string, log: (line: string) => void = () => undefined): Promise<Snapshot | null> {
  return (await readFile(file, (line) => log(tornLineMessage(file, line))))?.snapshot ?? null;
}

/** Whether the file starts as a version-2 snapshot does (its header as written), read from its first bytes only. */
export async function isSnapshotLogFile(file: string): Promise<boolean> {
  const start = headerLine('', '').slice(0, headerLine('', '').indexOf(',"repository"'));
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(start.length), 0, start.length, 0);
    return buffer.toString('utf8', 0, bytesRead) === start;
  } finally {
    await handle.close();
  }
}

function tornLineMessage(file: string, line: number): string {
  return `The snapshot file ${file} ends with an incomplete line ${line} (a save was interrupted); it was left out and the next sync fetches what it held again.`;
}

async function readFile(file: string, onTornLine: (line: number) => void): ReturnType<typeof readSnapshotFile> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') return null;
    throw cannotRead(file, error);
  }
  try {
    return await readSnapshotFile(handle, file, onTornLine);
  } catch (error) {
    throw error instanceof SnapshotStoreError ? error : cannotRead(file, error);
  } finally {
    await handle.close();
  }
}

function cannotRead(file: string, error: unknown): SnapshotStoreError {
  return new SnapshotStoreError(`Cannot read the snapshot file ${file}: ${errorMessage(error)}. Check its permissions, or choose another location.`, file, {
    cause: error,
  });
}

async function writeOrExplain<T>(file: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw new SnapshotStoreError(
      `Cannot write the snapshot file ${file}: ${errorMessage(error)}. The previous snapshot is unchanged; free disk space or fix the folder's permissions and sync again.`,
      file,
      { cause: error },
    );
  }
}

function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}
