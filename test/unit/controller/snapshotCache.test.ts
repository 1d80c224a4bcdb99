import { strict as assert } from 'node:assert';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SnapshotCache } from '../../../src/controller/snapshotCache';
import { emptySnapshot, type Snapshot } from '../../../src/store/snapshot';
import { directorySnapshotStore, type SnapshotStore } from '../../../src/store/snapshotStore';
import { comment, discussion } from '../../support/discussionNodes';

const REPOSITORY = { owner: 'octo', name: 'repo' };
const GITHUB_API = 'https://api.github.com';
const QUIET = { error: () => undefined, info: () => undefined };

/** A store holding one snapshot (or failing), counting reads. */
function storeOf(stored: () => Snapshot | null) {
  const store = {
    reads: 0,
    read: async () => {
      store.reads++;
      return stored();
    },
    write: async () => undefined,
    saveChanges: async () => undefined,
  } satisfies SnapshotStore & { reads: number };
  return store;
}

function snapshotFrom(apiUrl: string): Snapshot {
  const snapshot = emptySnapshot('octo/repo', apiUrl);
  return { ...snapshot, sync: { ...snapshot.sync, lastSyncAt: '2024-05-01T12:00:00.000Z' } };
}

describe('SnapshotCache', () => {
  it("reads the repository's snapshot from this API, with its last sync time", async () => {
    const cache = new SnapshotCache(
      storeOf(() => snapshotFrom(GITHUB_API)),
      QUIET,
    );
    const stored = await cache.read(REPOSITORY, GITHUB_API);
    assert.equal(stored?.repository, 'octo/repo');
    assert.equal(stored?.lastSyncAt, Date.UTC(2024, 4, 1, 12));
  });

  it('takes a snapshot of the same name from another server for none: it is not this repository’s', async () => {
    const cache = new SnapshotCache(
      storeOf(() => snapshotFrom('http://127.0.0.1:4000')),
      QUIET,
    );
    assert.equal(await cache.read(REPOSITORY, GITHUB_API), null);
  });

  it('takes the API written with a trailing slash for the same API', async () => {
    const cache = new SnapshotCache(
      storeOf(() => snapshotFrom(`${GITHUB_API}/`)),
      QUIET,
    );
    assert.equal((await cache.read(REPOSITORY, GITHUB_API))?.repository, 'octo/repo');
  });

  it('keeps what it read until the target changes or a sync may have written the file', async () => {
    const store = storeOf(() => snapshotFrom(GITHUB_API));
    const cache = new SnapshotCache(store, QUIET);
    const first = await cache.read(REPOSITORY, GITHUB_API);
    assert.equal(await cache.read({ owner: 'Octo', name: 'Repo' }, GITHUB_API), first, 'owner/name is case-insensitive');
    assert.equal(store.reads, 1);
    await cache.read(REPOSITORY, 'https://ghe.example.com/api/v3');
    assert.equal(store.reads, 2, 'another API is another target');
    await cache.read(REPOSITORY, GITHUB_API);
    assert.equal(store.reads, 3);
    cache.forget();
    await cache.read(REPOSITORY, GITHUB_API);
    assert.equal(store.reads, 4, 'read again after a sync');
  });

  it('remembers why the file could not be read until it can, and logs it', async () => {
    let damaged = true;
    const logged: string[] = [];
    const cache = new SnapshotCache(
      storeOf(() => {
        if (damaged) throw new Error('Cannot read the snapshot file octo__repo.json: invalid JSON.');
        return snapshotFrom(GITHUB_API);
      }),
      { error: (line) => logged.push(line), info: () => undefined },
    );
    assert.equal(await cache.read(REPOSITORY, GITHUB_API), null);
    assert.equal(cache.problem, 'Cannot read the snapshot file octo__repo.json: invalid JSON.');
    assert.deepEqual(logged, ['Cannot read the snapshot file octo__repo.json: invalid JSON.']);
    damaged = false;
    assert.equal((await cache.read(REPOSITORY, GITHUB_API))?.repository, 'octo/repo', 'an unreadable file is not kept as "none"');
    assert.equal(cache.problem, undefined);
  });

  it('marks a snapshot left by an interrupted first sync as partial, with GitHub’s total, after a reload', async () => {
    const interrupted = emptySnapshot('octo/repo', GITHUB_API);
    const pendingPass = {
      mode: 'incremental',
      startedAt: '2024-05-01T12:00:00.000Z',
      newestUpdatedAt: null,
      stopBefore: null,
      cursor: 'c',
      totalCount: 160,
    } as const;
    const cache = new SnapshotCache(
      storeOf(() => ({ ...interrupted, sync: { ...interrupted.sync, pendingPass } })),
      QUIET,
    );
    assert.deepEqual((await cache.read(REPOSITORY, GITHUB_API))?.partial, { stored: 0, total: 160 });
  });

  it('takes a completed snapshot for complete', async () => {
    const cache = new SnapshotCache(
      storeOf(() => snapshotFrom(GITHUB_API)),
      QUIET,
    );
    assert.equal((await cache.read(REPOSITORY, GITHUB_API))?.partial, null);
  });

  it('keeps what a running sync saved as the target’s snapshot, without reading the file', async () => {
    const store = storeOf(() => snapshotFrom(GITHUB_API));
    const cache = new SnapshotCache(store, QUIET);
    const saved = snapshotFrom(GITHUB_API);
    const kept = cache.keep(REPOSITORY, GITHUB_API, saved);
    assert.equal(await cache.read(REPOSITORY, GITHUB_API), kept);
    assert.equal(store.reads, 0);
  });

  it('after a sync, images what it kept: the next start loads it without reading the log, partial and all', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'cp-cache-'));
    const saved = { ...snapshotFrom(GITHUB_API), discussions: [discussion(1, 'alice', 0, { comments: [comment('bob', 2)] }), discussion(2, 'carol', 5)] };
    saved.sync = {
      ...saved.sync,
      lastSyncAt: null,
      pendingPass: {
        mode: 'full',
        startedAt: saved.sync.lastFullSyncAt ?? '2024-05-01T12:00:00.000Z',
        newestUpdatedAt: null,
        stopBefore: null,
        cursor: 'c',
        totalCount: 160,
      },
    };
    const syncing = directorySnapshotStore(directory);
    await syncing.write(saved);
    const cache = new SnapshotCache(syncing, QUIET);
    const kept = cache.keep(REPOSITORY, GITHUB_API, saved);
    await cache.saveImage();

    const nextStart = directorySnapshotStore(directory);
    const counted = { ...nextStart, reads: 0, read: (repository: string) => (counted.reads++, nextStart.read(repository)) };
    const loaded = await new SnapshotCache(counted, QUIET).read(REPOSITORY, GITHUB_API);
    assert.equal(counted.reads, 0, 'the log was not read');
    assert.deepEqual(loaded?.partial, { stored: 2, total: 160 });
    assert.equal(loaded?.lastSyncAt, null);
    assert.deepEqual(
      loaded?.community.discussions.map((each) => each.posts),
      kept.community.discussions.map((each) => each.posts),
    );
  });
});
