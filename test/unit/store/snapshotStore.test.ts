import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptySnapshot, type Snapshot } from '../../../src/store/snapshot';
import {
  directorySnapshotStore,
  fileSnapshotStore,
  snapshotFileName,
  SnapshotStoreError,
} from '../../../src/store/snapshotStore';

function temporaryDirectory(): string {
  return mkdtempSync(join(tmpdir(), 'cp-store-'));
}

function snapshotWith(repository: string, discussions: number): Snapshot {
  const snapshot = emptySnapshot(repository, 'https://api.github.com');
  snapshot.sync.lastSyncAt = '2024-05-01T10:00:00.000Z';
  snapshot.discussions = Array.from({ length: discussions }, (_, index) => ({
    id: `D_${index}`,
    number: index + 1,
    title: `Discussion ${index + 1}`.padEnd(200, '.'),
    url: `https://github.com/${repository}/discussions/${index + 1}`,
    createdAt: '2024-04-01T00:00:00Z',
    updatedAt: '2024-04-02T00:00:00Z',
    comments: { nodes: [{ id: `DC_${index}`, createdAt: '2024-04-01T01:00:00Z', author: { login: 'carol' } }] },
  }));
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

  it('never lets a reader see a partially written file, and leaves no temporary files', async () => {
    const directory = temporaryDirectory();
    const store = directorySnapshotStore(directory);
    const file = join(directory, 'octo__repo.json');
    await store.write(snapshotWith('octo/repo', 10));
    let writing = true;
    let reads = 0;
    const reader = (async () => {
      while (writing) {
        const text = await readFile(file, 'utf8');
        assert.doesNotThrow(() => JSON.parse(text), 'a reader saw a partial snapshot file');
        reads += 1;
      }
    })();
    for (let round = 0; round < 6; round += 1) await store.write(snapshotWith('octo/repo', 10_000 + round));
    writing = false;
    await reader;
    assert.ok(reads > 0);
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
