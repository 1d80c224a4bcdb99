import { strict as assert } from 'node:assert';
import { SyncQueue, type SyncRequest } from '../../../src/controller/syncQueue';

/** Records each sync the queue starts; each runs until the test finishes it. */
function recordingQueue() {
  const started: { request: SyncRequest; finish: () => void; fail: (error: Error) => void }[] = [];
  const queue = new SyncQueue(
    (request) =>
      new Promise<void>((resolve, reject) => {
        started.push({ request, finish: resolve, fail: reject });
      }),
  );
  return { queue, started };
}

/** Lets the queue's promise callbacks run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('SyncQueue', () => {
  it('starts a request at once when no sync runs', () => {
    const { queue, started } = recordingQueue();
    void queue.request({ mode: 'incremental', userInitiated: false });
    assert.deepEqual(
      started.map((sync) => sync.request),
      [{ mode: 'incremental', userInitiated: false }],
    );
  });

  it('merges requests made during a sync into one that starts after it: full wins, and it is user-initiated if any was', async () => {
    const { queue, started } = recordingQueue();
    const first = queue.request({ mode: 'incremental', userInitiated: false });
    const second = queue.request({ mode: 'incremental', userInitiated: true });
    const third = queue.request({ mode: 'full', userInitiated: false });
    const fourth = queue.request({ mode: 'incremental', userInitiated: false });
    await settle();
    assert.equal(started.length, 1, 'nothing starts while a sync runs');
    assert.equal(second, third, 'the waiting requests share one sync');
    assert.equal(third, fourth);

    started[0]!.finish();
    await first;
    await settle();
    assert.deepEqual(
      started.map((sync) => sync.request),
      [
        { mode: 'incremental', userInitiated: false },
        { mode: 'full', userInitiated: true },
      ],
    );
    let secondDone = false;
    void second.then(() => (secondDone = true));
    await settle();
    assert.equal(secondDone, false, 'the merged callers wait for the sync that began after their request');
    started[1]!.finish();
    await second;
  });

  it('queues again behind the merged sync once it has started', async () => {
    const { queue, started } = recordingQueue();
    void queue.request({ mode: 'incremental', userInitiated: false });
    const merged = queue.request({ mode: 'incremental', userInitiated: false });
    started[0]!.finish();
    await settle();
    assert.equal(started.length, 2);
    const later = queue.request({ mode: 'full', userInitiated: false });
    assert.notEqual(later, merged, 'a request made during the merged sync waits for a sync of its own');
    started[1]!.finish();
    await merged;
    await settle();
    assert.deepEqual(started[2]?.request, { mode: 'full', userInitiated: false });
    started[2]!.finish();
    await later;
  });

  it('starts the next request at once after a sync has finished', async () => {
    const { queue, started } = recordingQueue();
    const first = queue.request({ mode: 'incremental', userInitiated: false });
    started[0]!.finish();
    await first;
    await settle();
    void queue.request({ mode: 'incremental', userInitiated: true });
    assert.equal(started.length, 2);
    assert.deepEqual(started[1]!.request, { mode: 'incremental', userInitiated: true });
  });

  it('still runs the merged request when the sync before it failed, and keeps syncing after', async () => {
    const { queue, started } = recordingQueue();
    const failing = queue.request({ mode: 'incremental', userInitiated: false });
    const merged = queue.request({ mode: 'full', userInitiated: true });
    started[0]!.fail(new Error('the store could not be read'));
    await assert.rejects(failing, /the store could not be read/);
    await settle();
    assert.deepEqual(started[1]?.request, { mode: 'full', userInitiated: true });
    started[1]!.finish();
    await merged;
    void queue.request({ mode: 'incremental', userInitiated: false });
    assert.equal(started.length, 3, 'a later request starts a sync of its own');
  });

  it('starts no sync for the requests merged behind a cancelled one, and a request made after the cancel syncs', async () => {
    const { queue, started } = recordingQueue();
    const cancelled = queue.request({ mode: 'incremental', userInitiated: false });
    const merged = queue.request({ mode: 'incremental', userInitiated: true });
    queue.cancelQueued();
    const afterCancel = queue.request({ mode: 'full', userInitiated: false });
    assert.notEqual(afterCancel, merged, 'a request made after the cancel is not dropped with the others');
    started[0]!.finish();
    await cancelled;
    await merged;
    await settle();
    assert.deepEqual(
      started.map((sync) => sync.request),
      [
        { mode: 'incremental', userInitiated: false },
        { mode: 'full', userInitiated: false },
      ],
      'the merged request started no sync of its own',
    );
    started[1]!.finish();
    await afterCancel;
  });
  it('starts no sync for a request decided before a cancel and made after it (the views’ sync once a settings change is read)', async () => {
    const { queue, started } = recordingQueue();
    const running = queue.request({ mode: 'incremental', userInitiated: true });
    const decided = queue.decision();
    queue.cancelQueued();
    const late = queue.request({ mode: 'incremental', userInitiated: false, decided });
    const decidedAfter = queue.decision();
    started[0]!.finish();
    await running;
    await late;
    await settle();
    assert.equal(started.length, 1, 'the request decided before the cancel started no sync');
    const later = queue.request({ mode: 'incremental', userInitiated: false, decided: decidedAfter });
    await settle();
    assert.equal(started.length, 2, 'a request decided after the cancel starts its sync');
    started[1]!.finish();
    await later;
  });
});
