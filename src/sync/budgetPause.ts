import { setTimeout as delay } from 'node:timers/promises';
import { classifyGitHubFailure } from '../github/gitHubFailure';
import type { QueryRunner } from '../github/queryRunner';
import { SyncError } from '../github/syncError';
import { formatClockTime } from '../shared/format';
import { MINUTE_MS, SECOND_MS } from '../shared/time';
import { syncedSoFar } from './budget';

/** Waits `ms`, rejecting at once when `signal` aborts; injected so tests pause without real time. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const realSleep: Sleep = (ms, signal) => delay(ms, undefined, signal ? { signal } : {});

/** A pause is reported again this often, so a countdown moves and the command line prints a line a minute. */
const PAUSE_REPORT_INTERVAL_MS = MINUTE_MS;
/** GitHub's reset is to the second; the first query after it waits one more, as Octokit's throttling does. */
const RESET_MARGIN_MS = SECOND_MS;

export interface BudgetPauseOptions {
  readonly repository: string;
  readonly now: () => number;
  readonly sleep: Sleep;
  readonly signal?: AbortSignal;
  /** Saves what was fetched so far; called before each pause, so a process that ends meanwhile loses nothing. */
  readonly checkpoint: () => Promise<void>;
  /** Discussions synced so far and GitHub's total, for what the pause says. */
  readonly counts: () => { readonly synced: number; readonly total: number | null };
  /** Called when a pause starts and again each minute until the reset. */
  readonly onPause: (pause: { readonly resetAt: number; readonly leftMs: number }) => void;
  readonly log: (line: string) => void;
}

/**
 * A query runner that waits out GitHub's hourly budget: when a query is refused because the primary rate limit is
 * spent (the client gives up on a reset more than a minute away), it saves the progress, pauses until the reset
 * and sends the query again. Cancelling the sync ends the pause at once.
 */
export function pausingOnSpentBudget(runner: QueryRunner, options: BudgetPauseOptions): QueryRunner {
  return {
    get requests() {
      return runner.requests;
    },
    get points() {
      return runner.points;
    },
    async run(name, query, variables, schema, runOptions) {
      for (;;) {
        try {
          return await runner.run(name, query, variables, schema, runOptions);
        } catch (error) {
          const resetAt = spentBudgetResetOf(error);
          if (resetAt === null) throw error;
          await options.checkpoint();
          // Follows the client's own line ("GitHub's hourly budget is spent (…); resets in N s"), so says only what the sync does.
          options.log(`The sync of ${options.repository} pauses until ${formatClockTime(resetAt)} with ${syncedSoFar(options.counts())}, and then continues.`);
          await pauseUntil(resetAt, options);
          options.log(`GitHub's hourly budget was reset: the sync of ${options.repository} continues.`);
        }
      }
    },
  };
}

/**
 * GitHub's reset (epoch ms) when `error` is the sync stopped by the primary rate limit with a known reset (the hourly
 * budget is spent); null for any other failure.
 */
export function spentBudgetResetOf(error: unknown): number | null {
  if (!(error instanceof SyncError) || error.kind !== 'rateLimited') return null;
  const failure = classifyGitHubFailure(error.cause);
  return failure.kind === 'rateLimit' && failure.resetAt !== null ? failure.resetAt.getTime() : null;
}

async function pauseUntil(resetAt: number, options: BudgetPauseOptions): Promise<void> {
  // A reset already past by the local clock (a clock behind GitHub's) still waits the margin, never a busy loop.
  const until = Math.max(resetAt, options.now()) + RESET_MARGIN_MS;
  for (let left = until - options.now(); left > 0; left = until - options.now()) {
    // The countdown is to GitHub's reset; the margin after it is not worth a line of its own.
    if (resetAt > options.now()) options.onPause({ resetAt, leftMs: resetAt - options.now() });
    try {
      await options.sleep(Math.min(left, PAUSE_REPORT_INTERVAL_MS), options.signal);
    } catch (error) {
      throw new SyncError(
        'cancelled',
        options.repository,
        `Sync of ${options.repository} was cancelled while it waited for GitHub's hourly budget. What was fetched so far is saved; the next sync continues from there.`,
        { cause: error },
      );
    }
  }
}
