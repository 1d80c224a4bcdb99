import { formatCount } from './format';

/**
 * A snapshot that no sync pass has completed yet (the first sync is running, or was interrupted): it holds the
 * discussions with the newest activity, so every figure drawn from it undercounts and must say so.
 */
export interface PartialSnapshot {
  /** Discussions stored so far. */
  readonly stored: number;
  /** GitHub's `totalCount` of the repository's discussions at the first page, when the pass recorded it. */
  readonly total: number | null;
}

/** What of a snapshot's sync state tells whether it is partial (structural, so every layer can pass its own type). */
export interface SyncStateFacts {
  readonly lastSyncAt: string | null;
  readonly pendingPass: { readonly totalCount?: number | undefined } | null;
}

/** Partial when no pass ever completed and one is under way or was interrupted; null for a complete snapshot. */
export function partialSnapshotOf(sync: SyncStateFacts, stored: number): PartialSnapshot | null {
  if (sync.lastSyncAt !== null || sync.pendingPass === null) return null;
  return { stored, total: sync.pendingPass.totalCount ?? null };
}

/**
 * The one wording of a partial snapshot, for every surface that shows a figure from it:
 * `partial: 4,200 of 20,000 discussions, newest activity first`. `brief` leaves out the order, where space is short
 * (the status bar's text); it is the start of the full wording.
 */
export function describePartial(partial: PartialSnapshot, options: { readonly brief?: boolean } = {}): string {
  // GitHub's count is of the first page's moment: discussions opened since may make more stored than it said.
  const count =
    partial.total === null
      ? `${formatCount(partial.stored)} discussions so far`
      : `${formatCount(partial.stored)} of ${formatCount(Math.max(partial.total, partial.stored))} discussions`;
  return options.brief ? `partial: ${count}` : `partial: ${count}, newest activity first`;
}
