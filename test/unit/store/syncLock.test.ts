import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { withSyncLock, type SyncLockHolder, type SyncLockTiming } from '../../../src/store/syncLock';

const FAST: SyncLockTiming = { refreshMs: 20, staleMs: 200, pollMs: 10 };

function lockFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'cp-lock-')), 'octo__repo.json.lock');
}

function holderFile(file: string, holder: Partial<SyncLockHolder>): void {
  writeFileSync(file, JSON.stringify({ pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), token: 'other', ...holder }));
}

/** A pid that belonged to a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  assert.ok(child.pid);
  return child.pid;
}

describe('sync lock', () => {
  it('holds the lock file with its pid and host while the task runs, and removes it after', async () => {
    const file = lockFile();
    const seen = await withSyncLock(file, { timing: FAST }, async () => JSON.parse(readFileSync(file, 'utf8')) as SyncLockHolder);
    assert.equal(seen.pid, process.pid);
    assert.equal(seen.host, hostname());
    assert.equal(existsSync(file), false);
  });

  it('takes the lock of a store whose folder does not exist yet (the first sync of a fresh profile)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cp-lock-')), 'not', 'yet', 'octo__repo.json.lock');
    assert.equal(await withSyncLock(file, { timing: FAST }, async () => existsSync(file)), true);
  });

  it('removes the lock after a task that fails, and rethrows', async () => {
    const file = lockFile();
    await assert.rejects(
      withSyncLock(file, { timing: FAST }, async () => {
        throw new Error('boom');
      }),
      /boom/,
    );
    assert.equal(existsSync(file), false);
  });

  it('runs one task at a time: the second waits, saying who holds the lock, and starts after the first ends', async () => {
    const file = lockFile();
    const events: string[] = [];
    const waitedFor: SyncLockHolder[] = [];
    const first = withSyncLock(file, { timing: FAST }, async () => {
      events.push('first start');
      await new Promise((resolve) => setTimeout(resolve, 120));
      events.push('first end');
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    const second = withSyncLock(file, { timing: FAST, onWait: (holder) => waitedFor.push(holder) }, async () => {
      events.push('second start');
    });
    await Promise.all([first, second]);
    assert.deepEqual(events, ['first start', 'first end', 'second start']);
    assert.equal(waitedFor.length, 1);
    assert.equal(waitedFor[0]?.pid, process.pid);
  });

  it('keeps a long task’s lock fresh, so nobody takes it over as stale', async () => {
    const file = lockFile();
    let secondRan = false;
    const first = withSyncLock(file, { timing: FAST }, () => new Promise((resolve) => setTimeout(resolve, FAST.staleMs * 3)));
    await new Promise((resolve) => setTimeout(resolve, 10));
    const second = withSyncLock(file, { timing: FAST }, async () => {
      secondRan = true;
    });
    await new Promise((resolve) => setTimeout(resolve, FAST.staleMs * 2));
    assert.equal(secondRan, false, 'a lock refreshed by a live holder was taken over');
    await Promise.all([first, second]);
    assert.equal(secondRan, true);
  });

  it('takes over a lock left by a process that is gone, at once', async () => {
    const file = lockFile();
    holderFile(file, { pid: await deadPid() });
    let waited = false;
    const ran = await withSyncLock(file, { timing: { ...FAST, staleMs: 60_000 }, onWait: () => (waited = true) }, async () => 'ran');
    assert.equal(ran, 'ran');
    assert.equal(waited, false);
  });

  it('takes over a lock not refreshed for longer than the stale time (a process on another host that hung or died)', async () => {
    const file = lockFile();
    holderFile(file, { host: 'another-host', pid: 1 });
    const old = new Date(Date.now() - 1_000);
    utimesSync(file, old, old);
    assert.equal(await withSyncLock(file, { timing: FAST }, async () => 'ran'), 'ran');
  });

  it('waits for a fresh lock of another host, and for a lock file still being written', async () => {
    for (const content of [JSON.stringify({ pid: 1, host: 'another-host', startedAt: new Date().toISOString(), token: 'x' }), '']) {
      const file = lockFile();
      writeFileSync(file, content);
      const abort = new AbortController();
      setTimeout(() => abort.abort(), 100);
      await assert.rejects(withSyncLock(file, { timing: FAST, signal: abort.signal }, async () => 'ran'));
      assert.equal(readFileSync(file, 'utf8'), content, 'the other holder’s lock was removed');
    }
  });

  it('runs unlocked for a store with no file', async () => {
    assert.equal(await withSyncLock(undefined, {}, async () => 'ran'), 'ran');
  });
});
