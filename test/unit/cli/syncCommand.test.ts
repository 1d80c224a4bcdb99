import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeGitHub, type FakeGitHub } from '../../fake-github/server';
import { COMMUNITY_IMAGE } from '../../../src/community/image';
import { imageFileOf, loadThroughImage } from '../../../src/store/snapshotImage';
import { directorySnapshotStore } from '../../../src/store/snapshotStore';
import { runCli } from '../../support/cli';
import { comment, discussion } from '../../support/discussionNodes';
import { startFakeCommunity, TOKEN, type FakeCommunity } from '../../support/fakeCommunity';
import { manualClock } from '../../support/manualClock';

describe('community-pulse sync', function () {
  this.timeout(30_000);
  let fake: FakeGitHub;
  const env = { GITHUB_TOKEN: 'cli-token' };

  before(async () => {
    fake = await startFakeGitHub({
      token: 'cli-token',
      repositories: [
        {
          nameWithOwner: 'octo/repo',
          discussions: [discussion(1, 'alice', 0), discussion(2, 'bob', 1, { comments: [comment('carol', 2, { isAnswer: true })] })],
        },
        { nameWithOwner: 'octo/no-discussions', hasDiscussionsEnabled: false, discussions: [] },
      ],
    });
  });
  after(() => fake.close());

  it('writes a snapshot that triage then reads from the store', async () => {
    const store = mkdtempSync(join(tmpdir(), 'cp-store-'));
    const sync = await runCli(['sync', 'octo/repo', '--api-url', fake.url, '--store', store], env);
    assert.equal(sync.code, 0, sync.stderr);
    assert.match(sync.stdout, /^octo\/repo: 2 discussions fetched, 2 stored in /);
    const triage = await runCli(['triage', 'octo/repo', '--store', store, '--format', 'json', '--until', '2024-01-03T00:00:00Z']);
    assert.equal(triage.code, 0, triage.stderr);
    assert.deepEqual(
      JSON.parse(triage.stdout).noResponse.map((item: { number: number }) => item.number),
      [1],
    );
  });

  it('leaves the community image of what it saved beside the snapshot, so the next command need not read the log', async () => {
    const store = mkdtempSync(join(tmpdir(), 'cp-store-'));
    await runCli(['sync', 'octo/repo', '--api-url', fake.url, '--store', store], env);
    const logFile = join(store, 'octo__repo.json');
    const nextCommand = directorySnapshotStore(store);
    const loaded = await loadThroughImage({ ...nextCommand, read: () => assert.fail('read the log') }, 'octo/repo', COMMUNITY_IMAGE, assert.fail);
    assert.deepEqual(
      loaded?.value.discussions.map((each) => each.number),
      [2, 1],
    );
    assert.ok(existsSync(imageFileOf(logFile)));
  });

  it('writes one snapshot file with --out, readable by --input, and never the token', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'cp-out-')), 'octo.json');
    const sync = await runCli(['sync', 'octo/repo', '--api-url', fake.url, '--out', out], env);
    assert.equal(sync.code, 0, sync.stderr);
    assert.equal(readFileSync(out, 'utf8').includes('cli-token'), false);
    const triage = await runCli(['triage', '--input', out, '--format', 'json', '--until', '2024-01-03T00:00:00Z']);
    assert.equal(JSON.parse(triage.stdout).noResponse.length, 1);
  });

  it('reports a full re-check', async () => {
    const store = mkdtempSync(join(tmpdir(), 'cp-store-'));
    await runCli(['sync', 'octo/repo', '--api-url', fake.url, '--store', store], env);
    const full = await runCli(['sync', 'octo/repo', '--api-url', fake.url, '--store', store, '--full'], env);
    assert.equal(full.code, 0, full.stderr);
    assert.match(full.stdout, /Full re-check: no discussion changed without its updatedAt moving\./);
  });

  it('fails with a message saying what to do, and writes nothing, for a missing or revoked token and a repository without Discussions', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'cp-out-')), 'x.json');
    const missing = await runCli(['sync', 'octo/repo', '--api-url', fake.url, '--out', out], {});
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /GITHUB_TOKEN is not set/);

    const revoked = await runCli(['sync', 'octo/repo', '--api-url', fake.url, '--out', out], { GITHUB_TOKEN: 'revoked' });
    assert.equal(revoked.code, 1);
    assert.match(revoked.stderr, /token/i);

    const disabled = await runCli(['sync', 'octo/no-discussions', '--api-url', fake.url, '--out', out], env);
    assert.equal(disabled.code, 1);
    assert.match(disabled.stderr, /Discussions/);
    assert.equal(existsSync(out), false);
  });

  it('exits 2 on a malformed repository name', async () => {
    const run = await runCli(['sync', 'not-a-repo'], env);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /expected OWNER\/REPO/);
  });
});

describe('community-pulse sync when GitHub’s hourly budget is spent', function () {
  this.timeout(30_000);
  const HOUR = 3_600_000;
  const clock = manualClock();
  let fake: FakeCommunity;
  const env = { GITHUB_TOKEN: TOKEN };

  // 250 discussions cost about 26 points; 20 an hour runs out after two pages of 100 (8 points each).
  before(async () => {
    fake = await startFakeCommunity({ discussions: 250, fake: { pointsPerHour: 20, enforceRateLimit: true, budgetClock: clock.now } });
  });
  after(() => fake.github.close());
  beforeEach(() => clock.advance(HOUR + 60_000));

  it('with --no-wait, stops at once with exit status 3 saying it is resumable and when; the next run continues', async () => {
    const store = mkdtempSync(join(tmpdir(), 'cp-store-'));
    const args = ['sync', fake.name, '--api-url', fake.github.url, '--store', store, '--no-wait'];
    const stopped = await runCli(args, env, clock);
    assert.equal(stopped.code, 3, stopped.stderr);
    assert.match(stopped.stderr, /remain until \d\d:\d\d — the sync will stop then; run it again after \d\d:\d\d to continue/);
    assert.match(
      stopped.stderr,
      /community-pulse: GitHub's rate limit for this account is used up until .* Resumable: run the same command after \d\d:\d\d to continue\.\n$/,
    );
    assert.doesNotMatch(stopped.stderr, /paused until/);
    assert.equal((await directorySnapshotStore(store).read(fake.name))?.discussions.length, 200);

    clock.advance(HOUR + 60_000);
    const continued = await runCli(args, env, clock);
    assert.equal(continued.code, 0, continued.stderr);
    assert.match(continued.stderr, /Continuing the interrupted incremental sync/);
    assert.match(continued.stdout, /: 50 discussions fetched, 250 stored in /);
  });

  it('waits for each reset, printing a line a minute, and completes', async () => {
    const store = mkdtempSync(join(tmpdir(), 'cp-store-'));
    const run = await runCli(['sync', fake.name, '--api-url', fake.github.url, '--store', store], env, clock);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /: 250 discussions fetched, 250 stored in /);
    assert.match(run.stderr, /pauses until \d\d:\d\d with 200 of 250 synced, and then continues\.\n/);
    const lines = run.stderr.split('\n').filter((line) => line.startsWith('paused until'));
    for (const line of lines) assert.match(line, /^paused until \d\d:\d\d, GitHub's hourly budget is spent — 200 of 250 synced · \d+ min left$/);
    // A line a minute counting down to the reset, an hour after the window opened (GitHub's reset is to the second).
    const minutesLeft = lines.map((line) => Number(/(\d+) min left$/.exec(line)![1]));
    assert.ok(minutesLeft[0] === 60 || minutesLeft[0] === 61, lines[0]);
    assert.deepEqual(
      minutesLeft,
      Array.from({ length: minutesLeft[0]! }, (_, index) => minutesLeft[0]! - index),
    );
  });
});
