import assert from 'node:assert/strict';
import { join } from 'node:path';
import { generateCommunity, type GeneratedCommunity } from '../../fake-github/generator';
import { loadDatasetFile, startFakeGitHub, type FakeGitHub } from '../../fake-github/server';
import { getRest, postGraphQL } from '../../fake-github/testClient';

const PAYLOAD = loadDatasetFile(join(__dirname, '../../fixtures/payload-discussions.json'));
const REPO = 'payloadcms/payload';

/** The example: (1 + 100 + 1,000) / 100 ≈ 11 points. */
const EXAMPLE_QUERY = `query {
  repository(owner: "payloadcms", name: "payload") {
    discussions(first: 100) { nodes { number comments(first: 10) { nodes { id replies(first: 5) { nodes { id } } } } } }
  }
  rateLimit { cost limit remaining used resetAt nodeCount }
}`;

const PAGE_QUERY = `query Page($after: String, $before: String, $first: Int, $last: Int) {
  repository(owner: "payloadcms", name: "payload") {
    discussions(first: $first, last: $last, after: $after, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { number updatedAt } }
    }
  }
}`;

interface PageNode {
  number: number;
  updatedAt: string;
}

describe('fake GitHub', () => {
  let fake: FakeGitHub;
  let overflow: GeneratedCommunity;

  before(async () => {
    overflow = generateCommunity({ seed: 11, discussions: 40, now: '2025-06-01T00:00:00Z', repository: 'synthetic/overflow', overflowThreads: 2 });
    fake = await startFakeGitHub({
      repositories: [
        PAYLOAD,
        { nameWithOwner: overflow.repository, discussions: overflow.discussions },
        { nameWithOwner: 'octo/no-discussions', hasDiscussionsEnabled: false, discussions: [] },
      ],
    });
  });
  after(() => fake.close());
  beforeEach(() => fake.resetStats());

  describe('pagination', () => {
    it('pages through every discussion by opaque cursors, newest update first, with totalCount', async () => {
      const seen: PageNode[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const { body } = await postGraphQL(fake.url, PAGE_QUERY, { first: 30, after });
        const connection = body.data.repository.discussions;
        assert.equal(connection.totalCount, 241);
        seen.push(...connection.edges.map((edge: { node: PageNode }) => edge.node));
        const edges = connection.edges as { cursor: string }[];
        assert.equal(connection.pageInfo.endCursor, edges[edges.length - 1]!.cursor);
        assert.equal(connection.pageInfo.hasPreviousPage, pages > 0);
        pages++;
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
        assert.doesNotMatch(after!, /^\d+$/, 'cursors are opaque, not offsets');
      }
      assert.equal(pages, Math.ceil(241 / 30));
      assert.equal(new Set(seen.map((node) => node.number)).size, 241);
      const times = seen.map((node) => Date.parse(node.updatedAt));
      assert.deepEqual(
        times,
        [...times].sort((a, b) => b - a),
      );
    });

    it('pages backwards with last/before', async () => {
      const firstPage = (await postGraphQL(fake.url, PAGE_QUERY, { first: 10 })).body.data.repository.discussions;
      const tail = (await postGraphQL(fake.url, PAGE_QUERY, { last: 4, before: firstPage.pageInfo.endCursor })).body.data.repository.discussions;
      assert.deepEqual(
        tail.edges.map((edge: { node: PageNode }) => edge.node.number),
        firstPage.edges.slice(5, 9).map((edge: { node: PageNode }) => edge.node.number),
      );
      assert.equal(tail.pageInfo.hasPreviousPage, true);
    });

    it('keeps a cursor valid when a discussion before it moves to the front', async () => {
      const scratch = await startFakeGitHub({ repositories: [PAYLOAD] });
      try {
        const first = (await postGraphQL(scratch.url, PAGE_QUERY, { first: 10 })).body.data.repository.discussions;
        const expected = (await postGraphQL(scratch.url, PAGE_QUERY, { first: 10, after: first.pageInfo.endCursor })).body.data.repository.discussions.edges;
        scratch.addComment(REPO, first.edges[3].node.number, { author: 'someone' });
        const next = (await postGraphQL(scratch.url, PAGE_QUERY, { first: 10, after: first.pageInfo.endCursor })).body.data.repository.discussions.edges;
        assert.deepEqual(next, expected);
      } finally {
        await scratch.close();
      }
    });

    it('orders by CREATED_AT and filters by answered and category', async () => {
      const { body } = await postGraphQL(
        fake.url,
        `{ repository(owner: "synthetic", name: "overflow") {
            oldest: discussions(first: 3, orderBy: { field: CREATED_AT, direction: ASC }) { nodes { number } }
            answered: discussions(first: 100, answered: true) { totalCount nodes { isAnswered } }
            discussionCategories(first: 10) { nodes { id name isAnswerable } }
        } }`,
      );
      const repository = body.data.repository;
      assert.deepEqual(repository.oldest.nodes, [{ number: 1 }, { number: 2 }, { number: 3 }]);
      const answeredCount = overflow.discussions.filter((node) => node.isAnswered).length;
      assert.equal(repository.answered.totalCount, answeredCount);
      assert.ok(repository.answered.nodes.every((node: { isAnswered: boolean }) => node.isAnswered));
      const qa = repository.discussionCategories.nodes.find((category: { name: string }) => category.name === 'Q&A');
      const inQa = (
        await postGraphQL(
          fake.url,
          `query($id: ID) { repository(owner: "synthetic", name: "overflow") { discussions(first: 100, categoryId: $id) { totalCount } } }`,
          { id: qa.id },
        )
      ).body.data.repository.discussions.totalCount;
      assert.equal(inQa, overflow.discussions.filter((node) => node.category.name === 'Q&A').length);
    });

    it("answers GitHub's errors for a missing or too large page size and for a foreign cursor", async () => {
      const query = `{ repository(owner: "payloadcms", name: "payload") { discussions { totalCount } } }`;
      const missing = await postGraphQL(fake.url, query);
      assert.equal(missing.status, 200);
      assert.deepEqual(missing.body, {
        errors: [
          {
            type: 'MISSING_PAGINATION_BOUNDARIES',
            path: ['repository', 'discussions'],
            locations: [{ line: 1, column: query.indexOf('discussions') + 1 }],
            message: 'You must provide a `first` or `last` value to properly paginate the `discussions` connection.',
          },
        ],
      });
      const tooMany = await postGraphQL(fake.url, PAGE_QUERY, { last: 101 });
      assert.equal(tooMany.body.errors[0].type, 'EXCESSIVE_PAGINATION');
      assert.equal(tooMany.body.errors[0].message, 'Requesting 101 records on the `discussions` connection exceeds the `last` limit of 100 records.');
      const foreign = await postGraphQL(fake.url, PAGE_QUERY, { first: 5, after: 'bm90IGEgY3Vyc29y' });
      assert.equal(foreign.body.errors[0].type, 'INVALID_CURSOR_ARGUMENTS');
      assert.equal(foreign.body.data.repository, null);
    });
  });

  describe('schema validation', () => {
    it('rejects a misspelled field with GitHub\'s "Did you mean" message, HTTP 200 and its location', async () => {
      const query = `{ repository(owner: "payloadcms", name: "payload") { discussion(number: 31) { titel } } }`;
      const { status, body } = await postGraphQL(fake.url, query);
      assert.equal(status, 200);
      assert.equal(body.data, undefined);
      assert.deepEqual(body.errors, [
        { locations: [{ line: 1, column: query.indexOf('titel') + 1 }], message: 'Cannot query field "titel" on type "Discussion". Did you mean "title"?' },
      ]);
      assert.equal(fake.stats().points, 0, 'a rejected query costs nothing');
    });

    it("serves GitHub's non-null fields the imported data lacks with defaults, updatedAt as the latest activity", async () => {
      const { body } = await postGraphQL(
        fake.url,
        `{ repository(owner: "payloadcms", name: "payload") { discussion(number: 31) {
            updatedAt closed locked authorAssociation isAnswered answer { id }
            category { id name slug isAnswerable emoji }
            comments(first: 5) { nodes { authorAssociation upvoteCount deletedAt isMinimized isAnswer replies(first: 5) { nodes { replyTo { id } } } } }
        } } }`,
      );
      const discussion = body.data.repository.discussion;
      assert.equal(discussion.updatedAt, '2021-06-22T10:10:43Z', 'the latest reply');
      assert.equal(discussion.closed, false);
      assert.equal(discussion.locked, false);
      assert.equal(discussion.authorAssociation, 'NONE');
      assert.deepEqual(discussion.answer, { id: 'DC_payload_31_1' });
      assert.equal(discussion.category.isAnswerable, true);
      assert.deepEqual(discussion.comments.nodes[0], {
        authorAssociation: 'NONE',
        upvoteCount: 0,
        deletedAt: null,
        isMinimized: false,
        isAnswer: false,
        replies: { nodes: [] },
      });
      assert.deepEqual(discussion.comments.nodes[1].replies.nodes[0].replyTo, { id: 'DC_payload_31_1' });
    });

    it('answers a deleted account as a null author and bots through __typename', async () => {
      const ghost = PAYLOAD.discussions.find((node) => (node as { author: unknown }).author === null) as { number: number };
      const { body } = await postGraphQL(
        fake.url,
        `query($n: Int!) { repository(owner: "payloadcms", name: "payload") { discussion(number: $n) { author { login } } } }`,
        {
          n: ghost.number,
        },
      );
      assert.equal(body.data.repository.discussion.author, null);
      const bot = overflow.discussions.flatMap((node) => node.comments.nodes).find((comment) => comment.author?.__typename === 'Bot')!;
      const botAnswer = await postGraphQL(
        fake.url,
        `query($id: ID!) { node(id: $id) { ... on DiscussionComment { author { __typename login ... on Bot { url } } } } }`,
        { id: bot.id },
      );
      assert.deepEqual(botAnswer.body.data.node.author, { __typename: 'Bot', login: bot.author!.login, url: `https://github.com/apps/${bot.author!.login}` });
    });
  });

  describe('cost and rate limit', () => {
    it("charges GitHub's cost rule: the example query costs 11 points, in stats, rateLimit and headers", async () => {
      const { body, headers } = await postGraphQL(fake.url, EXAMPLE_QUERY);
      assert.equal(body.data.rateLimit.cost, 11);
      assert.equal(body.data.rateLimit.nodeCount, 100 + 1_000 + 5_000);
      assert.equal(body.data.rateLimit.limit, 5000);
      assert.deepEqual(fake.stats(), { requests: 1, graphqlRequests: 1, points: 11, mutations: 0, faults: 0 });
      assert.equal(headers.get('x-ratelimit-limit'), '5000');
      assert.equal(headers.get('x-ratelimit-used'), String(body.data.rateLimit.used));
      assert.equal(headers.get('x-ratelimit-remaining'), String(body.data.rateLimit.remaining));
      assert.equal(body.data.rateLimit.remaining, 5000 - body.data.rateLimit.used);
      assert.equal(headers.get('x-ratelimit-resource'), 'graphql');
      assert.equal(Number(headers.get('x-ratelimit-reset')), Math.ceil(Date.parse(body.data.rateLimit.resetAt) / 1000));
    });

    it('counts connections inside fragments, and a node(id:) follow-up costs 1 point', async () => {
      const viaFragments = `
        query { repository(owner: "payloadcms", name: "payload") { discussions(first: 100) { nodes { ...Thread } } } rateLimit { cost } }
        fragment Thread on Discussion { comments(first: 10) { nodes { ... on DiscussionComment { replies(first: 5) { totalCount } } } } }`;
      assert.equal((await postGraphQL(fake.url, viaFragments)).body.data.rateLimit.cost, 11);
      const followUp = `query($id: ID!) { node(id: $id) { ... on Discussion { comments(first: 100) { nodes { replies(first: 100) { totalCount } } } } } rateLimit { cost } }`;
      assert.equal((await postGraphQL(fake.url, followUp, { id: 'D_payload_31' })).body.data.rateLimit.cost, 1);
      assert.equal(fake.stats().points, 12);
    });

    it('refuses a query that could return more than 500,000 nodes', async () => {
      const { body } = await postGraphQL(
        fake.url,
        `{ repository(owner: "payloadcms", name: "payload") { discussions(first: 100) { nodes { comments(first: 100) { nodes { replies(first: 100) { totalCount } } } } } } }`,
      );
      assert.deepEqual(body, {
        errors: [
          { type: 'MAX_NODE_LIMIT_EXCEEDED', message: 'This query requests up to 1,010,100 possible nodes which exceeds the maximum limit of 500,000.' },
        ],
      });
    });

    it('answers with the primary rate limit when an enforced budget is spent', async () => {
      const tight = await startFakeGitHub({ repositories: [PAYLOAD], pointsPerHour: 15, enforceRateLimit: true });
      try {
        assert.equal((await postGraphQL(tight.url, EXAMPLE_QUERY)).status, 200);
        const limited = await postGraphQL(tight.url, EXAMPLE_QUERY);
        assert.equal(limited.status, 403);
        assert.equal(limited.headers.get('x-ratelimit-remaining'), '0');
        assert.ok(Number(limited.headers.get('x-ratelimit-reset')) > Date.now() / 1000 + 3000, 'resets when the hour is over');
        assert.match(limited.body.message, /API rate limit exceeded/);
        assert.equal(tight.stats().points, 11);
      } finally {
        await tight.close();
      }
    });
  });

  describe('authentication and repositories', () => {
    it('answers 401 "Bad credentials" without a token, and accepts bearer and token schemes', async () => {
      const missing = await postGraphQL(fake.url, '{ viewer { login } }', {}, { authorization: null });
      assert.equal(missing.status, 401);
      assert.deepEqual(missing.body, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/graphql', status: '401' });
      assert.equal((await postGraphQL(fake.url, '{ viewer { login } }', {}, { authorization: 'bearer ' })).status, 401);
      const viaToken = await postGraphQL(fake.url, '{ viewer { login } }', {}, { authorization: 'token ghp_anything' });
      assert.deepEqual(viaToken.body, { data: { viewer: { login: 'octocat' } } });
    });

    it('accepts only the configured token when one is given', async () => {
      const strict = await startFakeGitHub({ repositories: [], token: 's3cret', viewerLogin: 'mona' });
      try {
        assert.equal((await postGraphQL(strict.url, '{ viewer { login } }', {}, { authorization: 'bearer wrong' })).status, 401);
        assert.equal((await getRest(strict.url, '/user', { authorization: 'bearer wrong' })).status, 401);
        const right = await postGraphQL(strict.url, '{ viewer { login } }', {}, { authorization: 'bearer s3cret' });
        assert.deepEqual(right.body, { data: { viewer: { login: 'mona' } } });
      } finally {
        await strict.close();
      }
    });

    it("answers GET /user (and /api/v3/user) with the login and the token's scopes", async () => {
      for (const path of ['/user', '/api/v3/user']) {
        const { status, body, headers } = await getRest(fake.url, path);
        assert.equal(status, 200);
        assert.equal(body.login, 'octocat');
        assert.equal(headers.get('x-oauth-scopes'), 'repo');
      }
      assert.equal((await getRest(fake.url, '/repos/x/y')).status, 404);
    });

    it('serves GraphQL at /api/graphql too, as GitHub Enterprise Server does', async () => {
      const { body } = await postGraphQL(fake.url, '{ repository(owner: "payloadcms", name: "payload") { nameWithOwner } }', {}, { path: '/api/graphql' });
      assert.deepEqual(body, { data: { repository: { nameWithOwner: REPO } } });
    });

    it("answers an unknown repository with GitHub's NOT_FOUND error", async () => {
      const { status, body } = await postGraphQL(fake.url, `{ repository(owner: "payloadcms", name: "nope") { id } }`);
      assert.equal(status, 200);
      assert.deepEqual(body, {
        data: { repository: null },
        errors: [
          {
            type: 'NOT_FOUND',
            path: ['repository'],
            locations: [{ line: 1, column: 3 }],
            message: "Could not resolve to a Repository with the name 'payloadcms/nope'.",
          },
        ],
      });
    });

    it('answers a repository without Discussions as GitHub does: the flag off and no discussions', async () => {
      const { body } = await postGraphQL(
        fake.url,
        `{ repository(owner: "octo", name: "no-discussions") { hasDiscussionsEnabled discussions(first: 10) { totalCount nodes { id } } } }`,
      );
      assert.deepEqual(body.data.repository, { hasDiscussionsEnabled: false, discussions: { totalCount: 0, nodes: [] } });
    });
  });

  describe('threads longer than an inline page', () => {
    it('completes comments and replies with node(id:) queries, page by page', async () => {
      const long = overflow.discussions.find((node) => node.comments.totalCount > 30)!;
      const comments = await collect(
        `query($id: ID!, $after: String) { node(id: $id) { ... on Discussion { comments(first: 10, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } } } }`,
        long.id,
        (data) => data.node.comments,
      );
      assert.deepEqual(
        comments,
        long.comments.nodes.map((comment) => comment.id),
      );
      const busy = long.comments.nodes.find((comment) => comment.replies.totalCount > 10)!;
      const replies = await collect(
        `query($id: ID!, $after: String) { node(id: $id) { ... on DiscussionComment { replies(first: 5, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } } } }`,
        busy.id,
        (data) => data.node.replies,
      );
      assert.deepEqual(
        replies,
        busy.replies.nodes.map((reply) => reply.id),
      );
    });

    it('answers nodes(ids:) with null and a NOT_FOUND error for an unknown id', async () => {
      const { body } = await postGraphQL(fake.url, `{ nodes(ids: ["D_payload_31", "nope"]) { id } }`);
      assert.deepEqual(body.data.nodes, [{ id: 'D_payload_31' }, null]);
      assert.deepEqual(
        body.errors.map((error: { type: string; path: unknown }) => [error.type, error.path]),
        [['NOT_FOUND', ['nodes', 1]]],
      );
    });
  });

  describe('changes made by tests', () => {
    let scratch: FakeGitHub;
    const DISCUSSION = `query($n: Int!) { repository(owner: "payloadcms", name: "payload") { discussion(number: $n) {
      title updatedAt closed isAnswered answer { id } answerChosenBy { login }
      comments(last: 1) { totalCount nodes { id author { __typename login } authorAssociation replies(first: 10) { nodes { id } } } }
    } } }`;
    const read = async (number: number) => (await postGraphQL(scratch.url, DISCUSSION, { n: number })).body.data.repository.discussion;
    const newestFirst = async () => (await postGraphQL(scratch.url, PAGE_QUERY, { first: 1 })).body.data.repository.discussions.edges[0].node as PageNode;

    beforeEach(async () => {
      scratch = await startFakeGitHub({ repositories: [PAYLOAD] });
    });
    afterEach(() => scratch.close());

    it("a new comment moves the discussion to the front with updatedAt at the comment's time", async () => {
      const before = await read(31);
      const { id } = scratch.addComment(REPO, 31, { author: 'newcomer', createdAt: '2024-01-02T03:04:05Z', authorAssociation: 'MEMBER', typename: 'Bot' });
      const after = await read(31);
      assert.notEqual(after.updatedAt, before.updatedAt);
      assert.equal(after.updatedAt, '2024-01-02T03:04:05Z');
      assert.equal(after.comments.totalCount, before.comments.totalCount + 1);
      assert.deepEqual(after.comments.nodes[0], { id, author: { __typename: 'Bot', login: 'newcomer' }, authorAssociation: 'MEMBER', replies: { nodes: [] } });
      assert.deepEqual(await newestFirst(), { number: 31, updatedAt: '2024-01-02T03:04:05Z' });
    });

    it('a reply and a chosen answer bump updatedAt too', async () => {
      const { id: commentId } = scratch.addComment(REPO, 31, { author: 'helper', createdAt: '2024-01-01T00:00:00Z' });
      const { id: replyId } = scratch.addReply(REPO, commentId, { author: 'asker', createdAt: '2024-01-03T00:00:00Z' });
      let after = await read(31);
      assert.equal(after.updatedAt, '2024-01-03T00:00:00Z');
      assert.deepEqual(after.comments.nodes[0].replies.nodes, [{ id: replyId }]);
      scratch.markAnswer(REPO, commentId, { chosenAt: '2024-01-04T00:00:00Z', chosenBy: 'maintainer' });
      after = await read(31);
      assert.deepEqual(
        [after.updatedAt, after.answer, after.answerChosenBy, after.isAnswered],
        ['2024-01-04T00:00:00Z', { id: commentId }, { login: 'maintainer' }, true],
      );
    });

    it('a new discussion gets the next number and is listed first', async () => {
      const { number } = scratch.addDiscussion(REPO, { title: 'Fresh question', author: 'newcomer', category: 'Q&A' });
      assert.equal(number, Math.max(...PAYLOAD.discussions.map((node) => (node as { number: number }).number)) + 1);
      assert.equal((await newestFirst()).number, number);
      assert.throws(() => scratch.addDiscussion(REPO, { title: 'x', author: 'y', category: 'Nonsense' }), /no discussion category "Nonsense"/);
    });

    it('updateDiscussion bumps updatedAt unless told to simulate a change GitHub did not reflect', async () => {
      const before = await read(31);
      scratch.updateDiscussion(REPO, 31, { closed: true, title: 'Renamed' }, { bumpUpdatedAt: false });
      const silent = await read(31);
      assert.deepEqual([silent.closed, silent.title, silent.updatedAt], [true, 'Renamed', before.updatedAt]);
      scratch.updateDiscussion(REPO, 31, { closed: false });
      const bumped = await read(31);
      assert.equal(bumped.closed, false);
      assert.ok(Date.parse(bumped.updatedAt) > Date.parse(before.updatedAt));
      assert.equal((await newestFirst()).number, 31);
    });
  });

  async function collect(
    query: string,
    id: string,
    connectionOf: (data: any) => { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: { id: string }[] },
  ): Promise<string[]> {
    const ids: string[] = [];
    let after: string | null = null;
    for (;;) {
      const { body } = await postGraphQL(fake.url, query, { id, after });
      const connection = connectionOf(body.data);
      ids.push(...connection.nodes.map((node) => node.id));
      assert.ok(connection.nodes.length <= 10);
      if (!connection.pageInfo.hasNextPage) {
        assert.equal(ids.length, connection.totalCount);
        return ids;
      }
      after = connection.pageInfo.endCursor;
    }
  }
});
