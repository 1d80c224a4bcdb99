import { strict as assert } from 'node:assert';
import { createGitHubClient, type GitHubClient } from '../../../src/github/client';
import { fetchDiscussionThread } from '../../../src/github/discussionThreadFetch';
import { createQueryRunner } from '../../../src/github/queryRunner';
import { SyncError } from '../../../src/github/syncError';
import type { CommentNode, ReplyNode } from '../../../src/github/schemas';
import { startFakeGitHub, type Fault, type FakeGitHub } from '../../fake-github/server';
import { comment, discussion, reply } from '../../support/discussionNodes';

const REPOSITORY = 'octo/repo';
const COMMENTS = 130;
/** The comment (0-based) with more replies than one page holds: on the second page of comments. */
const LONG_COMMENT = 110;
const REPLIES = 120;

const withBody = <Post extends object>(post: Post, body: string): Post & { body: string } => ({ ...post, body });

/** #1: 130 comments oldest first, the 111th with 120 replies, each post with its own body; #2 beside it. */
function longThread(): { opening: object; comments: (CommentNode & { body: string })[] } {
  const comments = Array.from({ length: COMMENTS }, (_, index) => {
    const replies: ReplyNode[] =
      index === LONG_COMMENT ? Array.from({ length: REPLIES }, (_, r) => withBody(reply(`helper${r % 7}`, index + 1 + (r + 1) / 1_000), `Reply ${r + 1}`)) : [];
    return withBody(comment(`member${index % 11}`, index + 1, { replies }), `Comment ${index + 1}`);
  });
  const opening = {
    ...discussion(1, 'alice', 0, { comments }),
    body: '**How** do I sync?',
    labels: { nodes: [{ name: 'question' }, { name: 'area: sync', color: '123abc' }] },
  };
  return { opening, comments };
}

describe('fetchDiscussionThread against the fake GitHub', () => {
  let github: FakeGitHub;
  let client: GitHubClient;
  const { opening, comments } = longThread();

  before(async () => {
    const other = discussion(2, 'bob', 5, { comments: [comment('carol', 6)] });
    github = await startFakeGitHub({ repositories: [{ nameWithOwner: REPOSITORY, discussions: [opening, other] }] });
    client = createGitHubClient({ baseUrl: github.url, token: 'token' }, { waitUnitMs: 1 });
  });
  after(() => github.close());

  it('gets every comment and every reply of a long thread, oldest first, with bodies and labels', async () => {
    const runner = createQueryRunner(client, REPOSITORY);

    const thread = await fetchDiscussionThread(runner, 'D_1', () => 1_234);

    assert.ok(thread);
    assert.equal(thread.discussion.number, 1);
    assert.equal(thread.discussion.body, '**How** do I sync?');
    assert.match(thread.discussion.bodyHTML, /<strong>How<\/strong> do I sync\?/);
    assert.deepEqual(
      [...thread.labels].map(({ name, color }) => ({ name, color })).sort((a, b) => a.name.localeCompare(b.name)),
      [
        { name: 'area: sync', color: '123abc' },
        { name: 'question', color: 'd876e3' },
      ],
    );
    assert.deepEqual(
      thread.comments.map((post) => [post.id, post.body]),
      comments.map((post, index) => [post.id, `Comment ${index + 1}`]),
    );
    const longComment = thread.comments[LONG_COMMENT]!;
    assert.deepEqual(
      longComment.replies.map((post) => [post.id, post.body]),
      comments[LONG_COMMENT]!.replies!.nodes.map((post, index) => [post.id, `Reply ${index + 1}`]),
    );
    assert.equal(thread.comments.filter((post) => post.replies.length > 0).length, 1);
    assert.equal(thread.fetchedAt, 1_234);
    // The thread, the second page of comments, the second page of the long comment's replies.
    assert.equal(runner.requests, 3);
  });

  it('answers null for a discussion that does not exist', async () => {
    assert.equal(await fetchDiscussionThread(createQueryRunner(client, REPOSITORY), 'D_404'), null);
  });

  it('answers null when the discussion is deleted between two pages', async () => {
    const gone: Fault = {
      kind: 'corrupt',
      mutate: () => ({
        data: { rateLimit: null, node: null },
        errors: [{ type: 'NOT_FOUND', path: ['node'], message: "Could not resolve to a node with the global id of 'D_1'" }],
      }),
    };
    const runner = createQueryRunner(
      faultBeforeQuery(client, 'DiscussionThreadComments', () => github.injectFault(gone, 1, 'graphql')),
      REPOSITORY,
    );

    assert.equal(await fetchDiscussionThread(runner, 'D_1'), null);
  });

  it('fails with a SyncError naming the page that could not be fetched', async () => {
    const runner = createQueryRunner(
      faultBeforeQuery(client, 'DiscussionThreadReplies', () => github.injectFault({ kind: 'drop' }, 4, 'graphql')),
      REPOSITORY,
    );

    const error = await fetchDiscussionThread(runner, 'D_1').catch((thrown: unknown) => thrown);

    assert.ok(error instanceof SyncError, String(error));
    assert.equal(error.kind, 'network');
    assert.equal(error.query, 'DiscussionThreadReplies');
  });
});

/** A client that runs `arrange` just before sending the query of this operation name. */
function faultBeforeQuery(client: GitHubClient, operation: string, arrange: () => void): GitHubClient {
  return {
    endpoint: client.endpoint,
    viewerLogin: () => client.viewerLogin(),
    mutate: (mutation, variables, signal) => client.mutate(mutation, variables, signal),
    graphql: (query, variables, signal) => {
      if (new RegExp(`query ${operation}\\b`).test(query)) arrange();
      return client.graphql(query, variables, signal);
    },
  };
}
