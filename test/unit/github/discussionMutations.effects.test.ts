import { strict as assert } from 'node:assert';
import { createGitHubClient, type GitHubClient } from '../../../src/github/client';
import { runDiscussionMutation, MutationError, type DiscussionMutation, type MutationErrorKind } from '../../../src/github/discussionMutations';
import type { DiscussionThread, RepositoryPermission } from '../../../src/github/discussionThread';
import { fetchDiscussionThread } from '../../../src/github/discussionThreadFetch';
import { createQueryRunner } from '../../../src/github/queryRunner';
import { fetchRepositoryLabels } from '../../../src/github/repositoryLabels';
import { startFakeGitHub, type FakeGitHub } from '../../fake-github/server';
import { comment, discussion, reply } from '../../support/discussionNodes';

const REPOSITORY = 'octo/repo';
const VIEWER = 'mona';

/**
 * #1 (Q&A, by alice): bob's comment with carol's reply, then the viewer's own comment. #2 (General, by alice) is
 * locked. Each test gets a fresh fake, so the effects it checks are its own.
 */
function community() {
  const bobs = comment('bob', 1, { replies: [reply('carol', 2)] });
  const own = comment(VIEWER, 3);
  return {
    bobs,
    own,
    discussions: [
      { ...discussion(1, 'alice', 0, { comments: [bobs, own] }), body: 'How do I sync?' },
      discussion(2, 'alice', 4, { category: 'General', locked: true, comments: [comment('bob', 5)] }),
    ],
  };
}

describe('runDiscussionMutation against the fake GitHub: what each change does', () => {
  let github: FakeGitHub;
  let client: GitHubClient;
  let data: ReturnType<typeof community>;

  async function serve(viewerPermission: RepositoryPermission): Promise<void> {
    data = community();
    github = await startFakeGitHub({ repositories: [{ nameWithOwner: REPOSITORY, discussions: data.discussions }], viewerLogin: VIEWER, viewerPermission });
    client = createGitHubClient({ baseUrl: github.url, token: 'token' }, { waitUnitMs: 1 });
  }
  afterEach(() => github.close());

  /** Runs the mutation, checks it was exactly one request, and reads the discussion back. */
  async function after(mutation: DiscussionMutation, id = 'D_1'): Promise<DiscussionThread> {
    const before = github.stats();
    await runDiscussionMutation(client, mutation, REPOSITORY);
    assert.equal(github.stats().graphqlRequests - before.graphqlRequests, 1);
    assert.equal(github.stats().mutations - before.mutations, 1);
    return (await fetchDiscussionThread(createQueryRunner(client, REPOSITORY), id))!;
  }
  async function refusalOf(mutation: DiscussionMutation, kind: MutationErrorKind, ...says: RegExp[]): Promise<void> {
    const error = await runDiscussionMutation(client, mutation, REPOSITORY).then(
      () => assert.fail('GitHub accepted it'),
      (thrown: unknown) => thrown,
    );
    assert.ok(error instanceof MutationError, String(error));
    assert.equal(error.kind, kind, error.message);
    for (const pattern of says) assert.match(error.message, pattern);
  }

  describe('with MAINTAIN', () => {
    beforeEach(() => serve('MAINTAIN'));

    it('comments and replies, as the viewer, with the text given', async () => {
      const commented = await after({ kind: 'reply', discussionId: 'D_1', body: 'Have you tried **resync**?', replyToId: null });
      const added = commented.comments.at(-1)!;
      assert.equal(commented.comments.length, 3);
      assert.deepEqual([added.author?.login, added.body, added.viewerDidAuthor], [VIEWER, 'Have you tried **resync**?', true]);
      assert.match(added.bodyHTML, /<strong>resync<\/strong>/);

      const replied = await after({ kind: 'reply', discussionId: 'D_1', body: 'Same here.', replyToId: data.bobs.id });
      const replies = replied.comments[0]!.replies;
      assert.deepEqual(
        replies.map((post) => [post.author?.login, post.body]),
        [
          ['carol', ''],
          [VIEWER, 'Same here.'],
        ],
      );
    });

    it('edits and deletes the viewer’s own comment', async () => {
      const edited = await after({ kind: 'edit', commentId: data.own.id, body: 'Fixed in 2.1.' });
      assert.equal(edited.comments[1]!.body, 'Fixed in 2.1.');
      assert.notEqual(edited.comments[1]!.lastEditedAt, null);

      const deleted = await after({ kind: 'delete', commentId: data.own.id });
      assert.deepEqual(
        deleted.comments.map((post) => post.id),
        [data.bobs.id],
      );
    });

    it('marks a comment as the answer and unmarks it', async () => {
      const marked = await after({ kind: 'markAnswer', commentId: data.bobs.id });
      assert.equal(marked.discussion.answer?.id, data.bobs.id);
      assert.deepEqual(
        marked.comments.map((post) => post.isAnswer),
        [true, false],
      );

      const unmarked = await after({ kind: 'unmarkAnswer', commentId: data.bobs.id });
      assert.equal(unmarked.discussion.answer, null);
      assert.equal(unmarked.comments[0]!.isAnswer, false);
    });

    it('closes as duplicate and reopens', async () => {
      const closed = await after({ kind: 'close', discussionId: 'D_1', reason: 'DUPLICATE' });
      assert.deepEqual([closed.discussion.closed, closed.discussion.stateReason], [true, 'DUPLICATE']);

      const reopened = await after({ kind: 'reopen', discussionId: 'D_1' });
      assert.deepEqual([reopened.discussion.closed, reopened.discussion.stateReason], [false, 'REOPENED']);
    });

    it('adds and removes labels', async () => {
      const labels = await fetchRepositoryLabels(createQueryRunner(client, REPOSITORY), { owner: 'octo', name: 'repo' });
      const idOf = (name: string): string => labels.find((label) => label.name === name)!.id;

      const labelled = await after({ kind: 'addLabels', discussionId: 'D_1', labelIds: [idOf('bug'), idOf('question')] });
      assert.deepEqual(labelled.labels.map((label) => label.name).sort(), ['bug', 'question']);

      const unlabelled = await after({ kind: 'removeLabels', discussionId: 'D_1', labelIds: [idOf('bug')] });
      assert.deepEqual(
        unlabelled.labels.map((label) => label.name),
        ['question'],
      );
    });

    it('locks as too heated, and unlocks', async () => {
      const locked = await after({ kind: 'lock', discussionId: 'D_1', reason: 'TOO_HEATED' });
      assert.deepEqual([locked.discussion.locked, locked.discussion.activeLockReason], [true, 'TOO_HEATED']);

      const unlocked = await after({ kind: 'unlock', discussionId: 'D_1' });
      assert.deepEqual([unlocked.discussion.locked, unlocked.discussion.activeLockReason], [false, null]);
    });

    it('a comment deleted meanwhile: notFound', async () => {
      await runDiscussionMutation(client, { kind: 'delete', commentId: data.own.id }, REPOSITORY);
      await refusalOf({ kind: 'edit', commentId: data.own.id, body: 'Too late' }, 'notFound', new RegExp(`Could not edit comment ${data.own.id}`));
    });
  });

  describe('with READ', () => {
    beforeEach(() => serve('READ'));

    it('closing someone else’s discussion: forbidden', async () => {
      await refusalOf({ kind: 'close', discussionId: 'D_1', reason: 'RESOLVED' }, 'forbidden', /does not have the correct permissions/);
    });

    it('commenting in a locked discussion: locked', async () => {
      await refusalOf({ kind: 'reply', discussionId: 'D_2', body: 'Any news?', replyToId: null }, 'locked', /is locked/);
    });
  });
});
