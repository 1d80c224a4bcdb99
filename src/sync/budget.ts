import { formatClockTime, formatCount, formatMinutesLeft } from '../shared/format';

/**
 * Points a first or full sync costs per 1,000 discussions. Measured against the fake GitHub, which charges each
 * query by GitHub's cost rule: the first sync of the bench's 20,000-discussion community (test/bench/sync.bench.ts,
 * seed 20) cost 1,855 points, 92.75 per 1,000: 80 for the pages themselves (`discussionPagePoints()`, 8 points per
 * page of 100) and the rest for the follow-up queries that complete long threads.
 */
export const POINTS_PER_THOUSAND_DISCUSSIONS = 93;

/** GitHub's hourly budget as its `rateLimit { remaining resetAt }` reported it with an answer. */
export interface HourlyBudget {
  readonly remaining: number;
  /** Epoch ms. */
  readonly resetAt: number;
}

/** What the sync says about GitHub's hourly budget while it runs. */
export type BudgetEvent =
  /** Before a first or full sync: its estimated cost is more than what remains this hour. */
  | { readonly kind: 'shortfall'; readonly points: number; readonly budget: HourlyBudget }
  /** The budget is spent: the sync waits for the reset (reported again each minute), or stops when it may not wait. */
  | { readonly kind: 'paused'; readonly resetAt: number; readonly leftMs: number; readonly synced: number; readonly total: number | null };

/** Estimated points of syncing `discussions` from scratch, to the hundred ("about 4,600 points"). */
export function estimateSyncPoints(discussions: number): number {
  return Math.max(100, Math.round((discussions * POINTS_PER_THOUSAND_DISCUSSIONS) / 1000 / 100) * 100);
}

/**
 * The estimate of syncing `discussions`, when it is more than what remains of `budget`; null when it fits, or when
 * GitHub reported no budget (GitHub Enterprise Server with rate limiting disabled answers `rateLimit: null`).
 */
export function budgetShortfall(discussions: number, budget: HourlyBudget | null): Extract<BudgetEvent, { kind: 'shortfall' }> | null {
  if (budget === null) return null;
  const points = estimateSyncPoints(discussions);
  return points > budget.remaining ? { kind: 'shortfall', points, budget } : null;
}

/**
 * `about 4,600 points; 1,200 remain until 14:05 — the sync will pause then and continue by itself`; a sync that does
 * not wait (`--no-wait`) stops instead.
 */
export function describeShortfall(event: Extract<BudgetEvent, { kind: 'shortfall' }>, waits: boolean): string {
  const { remaining, resetAt } = event.budget;
  const then = waits
    ? 'the sync will pause then and continue by itself'
    : `the sync will stop then; run it again after ${formatClockTime(resetAt)} to continue`;
  return `about ${formatCount(event.points)} points; ${formatCount(remaining)} remain until ${formatClockTime(resetAt)} — ${then}`;
}

/** `paused until 14:05, GitHub's hourly budget is spent — 31,200 of 50,000 synced · 12 min left`. */
export function describePause(event: Extract<BudgetEvent, { kind: 'paused' }>): string {
  return `paused until ${formatClockTime(event.resetAt)}, GitHub's hourly budget is spent — ${syncedSoFar(event)} · ${formatMinutesLeft(event.leftMs)}`;
}

/** `31,200 of 50,000 synced`, or `31,200 synced` when GitHub did not say how many there are. */
export function syncedSoFar(counts: { readonly synced: number; readonly total: number | null }): string {
  return `${formatCount(counts.synced)}${counts.total === null ? '' : ` of ${formatCount(counts.total)}`} synced`;
}
