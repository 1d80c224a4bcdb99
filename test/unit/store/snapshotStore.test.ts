import { strict as assert } from 'node:assert';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { DiscussionNode } from '../../../src/github/schemas';
import { emptySnapshot, type Snapshot, type SyncState } from '../../../src/store/snapshot';
import {
  DamagedSnapshotError,
  directorySnapshotStore,
  fileSnapshotStore,
  snapshotFileName,
  SnapshotStoreError,
  type SnapshotChanges,
  type SnapshotStore,
} from '../../../src/store/snapshotStore';

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

  it('names a damaged file and why, and leaves it untouched', async () => {
    const directory = temporaryDirectory();
    const file = join(directory, 'octo__repo.json');
    const store = directorySnapshotStore(directory);
    for (const [content, reason] of [
      ['{"format": "community-pulse/snapshot", "vers', /not valid JSON/],
      [JSON.stringify({ ...snapshotWith('octo/repo', 1), discussions: [{ id: 'D_1' }] }), /discussions\[0\]\.number/],
    ] as const) {
      writeFileSync(file, content);
      await assert.rejects(store.read('octo/repo'), (error: unknown) => {
        assert.ok(error instanceof DamagedSnapshotError);
        assert.equal(error.file, file);
        assert.equal(error.repository, 'octo/repo');
        assert.match(error.message, reason);
        assert.match(error.message, /octo__repo\.json is damaged \(.*\); it was left untouched\.$/);
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

describe('snapshot store: format 2, appended at each checkpoint', () => {
  const REPOSITORY = 'octo/repo';
  const API = 'https://api.github.com';
  const node = (number: number, updatedHour: number, upvotes = 0): DiscussionNode => ({
    id: `D_${number}`,
    number,
    title: `Discussion ${number}`,
    url: `https://github.com/octo/repo/discussions/${number}`,
    createdAt: '2024-04-01T00:00:00Z',
    updatedAt: `2024-04-02T${String(updatedHour).padStart(2, '0')}:00:00Z`,
    upvoteCount: upvotes,
    comments: { nodes: [{ id: `DC_${number}`, createdAt: '2024-04-01T01:00:00Z', author: { login: 'carol' }, replies: { nodes: [] } }] },
  });
  const syncAt = (hour: number): SyncState => ({
    lastSyncAt: `2024-04-03T${String(hour).padStart(2, '0')}:00:00.000Z`,
    lastFullSyncAt: null,
    updatedSince: null,
    pendingPass: null,
  });
  /** Saves changes as the sync does; `everything` is what a whole write would hold. */
  const changes = (held: DiscussionNode[], changed: DiscussionNode[], deleted: string[], hour: number): SnapshotChanges => {
    const after = new Map(held.map((each) => [each.id, each]));
    for (const each of changed) after.set(each.id, each);
    for (const id of deleted) after.delete(id);
    return { repository: REPOSITORY, apiUrl: API, sync: syncAt(hour), changed, deleted, count: after.size, everything: () => after.values() };
  };
  const snapshotOf = (discussions: DiscussionNode[], hour: number): Snapshot => ({ ...emptySnapshot(REPOSITORY, API), sync: syncAt(hour), discussions });
  const fileIn = (directory: string): string => join(directory, 'octo__repo.json');
  const lineCount = (file: string): number => readFileSync(file, 'utf8').split('\n').length - 1;

  async function storeWithThree(): Promise<{ store: SnapshotStore; file: string; held: DiscussionNode[]; logged: string[] }> {
    const directory = temporaryDirectory();
    const logged: string[] = [];
    const store = directorySnapshotStore(directory, { log: (line) => logged.push(line) });
    const held = [node(3, 3), node(2, 2), node(1, 1)];
    await store.write(snapshotOf(held, 1));
    return { store, file: fileIn(directory), held, logged };
  }

  it('appends only what changed, and reads back the newest of each discussion, newest update first', async () => {
    const { store, file, held } = await storeWithThree();
    const before = readFileSync(file, 'utf8');
    await store.saveChanges(changes(held, [node(1, 5, 7)], [], 2));
    await store.saveChanges(changes(held, [node(1, 6, 9), node(4, 4)], [], 3));

    const after = readFileSync(file, 'utf8');
    assert.ok(after.startsWith(before), 'the lines saved before were rewritten');
    assert.equal(lineCount(file), 5 + 2 + 3, 'header, 3 discussions and a sync state, then 1 + 1 and 2 + 1 records');
    assert.deepEqual(await directorySnapshotStore(dirname(file)).read(REPOSITORY), snapshotOf([node(1, 6, 9), node(4, 4), node(3, 3), node(2, 2)], 3));
  });

  it('removes a discussion saved as deleted', async () => {
    const { store, file, held } = await storeWithThree();
    await store.saveChanges(changes(held, [], ['D_2'], 2));
    assert.deepEqual(await directorySnapshotStore(dirname(file)).read(REPOSITORY), snapshotOf([node(3, 3), node(1, 1)], 2));
  });

  it('leaves out a torn last line with a log line, and cuts it off before the next append', async () => {
    const { store, file, held, logged } = await storeWithThree();
    await store.saveChanges(changes(held, [node(4, 4)], [], 2));
    const complete = readFileSync(file, 'utf8');
    // Longer than the next append, so what it leaves would show if it were not cut off.
    appendFileSync(file, `{"discussion":{"id":"D_5","number":5,"title":"${'long title '.repeat(200)}`);

    assert.deepEqual(await store.read(REPOSITORY), snapshotOf([node(4, 4), ...held], 2));
    assert.equal(logged.length, 1);
    assert.match(
      logged[0]!,
      /octo__repo\.json ends with an incomplete line 8 \(a save was interrupted\); it was left out and the next sync fetches what it held again/,
    );

    await store.saveChanges(changes([node(4, 4), ...held], [node(5, 5)], [], 3));
    assert.ok(readFileSync(file, 'utf8').startsWith(`${complete}{"discussion":{"id":"D_5"`));
    assert.ok(readFileSync(file, 'utf8').endsWith('}\n'));
    assert.deepEqual(await store.read(REPOSITORY), snapshotOf([node(5, 5), node(4, 4), ...held], 3));
    assert.equal(logged.length, 1);
  });

  it('reports a damaged line in the middle with its number and field, and leaves the file untouched', async () => {
    const { store, file, held } = await storeWithThree();
    await store.saveChanges(changes(held, [node(4, 4)], [], 2));
    const lines = readFileSync(file, 'utf8').split('\n');
    for (const [line, content, reason] of [
      [3, lines[2]!.slice(0, 40), /line 3: not valid JSON/],
      [2, JSON.stringify({ discussion: { ...node(3, 3), number: 'three' } }), /line 2: discussion\.number: /],
      [4, '{"sync":{"lastSyncAt":"yesterday"}}', /line 4: sync\.lastSyncAt: expected an ISO 8601 date-time/],
      [5, '{"renamed":"D_1"}', /line 5: expected one of discussion, deleted, sync; found renamed/],
      [1, '{"format":"community-pulse/snapshot","version":3,"repository":"octo/repo","apiUrl":"x"}', /line 1: version: /],
    ] as const) {
      const damaged = lines.map((each, index) => (index === line - 1 ? content : each)).join('\n');
      writeFileSync(file, damaged);
      await assert.rejects(store.read(REPOSITORY), (error: unknown) => {
        assert.ok(error instanceof SnapshotStoreError);
        assert.match(error.message, reason);
        assert.match(error.message, /octo__repo\.json is damaged .*it was left untouched/);
        return true;
      });
      assert.equal(readFileSync(file, 'utf8'), damaged);
    }
  });

  it('reads a version-1 file and rewrites it as version 2 at the next save', async () => {
    const directory = temporaryDirectory();
    const file = fileIn(directory);
    const held = [node(3, 3), node(2, 2), node(1, 1)];
    writeFileSync(file, `${JSON.stringify(snapshotOf(held, 1))}\n`);
    const store = directorySnapshotStore(directory);
    assert.deepEqual(await store.read(REPOSITORY), snapshotOf(held, 1));

    await store.saveChanges(changes(held, [node(4, 4)], [], 2));
    assert.match(
      readFileSync(file, 'utf8'),
      /^\{"format":"community-pulse\/snapshot","version":2,"repository":"octo\/repo","apiUrl":"https:\/\/api\.github\.com"\}\n/,
    );
    assert.equal(lineCount(file), 1 + 4 + 1);
    assert.deepEqual(await directorySnapshotStore(directory).read(REPOSITORY), snapshotOf([node(4, 4), ...held], 2));
  });

  it('rewrites the file whole once superseded records pass half of it, keeping its content', async () => {
    const { store, file, held } = await storeWithThree();
    const sizes: number[] = [];
    for (let hour = 2; hour <= 6; hour++) {
      await store.saveChanges(changes(held, [node(1, 1, hour)], [], hour));
      sizes.push(lineCount(file));
    }
    // 5 lines, then 2 records more per save until superseded records (older copies, older sync states) pass half.
    assert.deepEqual(sizes, [7, 9, 5, 7, 9]);
    assert.deepEqual(await directorySnapshotStore(dirname(file)).read(REPOSITORY), snapshotOf([node(3, 3), node(2, 2), node(1, 1, 6)], 6));
  });

  it('writes the whole file rather than append to one another process replaced since', async () => {
    const { store, file, held } = await storeWithThree();
    await directorySnapshotStore(dirname(file)).write(snapshotOf([node(9, 9)], 1));
    await store.saveChanges(changes(held, [node(4, 4)], [], 2));
    assert.deepEqual(await store.read(REPOSITORY), snapshotOf([node(4, 4), ...held], 2));
  });
});
