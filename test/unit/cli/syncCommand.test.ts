import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeGitHub, type FakeGitHub } from '../../fake-github/server';
import { runCli } from '../../support/cli';
import { comment, discussion } from '../../support/discussionNodes';

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
