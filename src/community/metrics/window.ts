import { DAY_MS } from '../../shared/time';

/** A report window `[since, until)` in epoch ms: "in the window" means created at or after `since` and before `until`. */
export interface Window {
  readonly since: number;
  readonly until: number;
}

/** The window ending at `until` (default: now) and starting at `since` (default: `windowDays` before `until`). */
export function reportWindow(options: { since?: number; until?: number; windowDays: number; now?: number }): Window {
  const until = options.until ?? options.now ?? Date.now();
  const since = options.since ?? until - options.windowDays * DAY_MS;
  if (!(since < until)) {
    throw new RangeError(`the window must start before it ends: since ${iso(since)} is not before until ${iso(until)}`);
  }
  return { since, until };
}

/** The window of the same length that ends where `window` starts. */
export function previousWindow(window: Window): Window {
  return { since: window.since - (window.until - window.since), until: window.since };
}

export function inWindow(time: number, window: Window): boolean {
  return time >= window.since && time < window.until;
}

export function iso(time: number): string {
  return new Date(time).toISOString();
}
