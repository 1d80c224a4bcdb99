import type { Sleep } from '../../src/sync/budgetPause';

/** A clock that moves only when something sleeps on it (or the test advances it): hours of waiting in no time. */
export interface ManualClock {
  now(): number;
  readonly sleep: Sleep;
  advance(ms: number): void;
}

export function manualClock(start = Date.now()): ManualClock {
  let time = start;
  return {
    now: () => time,
    sleep: async (ms, signal) => {
      signal?.throwIfAborted();
      time += ms;
    },
    advance: (ms) => {
      time += ms;
    },
  };
}
