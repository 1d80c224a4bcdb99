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

/** The error for a file whose content is unusable: it is left as it is, and the user is told what to do. */
export function damagedSnapshotError(file: string, reason: string, cause?: unknown): SnapshotStoreError {
  return new SnapshotStoreError(
    `The snapshot file ${file} is damaged (${reason}). It was left untouched: move it away (or delete it) and sync again to rebuild it.`,
    file,
    { cause },
  );
}
