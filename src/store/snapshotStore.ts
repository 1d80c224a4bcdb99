import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { formatIssuePath } from '../github/issuePath';
import { REPO_PART_MAX_LENGTH } from '../github/repoRef';
import { errorMessage } from '../shared/errorMessage';
import { SnapshotSchema, type Snapshot } from './snapshot';

export interface SnapshotStore {
  /** The stored snapshot, or null when none exists yet. Throws SnapshotStoreError when the file is unusable. */
  read(repository: string): Promise<Snapshot | null>;
  /** Replaces the stored snapshot atomically: readers see the old file or the new one, never a partial one. */
  write(snapshot: Snapshot): Promise<void>;
  /** The file holding the repository's snapshot (its sync lock goes beside it); absent for a store with no file (tests' memory stores). */
  readonly fileOf?: (repository: string) => string;
}

/** A snapshot file that cannot be read or written; the message names the file and what to do. */
export class SnapshotStoreError extends Error {
  override readonly name = 'SnapshotStoreError';
  constructor(
    message: string,
    readonly file: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * A snapshot file that is no snapshot (cut short, edited, another program's). It is left untouched; each surface offers
 * to move it aside under a dated name and sync again (`moveDamagedSnapshotAside`), so nothing is lost and no manual step is needed.
 */
export class DamagedSnapshotError extends SnapshotStoreError {
  constructor(
    file: string,
    readonly repository: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`The snapshot file ${file} is damaged (${reason}); it was left untouched.`, file, options);
  }
}

/** One file per repository: `<directory>/<owner>__<name>.json` (lower case, as GitHub names are case-insensitive). */
export function directorySnapshotStore(directory: string): Required<SnapshotStore> {
  const fileOf = (repository: string): string => join(directory, snapshotFileName(repository));
  return {
    read: (repository) => readSnapshotFile(fileOf(repository), repository),
    write: (snapshot) => writeSnapshotFile(fileOf(snapshot.repository), snapshot),
    fileOf,
  };
}

/** A single file holding one repository's snapshot (the CLI's `sync --out FILE`). */
export function fileSnapshotStore(file: string): Required<SnapshotStore> {
  return {
    read: (repository) => readSnapshotFile(file, repository),
    write: (snapshot) => writeSnapshotFile(file, snapshot),
    fileOf: () => file,
  };
}

export function snapshotFileName(repository: string): string {
  const [owner, name, ...rest] = repository.split('/');
  const safe = (part: string | undefined): part is string =>
    part !== undefined && /^[A-Za-z0-9_.-]+$/.test(part) && part !== '.' && part !== '..' && part.length <= REPO_PART_MAX_LENGTH;
  if (rest.length > 0 || !safe(owner) || !safe(name)) {
    throw new Error(`"${repository}" is not a repository name of the form owner/name (each part at most ${REPO_PART_MAX_LENGTH} characters).`);
  }
  return `${owner}__${name}.json`.toLowerCase();
}

async function readSnapshotFile(file: string, repository: string): Promise<Snapshot | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') return null;
    throw new SnapshotStoreError(`Cannot read the snapshot file ${file}: ${errorMessage(error)}. Check its permissions, or choose another location.`, file, {
      cause: error,
    });
  }
  const damaged = (reason: string, cause?: unknown): SnapshotStoreError => new DamagedSnapshotError(file, repository, reason, { cause });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw damaged(`not valid JSON: ${errorMessage(error)}`, error);
  }
  const parsed = SnapshotSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? formatIssuePath(issue.path) : '';
    throw damaged(`${where ? `${where}: ` : ''}${issue?.message ?? 'unexpected content'}`, parsed.error);
  }
  if (parsed.data.repository.toLowerCase() !== repository.toLowerCase()) {
    throw new SnapshotStoreError(`The snapshot file ${file} holds ${parsed.data.repository}, not ${repository}. Choose another file for ${repository}.`, file);
  }
  return parsed.data;
}

/** Writes a temporary file beside the target, flushes it, then renames it over the target (atomic on one file system). */
async function writeSnapshotFile(file: string, snapshot: Snapshot): Promise<void> {
  const temporary = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await mkdir(dirname(file), { recursive: true });
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(`${JSON.stringify(snapshot)}\n`, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
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
