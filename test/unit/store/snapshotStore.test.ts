import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptySnapshot, type Snapshot } from '../../../src/store/snapshot';
import { directorySnapshotStore, fileSnapshotStore, snapshotFileName, SnapshotStoreError } from '../../../src/store/snapshotStore';

function temporaryDirectory(): string {
  return mkdtempSync(join(tmpdir(), 'cp-store-'));
}

function snapshotWith(repository: string, discussions: number): Snapshot {
  const snapshot = emptySnapshot(repository, 'https://api.github.com');
  snapshot.sync.lastSyncAt = '2024-05-01T10:00:00.000Z';
  // Newest update first, as the store returns them (same time: highest number first).
  snapshot.discussions = Array.from({ length: discussions }, (_, index) => ({
    id: `D_${index}`,
    number: index + 1,
    title: `Discussion ${index + 1}`.padEnd(200, '.'),
    url: `https://github.com/${repository}/discussions/${index + 1}`,
    createdAt: '2024-04-01T00:00:00Z',
    updatedAt: '2024-04-02T00:00:00Z',
    comments: { nodes: [{ id: `DC_${index}`, createdAt: '2024-04-01T01:00:00Z', author: { login: 'carol' } }] },
  })).reverse();
  return snapshot;
}

describe('snapshot store', () => {
  it('reads back what it wrote, one lower-case file per repository', async () => {
    const directory = temporaryDirectory();
    const store = directorySnapshotStore(directory);
    const snapshot = snapshotWith('Octo/Repo', 3);
    await store.write(snapshot);
    assert.deepEqual(readdirSync(directory), ['octo__repo.json']);
    assert.deepEqual(await store.read('octo/repo'), snapshot);
    assert.equal(await store.read('octo/other'), null);
  });

  it('rejects repository names that would escape the folder', () => {
    assert.throws(() => snapshotFileName('../etc'), /not a repository name/);
    assert.throws(() => snapshotFileName('octo/..'), /not a repository name/);
    assert.throws(() => snapshotFileName('a/b/c'), /not a repository name/);
  });

  it('lets a reader during a write see the whole old file or the whole new one, and leaves no temporary files', async () => {
    const directory = temporaryDirectory();
    const store = directorySnapshotStore(directory);
    const file = join(directory, 'octo__repo.json');
    // Each version has its own number of discussions, so a read tells which whole file it saw.
    const versions = [10, 10_000, 10_001, 10_002, 10_003, 10_004, 10_005];
    await store.write(snapshotWith('octo/repo', versions[0]!));
    let writing: number | null = null;
    let finished = false;
    const reads: { duringVersion: number | null; saw: number }[] = [];
    const reader = (async () => {
      while (!finished) {
        const duringVersion = writing;
        const text = await readFile(file, 'utf8');
        // A whole file ends with the sync state's line; a partial one would not.
        assert.match(text, /\n\{"sync":.*\}\n$/);
        reads.push({ duringVersion, saw: text.split('\n').filter((line) => line.startsWith('{"discussion":')).length });
      }
    })();
    for (const version of versions.slice(1)) {
      writing = version;
      await store.write(snapshotWith('octo/repo', version));
      writing = null;
    }
    finished = true;
    await reader;

    const duringWrites = reads.filter((read) => read.duringVersion !== null);
    assert.ok(duringWrites.length > 0, 'no read landed while a write was in progress');
    for (const { duringVersion, saw } of duringWrites) {
      const previous = versions[versions.indexOf(duringVersion!) - 1];
      assert.ok(saw === previous || saw === duringVersion, `while writing ${duringVersion} a reader saw ${saw}`);
    }
    assert.ok(reads.every((read) => versions.includes(read.saw)));
    assert.ok(
      duringWrites.some((read) => read.saw !== read.duringVersion),
      'no read landed while the new content was being written, before it replaced the old',
    );
    assert.deepEqual(readdirSync(directory), ['octo__repo.json']);
  });

  it('keeps the previous file when a write fails', async () => {
    const directory = temporaryDirectory();
    const file = join(directory, 'snapshot.json');
    const store = fileSnapshotStore(file);
    await store.write(snapshotWith('octo/repo', 2));
    const before = readFileSync(file, 'utf8');
    const unserializable = { ...snapshotWith('octo/repo', 2), apiUrl: 10n as unknown as string };
    await assert.rejects(store.write(unserializable), (error: unknown) => {
      assert.ok(error instanceof SnapshotStoreError);
      assert.match(error.message, /Cannot write the snapshot file .*snapshot\.json.*previous snapshot is unchanged/);
      return true;
    });
    assert.equal(readFileSync(file, 'utf8'), before);
    assert.deepEqual(readdirSync(directory), ['snapshot.json']);
  });

  it('names a damaged file and what to do, and leaves it untouched', async () => {
    const directory = temporaryDirectory();
    const file = join(directory, 'octo__repo.json');
    const store = directorySnapshotStore(directory);
    for (const [content, reason] of [
      ['{"format": "community-pulse/snapshot", "vers', /not valid JSON/],
      [JSON.stringify({ ...snapshotWith('octo/repo', 1), discussions: [{ id: 'D_1' }] }), /discussions\[0\]\.number/],
    ] as const) {
      writeFileSync(file, content);
      await assert.rejects(store.read('octo/repo'), (error: unknown) => {
        assert.ok(error instanceof SnapshotStoreError);
        assert.equal(error.file, file);
        assert.match(error.message, reason);
        assert.match(error.message, /octo__repo\.json is damaged .*move it away \(or delete it\) and sync again/);
        return true;
      });
      assert.equal(readFileSync(file, 'utf8'), content);
    }
  });

  it('refuses a file that holds another repository', async () => {
    const file = join(temporaryDirectory(), 'out.json');
    await fileSnapshotStore(file).write(snapshotWith('octo/repo', 1));
    await assert.rejects(fileSnapshotStore(file).read('octo/other'), /holds octo\/repo, not octo\/other/);
  });
});
