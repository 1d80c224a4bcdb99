import type { SyncErrorKind } from './contracts';

/** Why a sync stopped. The message says what is wrong and what to do; the token never appears in it. */
export class SyncError extends Error {
  override readonly name = 'SyncError';
  readonly query?: string;
  readonly path?: string;

  constructor(
    readonly kind: SyncErrorKind,
    readonly repository: string,
    message: string,
    details: { query?: string; path?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: details.cause });
    if (details.query !== undefined) this.query = details.query;
    if (details.path !== undefined) this.path = details.path;
  }
}
