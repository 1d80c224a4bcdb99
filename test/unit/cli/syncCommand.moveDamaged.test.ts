import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { directorySnapshotStore } from '../../../src/store/snapshotStore';
import { startFakeGitHub, type FakeGitHub } from '../../fake-github/server';
import { runCli } from '../../support/cli';
import { discussion } from '../../support/discussionNodes';

describe('community-pulse sync over a damaged snapshot', function () {
  this.timeout(30_000);
  let fake: FakeGitHub;
  const env = { GITHUB_TOKEN: 'cli-token' };

  before(async () => {
    fake = await startFakeGitHub({
      token: 'cli-token',
      repositories: [{ nameWithOwner: 'octo/repo', discussions: [discussion(1, 'alice', 0), discussion(2, 'bob', 1)] }],
    });
  });
  after(() => fake.close());

  it('stops with the exact command that moves it aside, which keeps it under a dated name and syncs afresh', async () => {
    const store = mkdtempSync(join(tmpdir(), 'cp-damaged-cli-'));
    writeFileSync(join(store, 'octo__repo.json'), '{"format": "community-pulse/sn');
    const args = ['sync', 'octo/repo', '--api-url', fake.url, '--store', store];

    const refused = await runCli(args, env);
    assert.equal(refused.code, 1);
    assert.equal(
      refused.stderr.split('\n')[1],
      `To keep it under a dated name beside it and sync again, run: community-pulse sync octo/repo --api-url ${fake.url} --store ${store} --move-damaged`,
    );
    assert.equal(readFileSync(join(store, 'octo__repo.json'), 'utf8'), '{"format": "community-pulse/sn');

    const moved = await runCli([...args, '--move-damaged'], env);
    assert.equal(moved.code, 0, moved.stderr);
    assert.match(moved.stdout, /^octo\/repo: 2 discussions fetched, 2 stored/);
    const kept = readdirSync(store).filter((name) => /^octo__repo\.damaged-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.json$/.test(name));
    assert.equal(kept.length, 1);
    assert.match(moved.stderr, new RegExp(`The damaged snapshot was kept as .*${kept[0]}; syncing afresh\\.`));
    assert.equal(readFileSync(join(store, kept[0]!), 'utf8'), '{"format": "community-pulse/sn');
    assert.equal((await directorySnapshotStore(store).read('octo/repo'))?.discussions.length, 2);
  });

  it('names the sync to run when triage reads a damaged snapshot', async () => {
    const store = mkdtempSync(join(tmpdir(), 'cp-damaged-cli-'));
    writeFileSync(join(store, 'octo__repo.json'), 'not json');
    const triage = await runCli(['triage', 'octo/repo', '--store', store]);
    assert.equal(triage.code, 1);
    assert.match(triage.stderr, new RegExp(`run: community-pulse sync octo/repo --store ${store} --move-damaged$`, 'm'));
  });
});
