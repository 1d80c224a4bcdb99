import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGitHubClient } from '../../../src/github/client';
import { PAGE_SIZES } from '../../../src/github/queries';
import { SyncError, syncRepository } from '../../../src/sync/syncRepository';
import type { Snapshot } from '../../../src/store/snapshot';
import { directorySnapshotStore, snapshotFileName } from '../../../src/store/snapshotStore';
import { startFakeGitHub } from '../../fake-github/server';
import { startFakeCommunity, syncedFields, TOKEN, type FakeCommunity } from '../../support/fakeCommunity';

describe('syncRepository against the fake GitHub', () => {
  let fake: FakeCommunity;
  const snapshotFile = (): string => join(fake.directory, snapshotFileName(fake.name));
  const stored = async (): Promise<Snapshot> => (await fake.store.read(fake.name))!;

  beforeEach(async () => {
    fake = await startFakeCommunity({ discussions: 260, overflowThreads: 6 });
  });
  afterEach(async () => {
    await fake.github.close();
  });

  it('stores every discussion, comment and reply, completing threads longer than the inline pages', async () => {
    const longThreads = fake.community.discussions.filter((node) => node.comments.nodes.length > PAGE_SIZES.comments);
    assert.ok(longThreads.length >= 6, 'the dataset must have threads that overflow the inline comment page');
    const target = fake.community.discussions[0]!;
    const longComment = fake.github.addComment(fake.name, target.number, { author: 'alice' });
    for (let index = 0; index < PAGE_SIZES.replies + 5; index += 1) {
      fake.github.addReply(fake.name, longComment.id, { author: index % 2 ? 'bob' : 'carol' });
    }
    const progress: number[] = [];
    const result = await fake.sync('incremental', {
      onProgress: (p) => p.phase === 'discussions' && progress.push(p.discussions),
    });

    const snapshot = await stored();
    assert.equal(result.total, 260);
    assert.equal(snapshot.discussions.length, 260);
    const withLongReplies = snapshot.discussions.find((node) => node.id === target.id)!;
    const storedLongComment = withLongReplies.comments!.nodes.find((comment) => comment.id === longComment.id)!;
    assert.equal(storedLongComment.replies!.nodes.length, PAGE_SIZES.replies + 5);
    const expected = syncedFields(fake.community.discussions.filter((node) => node.id !== target.id));
    assert.deepEqual(syncedFields(snapshot.discussions.filter((node) => node.id !== target.id)), expected);
    assert.deepEqual(progress, [100, 200, 260]);
    assert.equal(snapshot.sync.pendingPass, null);
    assert.ok(snapshot.sync.lastSyncAt !== null && snapshot.sync.updatedSince !== null);
    assert.equal(result.requests, fake.github.stats().graphqlRequests);
  });

  it('picks up new comments, replies and answers incrementally with at most 2 requests', async () => {
    await fake.sync('incremental');
    const older = fake.community.discussions.slice(0, 10);
    const comments = older.slice(0, 4).map((node) => fake.github.addComment(fake.name, node.number, { author: 'newcomer' }));
    const firstComments = older.slice(4, 7).map((node) => node.comments.nodes[0] ?? fake.github.addComment(fake.name, node.number, { author: 'x' }));
    const replies = firstComments.map((comment) => fake.github.addReply(fake.name, comment.id, { author: 'helper' }));
    for (const node of older.slice(7)) fake.github.updateDiscussion(fake.name, node.number, { closed: true });
    fake.github.resetStats();

    const result = await fake.sync('incremental');

    assert.ok(fake.github.stats().graphqlRequests <= 2, `${fake.github.stats().graphqlRequests} requests`);
    assert.ok(result.requests <= 2);
    const byId = new Map((await stored()).discussions.map((node) => [node.id, node]));
    const postIds = (id: string): string[] =>
      byId.get(id)!.comments!.nodes.flatMap((comment) => [comment.id, ...comment.replies!.nodes.map((reply) => reply.id)]);
    comments.forEach((comment, index) => assert.ok(postIds(older[index]!.id).includes(comment.id)));
    replies.forEach((reply, index) => assert.ok(postIds(older[4 + index]!.id).includes(reply.id)));
    for (const node of older.slice(7)) assert.equal(byId.get(node.id)!.closed, true);

    const fresh = await fullSyncIntoFreshStore(fake);
    assert.deepEqual(syncedFields((await stored()).discussions), syncedFields(fresh));
  });

  it('keeps what it fetched when the network fails mid-way, and the next sync completes it', async () => {
    let pages = 0;
    await assert.rejects(
      fake.sync('incremental', {
        onProgress: (progress) => {
          if (progress.phase === 'discussions' && ++pages === 1) fake.github.injectFault({ kind: 'drop' }, 20);
        },
      }),
      (error: unknown) => error instanceof SyncError && error.kind === 'network' && /sync again/.test(error.message),
    );
    assert.equal((await stored()).discussions.length, 100);
    fake.github.clearFaults();
    await fake.sync('incremental');
    assert.deepEqual(syncedFields((await stored()).discussions), syncedFields(fake.community.discussions));
  });

  it('reports, on a full re-check, a discussion that changed although its updatedAt did not move', async () => {
    await fake.sync('incremental');
    const quiet = fake.community.discussions[42]!;
    fake.github.updateDiscussion(fake.name, quiet.number, { title: 'Renamed quietly' }, { bumpUpdatedAt: false });

    const incremental = await fake.sync('incremental');
    assert.deepEqual(incremental.changedWithoutUpdatedAt, []);
    const full = await fake.sync('full');

    assert.deepEqual(full.changedWithoutUpdatedAt, [quiet.number]);
    assert.ok(fake.logLines.some((line) => line.includes(`#${quiet.number} changed although its updatedAt`)));
    const snapshot = await stored();
    assert.equal(snapshot.discussions.find((node) => node.id === quiet.id)!.title, 'Renamed quietly');
    assert.ok(snapshot.sync.lastFullSyncAt !== null);
  });

  it('drops, on a full re-check, discussions GitHub no longer has', async () => {
    await fake.sync('incremental');
    const deleted = fake.community.discussions[17]!;
    const port = Number(new URL(fake.github.url).port);
    await fake.github.close();
    // The same address, so the snapshot stays that of this API; the discussion is gone from GitHub.
    const remaining = fake.community.discussions.filter((node) => node.id !== deleted.id);
    fake = { ...fake, github: await startFakeGitHub({ repositories: [{ nameWithOwner: fake.name, discussions: remaining }], port, token: TOKEN }) };

    const incremental = await fake.sync('incremental');
    assert.equal(incremental.total, 260, 'an incremental sync cannot notice a deletion');
    const full = await fake.sync('full');

    assert.equal(full.total, 259);
    assert.ok(!(await stored()).discussions.some((node) => node.id === deleted.id));
    assert.ok(fake.logLines.some((line) => line.includes('removed 1 discussion GitHub no longer lists') && line.includes(`#${deleted.number}`)));
  });

  it('rejects an answer of the wrong shape, naming repository, query and field, and leaves the snapshot byte-identical', async () => {
    await fake.sync('incremental');
    fake.github.addComment(fake.name, fake.community.discussions[0]!.number, { author: 'alice' });
    const before = readFileSync(snapshotFile());
    let brokenIndex = -1;
    fake.github.injectFault({
      kind: 'corrupt',
      mutate: (body: { data: { repository: { discussions: { nodes: { comments: { nodes: { createdAt: unknown }[] } }[] } } } }) => {
        const nodes = body.data.repository.discussions.nodes;
        brokenIndex = nodes.findIndex((node, index) => index > 0 && node.comments.nodes.length > 0);
        nodes[brokenIndex]!.comments.nodes[0]!.createdAt = 'last Tuesday';
        return body;
      },
    });

    await assert.rejects(fake.sync('incremental'), (error: unknown) => {
      assert.ok(error instanceof SyncError);
      assert.equal(error.kind, 'validation');
      assert.equal(error.repository, fake.name);
      assert.equal(error.query, 'SyncDiscussionsPage');
      assert.equal(error.path, `repository.discussions.nodes[${brokenIndex}].comments.nodes[0].createdAt`);
      assert.match(error.message, new RegExp(`octo/community.*SyncDiscussionsPage|SyncDiscussionsPage.*octo/community`));
      assert.match(error.message, /nodes\[\d+\]\.comments\.nodes\[0\]\.createdAt/);
      return true;
    });
    assert.ok(readFileSync(snapshotFile()).equals(before));
  });

  it('says when the repository does not exist or has Discussions turned off', async () => {
    await assert.rejects(
      fake.sync('incremental', { repository: { owner: 'octo', name: 'missing' } }),
      (error: unknown) => error instanceof SyncError && error.kind === 'notFound' && /octo\/missing was not found .*Check the name/.test(error.message),
    );
    const disabled = await startFakeCommunity({
      discussions: 3,
      fake: { repositories: [{ nameWithOwner: 'octo/quiet', hasDiscussionsEnabled: false, discussions: [] }] },
    });
    try {
      await assert.rejects(
        disabled.sync('incremental', { repository: { owner: 'octo', name: 'quiet' } }),
        (error: unknown) => error instanceof SyncError && error.kind === 'discussionsDisabled' && /not enabled for octo\/quiet.*Settings/.test(error.message),
      );
      assert.equal(await disabled.store.read('octo/quiet'), null);
    } finally {
      await disabled.github.close();
    }
  });

  it('asks to sign in again when the token is rejected, and never writes the token anywhere', async () => {
    const revoked = createGitHubClient({ baseUrl: fake.github.url, token: 'ghp_revoked' }, { waitUnitMs: 1 });
    await assert.rejects(
      fake.sync('incremental', { client: revoked }),
      (error: unknown) => error instanceof SyncError && error.kind === 'auth' && /Sign in again/.test(error.message) && !error.message.includes('ghp_revoked'),
    );
    await fake.sync('incremental');
    assert.ok(!readFileSync(snapshotFile(), 'utf8').includes('ghp_'));
    assert.ok(!fake.logLines.join('\n').includes('ghp_'));
  });

  it('refuses to sync over a damaged snapshot file and leaves it untouched', async () => {
    await fake.sync('incremental');
    // A line cut short in the middle of the file (a cut last line is what a crash leaves, and is fetched again).
    const lines = readFileSync(snapshotFile(), 'utf8').split('\n');
    lines[1] = lines[1]!.slice(0, 100);
    const damaged = lines.join('\n');
    writeFileSync(snapshotFile(), damaged);
    fake.github.resetStats();
    await assert.rejects(fake.sync('incremental'), /is damaged .*it was left untouched/);
    assert.equal(readFileSync(snapshotFile(), 'utf8'), damaged);
    assert.equal(fake.github.stats().requests, 0);
  });
});

/** A first sync of the same fake into a fresh folder: what an incremental sync must have converged to. */
async function fullSyncIntoFreshStore(fake: FakeCommunity): Promise<readonly object[]> {
  const store = directorySnapshotStore(mkdtempSync(join(tmpdir(), 'cp-sync-copy-')));
  await syncRepository({ client: fake.client, repository: fake.repository, store, mode: 'full' });
  return (await store.read(fake.name))!.discussions;
}
