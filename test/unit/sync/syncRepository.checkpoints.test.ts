import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { directorySnapshotStore, snapshotFileName, type SnapshotStore } from '../../../src/store/snapshotStore';
import type { SyncOptions } from '../../../src/sync/syncRepository';
import { SyncError } from '../../../src/sync/syncRepository';
import { startFakeGitHub } from '../../fake-github/server';
import { startFakeCommunity, syncedFields, TOKEN, type FakeCommunity } from '../../support/fakeCommunity';
import { idsInPageOrder, pageCursors, recordingClient, type RecordedQuery } from '../../support/syncTimeline';
import { createGitHubClient } from '../../../src/github/client';

/** What an interrupted or failed sync leaves in the snapshot, and how the next sync continues. Pages hold 100. */
describe('syncRepository: checkpoints and resuming', () => {
  let fake: FakeCommunity;
  let store: SnapshotStore;
  let directory: string;
  let queries: RecordedQuery[];
  /** A sync into this test's own folder whose queries are recorded in `queries`. */
  let sync: (mode: 'incremental' | 'full', extra?: Partial<SyncOptions>) => ReturnType<FakeCommunity['sync']>;

  // The tests leave GitHub's data unchanged, so they share one fake and each syncs into a fresh folder.
  before(async () => {
    fake = await startFakeCommunity({ discussions: 260, overflowThreads: 6 });
  });
  after(() => fake.github.close());
  beforeEach(() => {
    fake.github.clearFaults();
    directory = mkdtempSync(join(tmpdir(), 'cp-checkpoints-'));
    store = directorySnapshotStore(directory);
    const recording = recordingClient(fake.client);
    queries = recording.queries;
    sync = (mode, extra = {}) => fake.sync(mode, { client: recording.client, store, ...extra });
  });

  const idsNewestFirst = (from: number, to: number): string[] => idsInPageOrder(fake.community.discussions).slice(from, to);
  const storedIds = async (): Promise<string[]> => ((await store.read(fake.name))?.discussions ?? []).map((node) => node.id).sort();
  /** Runs `fault` on the request after the first page of discussions has been merged. */
  const afterFirstPage = (fault: () => void): Partial<SyncOptions> => {
    let pages = 0;
    return { onProgress: (progress) => progress.phase === 'discussions' && ++pages === 1 && fault() };
  };
  const convergesToGitHub = async (): Promise<void> => {
    fake.github.clearFaults();
    await sync('incremental');
    assert.deepEqual(syncedFields((await store.read(fake.name))!.discussions), syncedFields(fake.community.discussions));
  };

  it('keeps the pages before one whose answer fails validation, reports it, and the next sync continues after them', async () => {
    await assert.rejects(
      sync(
        'incremental',
        afterFirstPage(() => fake.github.injectFault({ kind: 'corrupt', mutate: breakFirstComment }, 1, 'graphql')),
      ),
      (error: unknown) => error instanceof SyncError && error.kind === 'validation' && error.query === 'SyncDiscussionsPage',
    );
    const kept = (await store.read(fake.name))!;
    assert.deepEqual(await storedIds(), idsNewestFirst(0, 100).sort());
    assert.equal(kept.sync.updatedSince, null, 'the high-water mark must not advance before a pass completes');
    const cursor = kept.sync.pendingPass?.cursor;
    assert.ok(cursor);

    queries.length = 0;
    await convergesToGitHub();
    assert.equal(pageCursors(queries)[0], cursor);
  });

  it('keeps the pages before one whose thread completion fails validation, and reports it', async () => {
    // The second page holds threads longer than the inline comment page, completed by follow-up queries.
    const secondPage = new Set(idsNewestFirst(100, 200));
    assert.ok(fake.community.discussions.some((node) => secondPage.has(node.id) && node.comments.nodes.length > 7));
    // The next two answers: page 2 as it is, then its first follow-up broken.
    const fault = { kind: 'corrupt', mutate: breakFirstFollowUp } as const;
    await assert.rejects(
      sync(
        'incremental',
        afterFirstPage(() => fake.github.injectFault(fault, 2, 'graphql')),
      ),
      (error: unknown) => {
        assert.ok(error instanceof SyncError);
        assert.equal(error.kind, 'validation');
        assert.equal(error.query, 'SyncThreadOverflow');
        assert.match(error.message, /SyncThreadOverflow .*unexpected shape at t0\.(comments|replies)\.nodes\[0\]\.createdAt/);
        return true;
      },
    );
    assert.deepEqual(await storedIds(), idsNewestFirst(0, 100).sort());
    await convergesToGitHub();
  });

  it('continues a cancelled pass from its cursor: the 160 discussions it lacked, then one page to catch up', async () => {
    const controller = new AbortController();
    await assert.rejects(
      sync('incremental', { signal: controller.signal, ...afterFirstPage(() => controller.abort()) }),
      (error: unknown) => error instanceof SyncError && error.kind === 'cancelled' && /next sync continues/.test(error.message),
    );
    assert.deepEqual(await storedIds(), idsNewestFirst(0, 100).sort());
    const interrupted = (await store.read(fake.name))!;
    assert.equal(interrupted.sync.updatedSince, null, 'the high-water mark must not advance before a pass completes');
    const cursor = interrupted.sync.pendingPass?.cursor;
    // What makes the snapshot known as partial after a reload: no pass completed, and GitHub's total of the first page.
    assert.equal(interrupted.sync.lastSyncAt, null);
    assert.equal(interrupted.sync.pendingPass?.totalCount, 260);

    queries.length = 0;
    const resumed = await sync('incremental');
    // The pass continues after discussion 100 (pages 2 and 3: 160 discussions); then a fresh pass from
    // the top finds the first page unchanged and stops.
    const pages = pageCursors(queries);
    assert.deepEqual(pages, [cursor, pages[1], null]);
    assert.equal(resumed.fetched, 160);
    const snapshot = (await store.read(fake.name))!;
    assert.deepEqual(syncedFields(snapshot.discussions), syncedFields(fake.community.discussions));
    assert.equal(snapshot.sync.pendingPass, null);
    assert.notEqual(snapshot.sync.updatedSince, null);
  });

  it('continues after a process killed in the middle of a checkpoint from the last complete one, fetching again what was torn', async () => {
    const cancelAfterFirstPage = (): Partial<SyncOptions> => {
      const controller = new AbortController();
      return { signal: controller.signal, ...afterFirstPage(() => controller.abort()) };
    };
    await assert.rejects(sync('incremental', cancelAfterFirstPage()));
    const firstCheckpoint = (await store.read(fake.name))!.sync;
    // A restarted process (a store of its own) continues, and its checkpoint appends page 2 to the file.
    store = directorySnapshotStore(directory);
    await assert.rejects(sync('incremental', cancelAfterFirstPage()));
    const file = join(directory, snapshotFileName(fake.name));
    const lines = readFileSync(file, 'utf8').split('\n');
    assert.equal(lines.length, 1 + 100 + 1 + 100 + 1 + 1, 'the second checkpoint did not append page 2 after page 1');
    // Killed while appending: the last discussion's line is cut short and the new sync state never written.
    writeFileSync(file, `${lines.slice(0, -3).join('\n')}\n${lines.at(-3)!.slice(0, 200)}`);

    store = directorySnapshotStore(directory);
    const killed = (await store.read(fake.name))!;
    assert.deepEqual(killed.discussions.map((node) => node.id).sort(), idsNewestFirst(0, 199).sort());
    assert.deepEqual(killed.sync, firstCheckpoint);
    await convergesToGitHub();
  });

  it('saves a first sync’s first page at once and hands every save to onCheckpoint, the last one complete', async () => {
    const saves: { stored: number; lastSyncAt: string | null; totalCount: number | undefined }[] = [];
    await sync('incremental', {
      onCheckpoint: (snapshot) =>
        saves.push({ stored: snapshot.discussions.length, lastSyncAt: snapshot.sync.lastSyncAt, totalCount: snapshot.sync.pendingPass?.totalCount }),
    });
    // Then nothing for 5 s (the pages come faster): the end.
    assert.deepEqual(saves[0], { stored: 100, lastSyncAt: null, totalCount: 260 });
    const last = saves.at(-1)!;
    assert.equal(last.stored, 260);
    assert.notEqual(last.lastSyncAt, null);
    assert.equal(last.totalCount, undefined, 'a completed pass is no longer pending');
    assert.equal(saves.length, 2);
  });

  it('starts a requested full re-check from the top although an incremental pass is pending', async () => {
    const controller = new AbortController();
    await assert.rejects(sync('incremental', { signal: controller.signal, ...afterFirstPage(() => controller.abort()) }));
    assert.equal((await store.read(fake.name))!.sync.pendingPass?.mode, 'incremental');

    queries.length = 0;
    const full = await sync('full');
    // Three pages of the full pass from the top, then one page of the catch-up pass.
    assert.deepEqual(
      pageCursors(queries).map((cursor) => cursor === null),
      [true, false, false, true],
    );
    assert.equal(full.fetched, 260);
    const snapshot = (await store.read(fake.name))!;
    assert.equal(snapshot.sync.pendingPass, null);
    assert.ok(snapshot.sync.lastFullSyncAt !== null);
    assert.deepEqual(syncedFields(snapshot.discussions), syncedFields(fake.community.discussions));
  });

  it('does not mix a snapshot stored from another API address with this one', async () => {
    await sync('incremental');
    // The same address written with a trailing slash is the same API: an incremental sync, not a restart.
    const sameApi = createGitHubClient({ baseUrl: `${fake.github.url}/`, token: TOKEN }, { waitUnitMs: 1 });
    assert.equal((await fake.sync('incremental', { client: sameApi, store })).fetched, 0);

    const threeOfThem = fake.community.discussions.slice(0, 3);
    const other = await startFakeGitHub({ repositories: [{ nameWithOwner: fake.name, discussions: threeOfThem }], token: TOKEN });
    try {
      const client = createGitHubClient({ baseUrl: other.url, token: TOKEN }, { waitUnitMs: 1 });
      const result = await fake.sync('incremental', { client, store });
      assert.equal(result.total, 3);
      const snapshot = (await store.read(fake.name))!;
      assert.equal(snapshot.apiUrl, other.url);
      assert.deepEqual(snapshot.discussions.map((node) => node.id).sort(), threeOfThem.map((node) => node.id).sort());
      assert.ok(fake.logLines.some((line) => line.includes(`came from ${fake.github.url}/; starting over from ${other.url}`)));
    } finally {
      await other.close();
    }
  });
});

type Thread = { createdAt: unknown };
type Connection = { nodes: Thread[] };

/** A page of discussions whose first comment has an impossible date. */
function breakFirstComment(body: { data: { repository: { discussions: { nodes: { comments: Connection }[] } } } }): unknown {
  const withComment = body.data.repository.discussions.nodes.find((node) => node.comments.nodes.length > 0)!;
  withComment.comments.nodes[0]!.createdAt = 'last Tuesday';
  return body;
}

/** A follow-up answer (aliases t0, t1, …) whose first post has an impossible date; other answers unchanged. */
function breakFirstFollowUp(body: { data: Record<string, { comments?: Connection; replies?: Connection } | undefined> }): unknown {
  const thread = body.data['t0'];
  const connection = thread?.comments ?? thread?.replies;
  if (connection) connection.nodes[0]!.createdAt = 'last Tuesday';
  return body;
}
