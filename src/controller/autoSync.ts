import { MINUTE_MS } from '../shared/time';
import type * as vscode from 'vscode';
import { DisposableBase } from '../shared/lifecycle';

/** A view whose visibility drives syncing: a TreeView or a WebviewView. */
export interface WatchedView {
  readonly visible: boolean;
  readonly onDidChangeVisibility: vscode.Event<unknown>;
}

/** Time and repetition, injectable so the rules below can be tested without waiting. */
export interface Clock {
  now(): number;
  every(ms: number, run: () => void): { dispose(): void };
  once(ms: number, run: () => void): { dispose(): void };
}

export const systemClock: Clock = {
  now: () => Date.now(),
  every: (ms, run) => {
    const timer = setInterval(run, ms);
    return { dispose: () => clearInterval(timer) };
  },
  once: (ms, run) => {
    const timer = setTimeout(run, ms);
    return { dispose: () => clearTimeout(timer) };
  },
};

export interface AutoSyncOptions {
  readonly sync: () => Promise<void>;
  /** Epoch ms of the last completed sync, null when never. */
  readonly lastSyncAt: () => number | null;
  readonly hasSyncedThisSession: () => boolean;
  readonly intervalMinutes: () => number;
  /** When a sync paused for GitHub's hourly budget continues (epoch ms), as a window before this one left it. */
  readonly budgetResumeAt?: () => number | null;
  readonly clock?: Clock;
}

/**
 * No network until a Community Pulse view is visible: the first time one shows, it syncs; then it
 * syncs every `autoSyncMinutes` while any view stays visible, and when a view shows again after the
 * interval has passed. A sync paused for GitHub's hourly budget when the window closed continues at the
 * reset, visible view or not; until then showing a view does not sync (GitHub would refuse).
 */
export class AutoSync extends DisposableBase {
  private readonly views = new Set<WatchedView>();
  private timer: { dispose(): void } | undefined;
  private readonly clock: Clock;

  constructor(private readonly options: AutoSyncOptions) {
    super();
    this.clock = options.clock ?? systemClock;
    this.register({ dispose: () => this.stopTimer() });
    const resumeAt = options.budgetResumeAt?.() ?? null;
    if (resumeAt !== null) this.register(this.clock.once(Math.max(0, resumeAt - this.clock.now()), () => void this.options.sync()));
  }

  watch(view: WatchedView): void {
    this.views.add(view);
    this.register(view.onDidChangeVisibility(() => this.update()));
    this.update();
  }

  get anyVisible(): boolean {
    return [...this.views].some((view) => view.visible);
  }

  /** The interval setting changed: restart the timer with the new period. */
  restart(): void {
    this.stopTimer();
    this.update();
  }

  private update(): void {
    if (!this.anyVisible) {
      this.stopTimer();
      return;
    }
    if (this.timer !== undefined) return;
    if (this.isDue()) void this.options.sync();
    const minutes = this.options.intervalMinutes();
    if (minutes > 0) this.timer = this.clock.every(minutes * MINUTE_MS, () => void this.options.sync());
  }

  private isDue(): boolean {
    if (this.waitingForBudget()) return false;
    if (!this.options.hasSyncedThisSession()) return true;
    const minutes = this.options.intervalMinutes();
    const last = this.options.lastSyncAt();
    return minutes > 0 && (last === null || this.clock.now() - last >= minutes * MINUTE_MS);
  }

  private waitingForBudget(): boolean {
    const resumeAt = this.options.budgetResumeAt?.() ?? null;
    return resumeAt !== null && resumeAt > this.clock.now();
  }

  private stopTimer(): void {
    this.timer?.dispose();
    this.timer = undefined;
  }
}
