import { countOf, formatCount } from '../shared/format';
import type { SyncProgress, SyncResult } from '../sync/contracts';

/**
 * The progress notification's message as pages arrive: `1,200 of 5,000 discussions · 13 requests`, followed by the
 * budget's `note` when the sync will outrun GitHub's hourly budget.
 */
export function describeSyncProgress(progress: SyncProgress, note?: string): string {
  const discussions =
    progress.total === null
      ? `${formatCount(progress.discussions)} discussions`
      : `${formatCount(progress.discussions)} of ${formatCount(progress.total)} discussions`;
  const phase = progress.phase === 'threads' ? ' · completing long threads' : '';
  return `${discussions}${phase} · ${countOf(progress.requests, 'request')}${note === undefined ? '' : ` — ${note}`}`;
}

/** Percent done, when GitHub told the total; only meaningful for a sync that pages through everything. */
export function syncPercent(progress: SyncProgress): number | null {
  if (progress.total === null || progress.total === 0) return null;
  return Math.min(100, (progress.discussions / progress.total) * 100);
}

/** One log line per finished sync. */
export function describeSyncResult(result: SyncResult): string {
  return `Synced ${result.repository} (${result.mode}): ${formatCount(result.fetched)} discussions fetched, ${formatCount(result.total)} stored, ${result.requests} requests, ${result.points} points.`;
}
