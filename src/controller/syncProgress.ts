import type { SyncProgress, SyncResult } from '../sync/contracts';

const count = new Intl.NumberFormat('en-US');

/** The progress notification's message as pages arrive: `1,200 of 5,000 discussions · 13 requests`. */
export function describeSyncProgress(progress: SyncProgress): string {
  const discussions =
    progress.total === null
      ? `${count.format(progress.discussions)} discussions`
      : `${count.format(progress.discussions)} of ${count.format(progress.total)} discussions`;
  const phase = progress.phase === 'threads' ? ' · completing long threads' : '';
  return `${discussions}${phase} · ${count.format(progress.requests)} ${progress.requests === 1 ? 'request' : 'requests'}`;
}

/** Percent done, when GitHub told the total; only meaningful for a sync that pages through everything. */
export function syncPercent(progress: SyncProgress): number | null {
  if (progress.total === null || progress.total === 0) return null;
  return Math.min(100, (progress.discussions / progress.total) * 100);
}

/** One log line per finished sync. */
export function describeSyncResult(result: SyncResult): string {
  return `Synced ${result.repository} (${result.mode}): ${count.format(result.fetched)} discussions fetched, ${count.format(result.total)} stored, ${result.requests} requests, ${result.points} points.`;
}
