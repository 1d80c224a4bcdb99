import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { directorySnapshotStore, snapshotFileName } from '../../../src/store/snapshotStore';
import { syncLockFileOf } from '../../../src/store/syncLock';
import { startFakeGitHub, type FakeGitHub } from '../../fake-github/server';
import { runCli } from '../../support/cli';
import { at, discussion } from '../../support/discussionNodes';

const CLI = join(__dirname, '..', '..', '..', 'src', 'cli', 'main.ts');
const ENV = { GITHUB_TOKEN: 'cli-token' };
// #1..#150, an hour apart: two pages.
const NUMBERS = Array.from({ length: 150 }, (_, index) => index + 1);

/** `community-pulse sync` in a process of its own (the test runner is the other process). */
function syncInAnotherProcess(github: FakeGitHub, store: string): { pid: number; exited: Promise<{ code: number | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', CLI, 'sync', 'octo/repo', '--api-url', github.url, '--store', store], {
    env: { PATH: process.env['PATH'], ...ENV },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  assert.ok(child.pid);
  return { pid: child.pid, exited: new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr }))) };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('community-pulse sync in two processes on one store', function () {
  this.timeout(30_000);
  let github: FakeGitHub;
  let store: string;
  let lock: string;

  beforeEach(async () => {
    github = await startFakeGitHub({
      token: 'cli-token',
      repositories: [{ nameWithOwner: 'octo/repo', discussions: NUMBERS.map((n) => discussion(n, 'alice', n, { updatedAt: at(n) })) }],
    });
    store = mkdtempSync(join(tmpdir(), 'cp-two-'));
    lock = syncLockFileOf(join(store, snapshotFileName('octo/repo')));
  });
  afterEach(() => github.close());

  async function assertCompleteSnapshot(): Promise<void> {
    const snapshot = await directorySnapshotStore(store).read('octo/repo');
    assert.deepEqual(
      snapshot?.discussions.map((node) => node.number).sort((a, b) => a - b),
      NUMBERS,
    );
    assert.equal(snapshot?.sync.pendingPass, null);
    assert.equal(existsSync(lock), false, 'the lock file was left behind');
  }

  it('one syncs while the other waits with a line saying who it waits for, then continues from the first one’s snapshot', async () => {
    // The first process's first page is held a while, so the second starts while the first holds the lock.
    github.injectFault({ kind: 'timeout', ms: 800 }, 1, 'graphql');
    const first = syncInAnotherProcess(github, store);
    await until(() => existsSync(lock));
    const second = await runCli(['sync', 'octo/repo', '--api-url', github.url, '--store', store], ENV);
    const firstRun = await first.exited;

    assert.equal(firstRun.code, 0, firstRun.stderr);
    assert.match(firstRun.stdout, /^octo\/repo: 150 discussions fetched, 150 stored/);
    assert.equal(second.code, 0, second.stderr);
    assert.match(
      second.stderr,
      new RegExp(
        `^Another window or process \\(pid ${first.pid}, since [^)]+\\) is syncing octo/repo; waiting for it to finish, then continuing from what it stored\\.$`,
        'm',
      ),
    );
    assert.match(second.stdout, /150 stored/);
    // Two pages for the first; the second's incremental pass stops at the first page it already has.
    assert.equal(github.stats().graphqlRequests, 3);
    await assertCompleteSnapshot();
  });

  it('takes over at once the lock of a process killed in the middle of its sync', async () => {
    github.injectFault({ kind: 'timeout', ms: 600_000 }, 1, 'graphql');
    const killed = syncInAnotherProcess(github, store);
    await until(() => existsSync(lock) && github.stats().faults === 1);
    process.kill(killed.pid, 'SIGKILL');
    await killed.exited;
    assert.equal(existsSync(lock), true, 'the killed process left its lock');

    const second = await runCli(['sync', 'octo/repo', '--api-url', github.url, '--store', store], ENV);
    assert.equal(second.code, 0, second.stderr);
    assert.doesNotMatch(second.stderr, /waiting/);
    assert.match(second.stdout, /^octo\/repo: 150 discussions fetched, 150 stored/);
    await assertCompleteSnapshot();
  });
});
