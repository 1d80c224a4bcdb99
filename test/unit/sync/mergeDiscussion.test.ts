import { strict as assert } from 'node:assert';
import { emptySnapshot, type Snapshot } from '../../../src/store/snapshot';
import { mergeDiscussionIntoSnapshot } from '../../../src/sync/mergeDiscussion';
import { at, comment, discussion } from '../../support/discussionNodes';
import { memorySnapshotStore, type MemorySnapshotStore } from '../../support/memorySnapshotStore';

const REPOSITORY = 'octo/repo';
const SYNC_STATE: Snapshot['sync'] = {
  lastSyncAt: '2024-02-01T10:00:00.000Z',
  lastFullSyncAt: '2024-01-20T08:00:00.000Z',
  updatedSince: at(30),
  pendingPass: { mode: 'full', startedAt: '2024-02-01T09:00:00.000Z', newestUpdatedAt: at(30), stopBefore: null, cursor: 'Y3Vyc29yOjI=' },
};

/** Discussions #1, #2, #3 last updated at hours 10, 20 and 30: stored newest first. */
async function storeWithThreeDiscussions(): Promise<MemorySnapshotStore> {
  const store = memorySnapshotStore();
  await store.write({
    ...emptySnapshot(REPOSITORY, 'https://api.github.com'),
    sync: SYNC_STATE,
    discussions: [
      discussion(3, 'carol', 0, { updatedAt: at(30) }),
      discussion(2, 'bob', 0, { updatedAt: at(20), comments: [comment('dave', 20)] }),
      discussion(1, 'alice', 0, { updatedAt: at(10) }),
    ],
  });
  return store;
}

describe('mergeDiscussionIntoSnapshot: a changed discussion into the stored snapshot', () => {
  it('replaces the stored discussion, moves it by its new updatedAt and keeps the others and the sync state', async () => {
    const store = await storeWithThreeDiscussions();
    const changed = discussion(1, 'alice', 0, { updatedAt: at(40), closed: true, comments: [comment('erin', 40)] });

    await mergeDiscussionIntoSnapshot(store, REPOSITORY, { id: 'D_1', node: changed });

    const snapshot = (await store.read(REPOSITORY))!;
    assert.deepEqual(
      snapshot.discussions.map((node) => node.number),
      [1, 3, 2],
    );
    assert.deepEqual(snapshot.discussions[0], changed);
    assert.equal(snapshot.discussions.filter((node) => node.id === 'D_1').length, 1);
    assert.equal(snapshot.discussions[2]!.comments!.nodes[0]!.author!.login, 'dave');
    assert.deepEqual(snapshot.sync, SYNC_STATE);
    assert.equal(store.writes, 2);
  });

  it('removes a discussion that no longer exists, keeping the sync state', async () => {
    const store = await storeWithThreeDiscussions();

    await mergeDiscussionIntoSnapshot(store, REPOSITORY, { id: 'D_2', node: null });

    const snapshot = (await store.read(REPOSITORY))!;
    assert.deepEqual(
      snapshot.discussions.map((node) => node.number),
      [3, 1],
    );
    assert.deepEqual(snapshot.sync, SYNC_STATE);
  });

  it('writes nothing when the repository has no snapshot yet', async () => {
    const store = memorySnapshotStore();

    await mergeDiscussionIntoSnapshot(store, REPOSITORY, { id: 'D_1', node: discussion(1, 'alice', 0) });

    assert.equal(store.writes, 0);
    assert.equal(await store.read(REPOSITORY), null);
  });

  it('loses neither of two merges started together', async () => {
    const store = await storeWithThreeDiscussions();

    await Promise.all([
      mergeDiscussionIntoSnapshot(store, REPOSITORY, { id: 'D_1', node: discussion(1, 'alice', 0, { updatedAt: at(50), locked: true }) }),
      mergeDiscussionIntoSnapshot(store, REPOSITORY, { id: 'D_3', node: null }),
    ]);

    const snapshot = (await store.read(REPOSITORY))!;
    assert.deepEqual(
      snapshot.discussions.map((node) => [node.number, node.locked]),
      [
        [1, true],
        [2, undefined],
      ],
    );
  });
});
