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
 * A snapshot file that is no snapshot (cut short in its middle, edited, another program's). It is left untouched; each
 * surface offers to move it aside under a dated name and sync again (`moveDamagedSnapshotAside`), so nothing is lost
 * and no manual step is needed. `repository`: whose snapshot it was read as, once the store knows (null from the reader).
 */
export class DamagedSnapshotError extends SnapshotStoreError {
  constructor(
    file: string,
    readonly repository: string | null,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`The snapshot file ${file} is damaged (${reason}); it was left untouched.`, file, options);
  }

  /** The same error, read as `repository`'s snapshot. */
  of(repository: string): DamagedSnapshotError {
    return new DamagedSnapshotError(this.file, repository, this.reason, { cause: this.cause });
  }
}

/** The error for a file whose content is unusable: it is left as it is, and the user is told what to do. */
export function damagedSnapshotError(file: string, reason: string, cause?: unknown): DamagedSnapshotError {
  return new DamagedSnapshotError(file, null, reason, { cause });
}
