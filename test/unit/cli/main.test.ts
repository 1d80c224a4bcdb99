import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptySnapshot } from '../../../src/store/snapshot';
import { directorySnapshotStore } from '../../../src/store/snapshotStore';
import { startFakeGitHub } from '../../fake-github/server';
import { runCli } from '../../support/cli';
import { at, discussion } from '../../support/discussionNodes';

const CLI = join(__dirname, '..', '..', '..', 'src', 'cli', 'main.ts');

describe('community-pulse', () => {
  it('prints its usage with exit status 0 for --help, -h and help, also after a command', async () => {
    for (const argv of [['--help'], ['-h'], ['help'], ['report', '--help'], ['sync', '-h']]) {
      const run = await runCli(argv);
      assert.equal(run.code, 0, argv.join(' '));
      assert.equal(run.stderr, '');
      for (const command of ['sync OWNER/REPO', 'triage (OWNER/REPO | --input FILE)', 'report (OWNER/REPO | --input FILE)']) {
        assert.ok(run.stdout.includes(`community-pulse ${command}`), `${argv.join(' ')} lists ${command}`);
      }
      assert.match(run.stdout, /--response-target-hours N/);
      assert.match(run.stdout, /\[--over-dunbar-participants N\] \[--thin-discussions N\] \[--thin-know-someone-rate R\]/);
      assert.match(run.stdout, /GITHUB_TOKEN/);
    }
  });

  it('on SIGINT during sync, exits 1 saying it was cancelled, and keeps the page it had fetched', async function () {
    this.timeout(20_000);
    // #1..#150, an hour apart: the first page is #150..#51.
    const numbers = Array.from({ length: 150 }, (_, index) => index + 1);
    const github = await startFakeGitHub({
      token: 'cli-token',
      repositories: [{ nameWithOwner: 'octo/repo', discussions: numbers.map((n) => discussion(n, 'alice', n, { updatedAt: at(n) })) }],
    });
    try {
      // The first page is answered as usual; the request for the second is held until the CLI gives up.
      github.injectFault({ kind: 'corrupt', mutate: (body: unknown) => body }, 1, 'graphql');
      github.injectFault({ kind: 'timeout', ms: 600_000 }, 1, 'graphql');
      const store = mkdtempSync(join(tmpdir(), 'cp-sigint-'));
      const child = spawn(process.execPath, ['--require', 'tsx/cjs', CLI, 'sync', 'octo/repo', '--api-url', github.url, '--store', store], {
        env: { PATH: process.env['PATH'], GITHUB_TOKEN: 'cli-token' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

      while (github.stats().faults < 2) await new Promise((resolve) => setTimeout(resolve, 10));
      child.kill('SIGINT');

      assert.equal(await exited, 1, stderr);
      assert.equal(stdout, '');
      assert.match(stderr, /^community-pulse: Sync of octo\/repo was cancelled\. What was fetched so far is saved; the next sync continues from there\.$/m);
      const snapshot = await directorySnapshotStore(store).read('octo/repo');
      assert.deepEqual(
        snapshot?.discussions.map((node) => node.number).sort((a, b) => a - b),
        numbers.slice(50),
      );
      assert.notEqual(snapshot?.sync.pendingPass, null);
    } finally {
      await github.close();
    }
  });

  it('says on stderr that a snapshot left by an interrupted first sync is partial, for report and triage alike', async () => {
    const store = mkdtempSync(join(tmpdir(), 'cp-partial-'));
    const snapshot = emptySnapshot('octo/repo', 'https://api.github.com');
    const pendingPass = { mode: 'incremental', startedAt: at(10), newestUpdatedAt: at(3), stopBefore: null, cursor: 'c', totalCount: 160 } as const;
    const discussions = [3, 2, 1].map((n) => discussion(n, 'alice', n, { updatedAt: at(n) }));
    await directorySnapshotStore(store).write({ ...snapshot, sync: { ...snapshot.sync, pendingPass }, discussions });
    for (const command of [['report', '--format', 'json'], ['triage']]) {
      const run = await runCli([command[0]!, 'octo/repo', '--store', store, ...command.slice(1)]);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stderr, /^community-pulse: partial: 3 of 160 discussions, newest activity first: the first sync of octo\/repo has not finished/);
      assert.notEqual(run.stdout, '');
    }
    await directorySnapshotStore(store).write({ ...snapshot, sync: { ...snapshot.sync, lastSyncAt: at(10) }, discussions });
    assert.equal((await runCli(['triage', 'octo/repo', '--store', store])).stderr, '', 'a complete snapshot says nothing');
  });

  it('exits 2 with a one-line message on bad usage of any command, and with the usage when no command is given', async () => {
    const bare = await runCli([]);
    assert.equal(bare.code, 2);
    assert.match(bare.stderr, /^community-pulse: no command given\nUsage:/);
    for (const argv of [
      ['report', '--input', 'x.json', '--response-target-hours', 'soon'],
      ['report', '--input', 'x.json', '--over-dunbar-participants', '0'],
      ['report', '--input', 'x.json', '--thin-discussions', '2.5'],
      ['report', '--input', 'x.json', '--thin-know-someone-rate', '50%'],
      ['sync', 'octo/repo', '--bogus'],
    ]) {
      const run = await runCli(argv, { GITHUB_TOKEN: 'token' });
      assert.equal(run.code, 2, argv.join(' '));
      assert.match(run.stderr, /^community-pulse: [^\n]+\n$/);
      assert.equal(run.stdout, '');
      if (argv[0] === 'report') assert.ok(run.stderr.includes(`${argv[3]} expects`), `${run.stderr} names ${argv[3]} and what it expects`);
    }
  });
});
