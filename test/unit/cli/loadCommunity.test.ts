import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMUNITY_IMAGE } from '../../../src/community/image';
import { emptySnapshot } from '../../../src/store/snapshot';
import { loadedSnapshotOf, saveImage } from '../../../src/store/snapshotImage';
import { directorySnapshotStore } from '../../../src/store/snapshotStore';
import { runCli } from '../../support/cli';
import { comment, discussion } from '../../support/discussionNodes';

const WINDOW = ['--since', '2023-12-01T00:00:00Z', '--until', '2024-01-31T00:00:00Z', '--format', 'json', '--api-url', 'https://api.github.com'];

describe('community-pulse report from a stored snapshot', () => {
  it('reads the community through the snapshot’s image when it was made of the log as it is', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'cp-cli-image-'));
    const store = directorySnapshotStore(directory);
    const snapshot = emptySnapshot('octo/repo', 'https://api.github.com');
    snapshot.sync = { ...snapshot.sync, lastSyncAt: '2024-01-31T00:00:00.000Z' };
    snapshot.discussions = [discussion(2, 'bob', 30, { comments: [comment('carol', 31)] }), discussion(1, 'alice', 0)];
    await store.write(snapshot);
    // An image stamped with the log's identity but holding only discussion 1: what the report shows tells which it read.
    const onlyFirst = { ...snapshot, discussions: [snapshot.discussions[1]!] };
    await saveImage(store, loadedSnapshotOf(onlyFirst, COMMUNITY_IMAGE), COMMUNITY_IMAGE, (line) => assert.fail(line));
    const inputOf = (discussions: unknown[]): string => {
      const file = join(directory, `input-${discussions.length}.json`);
      writeFileSync(file, JSON.stringify({ repository: 'octo/repo', discussions }));
      return file;
    };

    const stored = await runCli(['report', 'octo/repo', '--store', directory, ...WINDOW]);
    assert.equal(stored.code, 0, stored.stderr);
    assert.equal(stored.stderr, '');
    assert.equal(stored.stdout, (await runCli(['report', '--input', inputOf(onlyFirst.discussions), ...WINDOW])).stdout, 'the image’s community');
    assert.notEqual(stored.stdout, (await runCli(['report', '--input', inputOf(snapshot.discussions), ...WINDOW])).stdout, 'not the log’s');
  });
});
