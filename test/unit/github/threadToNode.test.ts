import { strict as assert } from 'node:assert';
import { createGitHubClient, type GitHubClient } from '../../../src/github/client';
import { runDiscussionMutation } from '../../../src/github/discussionMutations';
import { fetchDiscussionThread } from '../../../src/github/discussionThreadFetch';
import { PAGE_SIZES } from '../../../src/github/queries';
import { createQueryRunner } from '../../../src/github/queryRunner';
import type { DiscussionNode } from '../../../src/github/schemas';
import { discussionNodeOf } from '../../../src/github/threadToNode';
import { mergeDiscussionIntoSnapshot } from '../../../src/sync/mergeDiscussion';
import { syncRepository } from '../../../src/sync/syncRepository';
import type { SyncMode } from '../../../src/sync/contracts';
import { generateCommunity } from '../../fake-github/generator';
import { startFakeGitHub, type FakeGitHub } from '../../fake-github/server';
import { memorySnapshotStore, type MemorySnapshotStore } from '../../support/memorySnapshotStore';

const REPOSITORY = { owner: 'octo', name: 'community' };
const NAME = 'octo/community';

describe('discussionNodeOf: a fetched thread as the snapshot stores it', () => {
  let github: FakeGitHub;
  let client: GitHubClient;
  const community = generateCommunity({ seed: 11, discussions: 30, now: '2025-06-01T00:00:00Z', repository: NAME, overflowThreads: 2 });

  // One fake for both: the first test compares with a sync made in the same test, whatever the second changed.
  before(async () => {
    github = await startFakeGitHub({ repositories: [{ nameWithOwner: NAME, discussions: community.discussions }], viewerPermission: 'ADMIN' });
    client = createGitHubClient({ baseUrl: github.url, token: 'token' }, { waitUnitMs: 1 });
  });
  after(() => github.close());

  const sync = (store: MemorySnapshotStore, mode: SyncMode) => syncRepository({ client, repository: REPOSITORY, store, mode });
  const storedNodes = async (store: MemorySnapshotStore): Promise<Map<string, DiscussionNode>> =>
    new Map((await store.read(NAME))!.discussions.map((node) => [node.id, node]));
  const nodeFetched = async (id: string): Promise<DiscussionNode> => discussionNodeOf((await fetchDiscussionThread(createQueryRunner(client, NAME), id))!);

  it('equals what a sync stores: the long threads, and ordinary ones with answers, deleted, minimized and ghost posts', async () => {
    const store = memorySnapshotStore();
    await sync(store, 'full');
    const stored = await storedNodes(store);
    assert.equal(stored.size, community.discussions.length);
    const posts = (node: (typeof community.discussions)[number]) => node.comments.nodes.flatMap((post) => [post, ...post.replies.nodes]);
    const sample = [
      ...community.discussions.filter((node) => node.comments.nodes.length > PAGE_SIZES.comments),
      community.discussions.find((node) => node.answer !== null),
      community.discussions.find((node) => posts(node).some((post) => post.deletedAt !== null)),
      community.discussions.find((node) => posts(node).some((post) => post.isMinimized)),
      community.discussions.find((node) => node.author === null || posts(node).some((post) => post.author === null)),
      community.discussions.find((node) => node.comments.nodes.length === 0),
    ];

    for (const node of sample) {
      assert.ok(node, 'the generated community lacks a kind of discussion this test needs');
      assert.deepEqual(await nodeFetched(node.id), stored.get(node.id));
    }
  });

  it('merged after a change, agrees with the next incremental sync and with a fresh sync', async () => {
    const store = memorySnapshotStore();
    await sync(store, 'full');
    const changed = community.discussions.find((node) => node.comments.nodes.length > 0)!;
    github.addReply(NAME, changed.comments.nodes[0]!.id, { author: 'newcomer' });
    github.updateDiscussion(NAME, changed.number, { closed: true });

    const node = await nodeFetched(changed.id);
    await mergeDiscussionIntoSnapshot(store, NAME, { id: changed.id, node });
    const before = await store.read(NAME);
    await sync(store, 'incremental');

    const after = (await store.read(NAME))!;
    assert.deepEqual(after.discussions, before!.discussions);
    assert.equal((await storedNodes(store)).get(changed.id)!.closed, true);
    const fresh = memorySnapshotStore();
    await sync(fresh, 'full');
    assert.deepEqual(after.discussions, (await fresh.read(NAME))!.discussions);
  });

  it('merged after deleting a comment, which does not move updatedAt, the snapshot agrees with a fresh sync', async () => {
    const store = memorySnapshotStore();
    await sync(store, 'full');
    // From the end: the test before changed the first discussion with comments.
    const target = [...community.discussions].reverse().find((node) => node.comments.nodes.some((post) => post.replies.nodes.length === 0))!;
    const doomed = target.comments.nodes.find((post) => post.replies.nodes.length === 0)!;
    await runDiscussionMutation(client, { kind: 'delete', commentId: doomed.id }, NAME);

    // The merge first, then a sync: whichever of them sees the deletion, they agree (a deletion does not move
    // updatedAt; an incremental sync sees it only on a page it reads, by the comment count).
    await mergeDiscussionIntoSnapshot(store, NAME, { id: target.id, node: await nodeFetched(target.id) });
    await sync(store, 'incremental');

    const fresh = memorySnapshotStore();
    await sync(fresh, 'full');
    assert.deepEqual((await store.read(NAME))!.discussions, (await fresh.read(NAME))!.discussions);
    assert.ok(!(await storedNodes(store)).get(target.id)!.comments!.nodes.some((post) => post.id === doomed.id));
  });
});
