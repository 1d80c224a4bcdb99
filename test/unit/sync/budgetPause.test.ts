import { strict as assert } from 'node:assert';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatClockTime } from '../../../src/shared/format';
import type { Snapshot } from '../../../src/store/snapshot';
import { directorySnapshotStore, type SnapshotStore } from '../../../src/store/snapshotStore';
import type { BudgetEvent } from '../../../src/sync/budget';
import type { SyncOptions } from '../../../src/sync/syncRepository';
import { SyncError } from '../../../src/sync/syncRepository';
import { manualClock, type ManualClock } from '../../support/manualClock';
import { startFakeCommunity, type FakeCommunity } from '../../support/fakeCommunity';

const HOUR = 3_600_000;
const DISCUSSIONS = 250;
/** A page of 100 discussions costs 8 points: the first sync of 250 (about 26 points) runs out of 12 twice. */
const POINTS_PER_HOUR = 12;

type Paused = Extract<BudgetEvent, { kind: 'paused' }>;

/** A sync that runs out of GitHub's hourly budget, against the fake GitHub's points window on an injected clock. */
describe('syncRepository: waiting out the hourly budget', function () {
  this.timeout(20_000);
  const clock: ManualClock = manualClock();
  let fake: FakeCommunity;
  let store: SnapshotStore;
  let unpausedSnapshot: Snapshot;

  // One fake for every test (GitHub's data never changes here); each test syncs into its own folder, in a fresh window.
  before(async () => {
    fake = await startFakeCommunity({
      discussions: DISCUSSIONS,
      overflowThreads: 2,
      fake: { pointsPerHour: POINTS_PER_HOUR, enforceRateLimit: true, budgetClock: clock.now },
    });
    const unpaused = await startFakeCommunity({ discussions: DISCUSSIONS, overflowThreads: 2 });
    await unpaused.sync('incremental');
    unpausedSnapshot = (await unpaused.store.read(unpaused.name))!;
    await unpaused.github.close();
  });
  after(() => fake.github.close());
  beforeEach(() => {
    clock.advance(HOUR + 60_000);
    store = directorySnapshotStore(mkdtempSync(join(tmpdir(), 'cp-budget-')));
  });

  const waitingSync = (events: BudgetEvent[], extra: Partial<SyncOptions> = {}) =>
    fake.sync('incremental', {
      store,
      waitForBudget: true,
      now: () => new Date(clock.now()),
      sleep: clock.sleep,
      onBudget: (event) => events.push(event),
      ...extra,
    });
  const stored = async () => (await store.read(fake.name))!;

  it('says the estimate exceeds the budget, saves and pauses until each reset with the counts, and ends with the snapshot of an unpaused sync', async () => {
    const events: BudgetEvent[] = [];
    const started = clock.now();
    const storedAtPauses: number[] = [];
    const result = await waitingSync(events, {
      // What a process ended during the pause would find.
      sleep: async (ms, signal) => {
        storedAtPauses.push((await store.read(fake.name))?.discussions.length ?? 0);
        return clock.sleep(ms, signal);
      },
    });

    const [shortfall, ...rest] = events;
    assert.equal(shortfall?.kind, 'shortfall');
    assert.equal(shortfall.points, 100, '250 × 93 points per 1,000, to the hundred, at least 100');
    assert.ok(shortfall.budget.remaining < POINTS_PER_HOUR);
    assert.ok(fake.logLines.some((line) => line.includes(`remain until ${formatClockTime(shortfall.budget.resetAt)} — the sync will pause then`)));

    const pauses = rest.filter((event): event is Paused => event.kind === 'paused');
    assert.equal(pauses.length, rest.length);
    const resets = [...new Set(pauses.map((pause) => pause.resetAt))];
    assert.equal(resets.length, 2, 'two spent windows');
    assert.equal(resets[0], shortfall.budget.resetAt, 'the first pause ends at the reset GitHub announced');
    for (const reset of resets) {
      const minutes = pauses.filter((pause) => pause.resetAt === reset);
      // Reported when the pause starts and then each minute, counting down.
      assert.ok(minutes.length >= 55 && minutes.length <= 61, `${minutes.length} reports of one pause`);
      assert.deepEqual(
        minutes.map((pause) => pause.leftMs),
        [...minutes.map((pause) => pause.leftMs)].sort((a, b) => b - a),
      );
      assert.ok(minutes.at(-1)!.leftMs <= 60_000);
      assert.equal(minutes[0]!.total, DISCUSSIONS);
    }
    const [first, second] = resets.map((reset) => pauses.find((pause) => pause.resetAt === reset)!);
    assert.deepEqual([first!.synced, second!.synced], [100, 200], 'a page of 100 per window');
    assert.equal(storedAtPauses[0], first!.synced, 'saved before pausing');
    assert.ok(clock.now() - started >= HOUR, 'the sync waited for the reset');

    assert.equal(result.total, DISCUSSIONS);
    const [paused, clean] = [await stored(), unpausedSnapshot];
    assert.deepEqual(paused.discussions, clean.discussions);
    assert.equal(paused.sync.updatedSince, clean.sync.updatedSince);
    assert.equal(paused.sync.pendingPass, null);
  });

  it('cancelled during the pause, keeps what it fetched and a later sync continues from there', async () => {
    const controller = new AbortController();
    const events: BudgetEvent[] = [];
    await assert.rejects(
      waitingSync(events, {
        signal: controller.signal,
        onBudget: (event) => {
          events.push(event);
          if (event.kind === 'paused') controller.abort();
        },
      }),
      (error: unknown) => error instanceof SyncError && error.kind === 'cancelled' && /while it waited for GitHub's hourly budget/.test(error.message),
    );
    const pause = events.find((event): event is Paused => event.kind === 'paused')!;
    const kept = await stored();
    assert.equal(kept.discussions.length, pause.synced);
    assert.notEqual(kept.sync.pendingPass, null, 'the interrupted pass is resumable');

    clock.advance(HOUR + 60_000);
    const resumed: BudgetEvent[] = [];
    await waitingSync(resumed);
    assert.ok(fake.logLines.some((line) => /Continuing the interrupted incremental sync/.test(line)));
    assert.deepEqual((await stored()).discussions, unpausedSnapshot.discussions);
  });

  it('without waitForBudget, stops rateLimited at once, keeping progress', async () => {
    await assert.rejects(
      fake.sync('incremental', { store, now: () => new Date(clock.now()), sleep: () => assert.fail('must not wait') }),
      (error: unknown) => error instanceof SyncError && error.kind === 'rateLimited',
    );
    assert.ok((await stored()).discussions.length > 0);
  });
});
