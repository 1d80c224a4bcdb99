import { strict as assert } from 'node:assert';
import { AutoSync, type Clock, type WatchedView } from '../../../src/controller/autoSync';

const MINUTE = 60_000;

/** A view whose visibility the test flips, firing the event like VS Code does. */
class FakeView implements WatchedView {
  private listeners: (() => void)[] = [];
  constructor(public visible: boolean) {}
  readonly onDidChangeVisibility = (listener: (event: unknown) => unknown) => {
    const wrapped = () => void listener(undefined);
    this.listeners.push(wrapped);
    return { dispose: () => (this.listeners = this.listeners.filter((other) => other !== wrapped)) };
  };
  show(visible: boolean): void {
    this.visible = visible;
    for (const listener of this.listeners) listener();
  }
}

/** A clock the test advances by hand; `every` fires as many times as the advanced time covers, `once` once. */
class ManualClock implements Clock {
  time = 0;
  private timers: { ms: number | null; next: number; run: () => void }[] = [];
  now(): number {
    return this.time;
  }
  every(ms: number, run: () => void): { dispose(): void } {
    const timer = { ms, next: this.time + ms, run };
    this.timers.push(timer);
    return { dispose: () => (this.timers = this.timers.filter((other) => other !== timer)) };
  }
  once(ms: number, run: () => void): { dispose(): void } {
    const timer = { ms: null, next: this.time + ms, run };
    this.timers.push(timer);
    return { dispose: () => (this.timers = this.timers.filter((other) => other !== timer)) };
  }
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = this.timers.filter((timer) => timer.next <= end).sort((a, b) => a.next - b.next)[0];
      if (!due) break;
      this.time = due.next;
      if (due.ms === null) this.timers = this.timers.filter((other) => other !== due);
      else due.next += due.ms;
      due.run();
    }
    this.time = end;
  }
}

function setup(intervalMinutes: number, budgetResumeAt: number | null = null) {
  const clock = new ManualClock();
  const syncs: number[] = [];
  let lastSyncAt: number | null = null;
  const autoSync = new AutoSync({
    sync: async () => {
      syncs.push(clock.now());
      lastSyncAt = clock.now();
    },
    lastSyncAt: () => lastSyncAt,
    hasSyncedThisSession: () => syncs.length > 0,
    intervalMinutes: () => intervalMinutes,
    budgetResumeAt: () => budgetResumeAt,
    clock,
  });
  return { clock, syncs, autoSync };
}

describe('automatic sync', () => {
  it('does nothing while no view is visible', () => {
    const { clock, syncs, autoSync } = setup(30);
    autoSync.watch(new FakeView(false));
    clock.advance(120 * MINUTE);
    assert.deepEqual(syncs, []);
  });

  it('syncs when a view first shows, then every interval while it stays visible', () => {
    const { clock, syncs, autoSync } = setup(30);
    const view = new FakeView(false);
    autoSync.watch(view);
    clock.advance(5 * MINUTE);
    view.show(true);
    clock.advance(65 * MINUTE);
    assert.deepEqual(syncs, [5 * MINUTE, 35 * MINUTE, 65 * MINUTE]);
  });

  it('stops while hidden, and syncs on showing again only once the interval has passed', () => {
    const { clock, syncs, autoSync } = setup(30);
    const view = new FakeView(true);
    autoSync.watch(view);
    view.show(false);
    clock.advance(10 * MINUTE);
    view.show(true); // synced 10 minutes ago: not due
    view.show(false);
    clock.advance(40 * MINUTE);
    view.show(true); // 50 minutes since the last sync: due
    assert.deepEqual(syncs, [0, 50 * MINUTE]);
  });

  it('with an interval of 0, syncs only when a view first shows', () => {
    const { clock, syncs, autoSync } = setup(0);
    const view = new FakeView(true);
    autoSync.watch(view);
    clock.advance(300 * MINUTE);
    view.show(false);
    view.show(true);
    assert.deepEqual(syncs, [0]);
  });

  it('continues a sync paused for the hourly budget at the reset after a restart, with no view visible', () => {
    const { clock, syncs, autoSync } = setup(30, 40 * MINUTE);
    autoSync.watch(new FakeView(false));
    clock.advance(120 * MINUTE);
    assert.deepEqual(syncs, [40 * MINUTE]);
  });

  it('while a restart waits for the reset, a view shown does not sync before it', () => {
    const { clock, syncs, autoSync } = setup(30, 40 * MINUTE);
    const view = new FakeView(false);
    autoSync.watch(view);
    clock.advance(10 * MINUTE);
    view.show(true);
    clock.advance(35 * MINUTE);
    // Not at 10 minutes: the resume and the interval started then both fall due at the reset (the sync queue merges them).
    assert.deepEqual(syncs, [40 * MINUTE, 40 * MINUTE]);
  });

  it('counts any visible Community Pulse view', () => {
    const { syncs, autoSync } = setup(30);
    const needsResponse = new FakeView(false);
    const health = new FakeView(false);
    autoSync.watch(needsResponse);
    autoSync.watch(health);
    health.show(true);
    assert.equal(autoSync.anyVisible, true);
    assert.equal(syncs.length, 1);
    autoSync.dispose();
  });
});
