import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { RepositoryPermission, ThreadDiscussion } from '../../../src/github/discussionThread';
import { loadDatasetFile, startFakeGitHub, type FakeGitHub } from '../../fake-github/server';
import { postGraphQL } from '../../fake-github/testClient';
import { IDS, QUESTION_BODY, readThread, startWidgets } from './widgets';

const PAYLOAD = loadDatasetFile(join(__dirname, '../../fixtures/payload-discussions.json'));

const LABELS = `query($first: Int!, $after: String, $query: String, $orderBy: LabelOrder) {
  repository(owner: "octo", name: "widgets") {
    labels(first: $first, after: $after, query: $query, orderBy: $orderBy) {
      totalCount pageInfo { hasNextPage endCursor } nodes { id name color isDefault }
    }
  }
}`;

interface LabelNode {
  id: string;
  name: string;
  color: string;
  isDefault: boolean;
}

/** GitHub's default labels in creation order, then the one only the data names. */
const EXPECTED_LABELS: readonly Omit<LabelNode, 'id'>[] = [
  { name: 'bug', color: 'd73a4a', isDefault: true },
  { name: 'documentation', color: '0075ca', isDefault: true },
  { name: 'duplicate', color: 'cfd3d7', isDefault: true },
  { name: 'enhancement', color: 'a2eeef', isDefault: true },
  { name: 'good first issue', color: '7057ff', isDefault: true },
  { name: 'help wanted', color: '008672', isDefault: true },
  { name: 'invalid', color: 'e4e669', isDefault: true },
  { name: 'question', color: 'd876e3', isDefault: true },
  { name: 'wontfix', color: 'ffffff', isDefault: true },
  { name: 'needs triage', color: 'fbca04', isDefault: false },
];

describe('fake GitHub: what the Discussion view reads', () => {
  const fakes = new Map<string, FakeGitHub>();
  const viewers: [string, RepositoryPermission | undefined][] = [
    ['alice', undefined],
    ['carol', undefined],
    ['mona', undefined],
    ['octo', undefined],
    ['tess', 'TRIAGE'],
  ];
  const as = (login: string) => fakes.get(login)!;

  before(async () => {
    for (const [login, permission] of viewers) fakes.set(login, await startWidgets(login, permission));
  });
  after(() => Promise.all([...fakes.values()].map((fake) => fake.close())));

  it('answers the thread query completely for one point: bodies, GitHub-rendered HTML, labels, comment anchors', async () => {
    const { body } = await postGraphQL(as('carol').url, `query($id: ID!) { node(id: $id) { ... on Discussion { id } } rateLimit { cost } }`, {
      id: IDS.question,
    });
    assert.equal(body.data.rateLimit.cost, 1);
    const thread = await readThread(as('carol'), IDS.question);
    assert.equal(thread.body, QUESTION_BODY);
    assert.equal(
      thread.bodyHTML,
      '<p>Hi <a class="user-mention" href="https://github.com/mona">@mona</a>, is this like ' +
        '<a class="issue-link" href="https://github.com/octo/widgets/issues/7">#7</a>?</p>\n' +
        '<pre><code class="language-sh">npm run build # not @nobody\n</code></pre>\n',
      'mentions and references link, except inside a code block',
    );
    assert.deepEqual(
      thread.labels?.nodes.map(({ name, color }) => ({ name, color })),
      [
        { name: 'question', color: 'd876e3' },
        { name: 'needs triage', color: 'fbca04' },
      ],
    );
    const [mona, bob] = thread.comments.nodes;
    assert.equal(mona!.body, 'Run `npm ci` first.');
    assert.equal(mona!.bodyHTML, '<p>Run <code>npm ci</code> first.</p>\n');
    assert.equal(mona!.replies.nodes[0]!.bodyHTML, '<p>Thanks!</p>\n');
    const anchors = [mona!, mona!.replies.nodes[0]!, bob!].map(
      (post) => /^https:\/\/github\.com\/octo\/widgets\/discussions\/12#discussioncomment-(\d+)$/.exec(post.url)?.[1],
    );
    const databaseIds = await Promise.all(
      [IDS.monaComment, IDS.aliceReply, IDS.bobComment].map(
        async (id) =>
          (await postGraphQL(as('carol').url, `query($id: ID!) { node(id: $id) { ... on DiscussionComment { databaseId } } }`, { id })).body.data.node
            .databaseId,
      ),
    );
    assert.deepEqual(anchors, databaseIds.map(String));
    assert.equal(new Set(databaseIds).size, 3);
    assert.deepEqual([thread.closedAt, thread.stateReason, thread.activeLockReason, thread.lastEditedAt], [null, null, null, null]);
  });

  it("serves the real sample's posts with empty bodies, never an invented text", async () => {
    const fake = await startFakeGitHub({ repositories: [PAYLOAD] });
    try {
      const discussion31 = PAYLOAD.discussions.find((node) => (node as { number: number }).number === 31) as { id: string };
      const thread = await readThread(fake, discussion31.id);
      const posts = [thread, ...thread.comments.nodes, ...thread.comments.nodes.flatMap((comment) => comment.replies.nodes)];
      assert.ok(posts.length > 3);
      for (const post of posts) assert.deepEqual([post.body, post.bodyHTML], ['', '']);
    } finally {
      await fake.close();
    }
  });

  describe('labels', () => {
    const labels = async (variables: Record<string, unknown>) => (await postGraphQL(as('carol').url, LABELS, variables)).body.data.repository.labels;

    it("lists GitHub's default labels and those the data names, page by page, with stable ids", async () => {
      const all = await labels({ first: 100 });
      assert.equal(all.totalCount, EXPECTED_LABELS.length);
      assert.deepEqual(
        all.nodes.map(({ name, color, isDefault }: LabelNode) => ({ name, color, isDefault })),
        EXPECTED_LABELS,
      );
      const first = await labels({ first: 4 });
      const rest = await labels({ first: 100, after: first.pageInfo.endCursor });
      assert.equal(first.pageInfo.hasNextPage, true);
      assert.deepEqual([...first.nodes, ...rest.nodes], all.nodes, 'the same ids on every request');
      const thread = await readThread(as('carol'), IDS.question);
      const idOf = (name: string) => all.nodes.find((label: LabelNode) => label.name === name).id;
      assert.deepEqual(
        thread.labels?.nodes.map((label) => label.id),
        [idOf('question'), idOf('needs triage')],
      );
      const byId = await postGraphQL(as('carol').url, `query($id: ID!) { node(id: $id) { ... on Label { name } } }`, { id: idOf('wontfix') });
      assert.deepEqual(byId.body.data.node, { name: 'wontfix' });
    });

    it('searches by name or description and orders by name', async () => {
      assert.deepEqual(
        (await labels({ first: 100, query: 'DOC' })).nodes.map((label: LabelNode) => label.name),
        ['documentation'],
      );
      // "Further information is requested" is the description of `question`.
      assert.deepEqual(
        (await labels({ first: 100, query: 'information' })).nodes.map((label: LabelNode) => label.name),
        ['question'],
      );
      const byName = await labels({ first: 100, orderBy: { field: 'NAME', direction: 'ASC' } });
      const names = EXPECTED_LABELS.map((label) => label.name).sort();
      assert.deepEqual(
        byName.nodes.map((label: LabelNode) => label.name),
        names,
      );
    });
  });

  describe("the viewer's permission and viewerCan*", () => {
    const discussionCan = (thread: ThreadDiscussion) => ({
      permission: thread.repository.viewerPermission,
      didAuthor: thread.viewerDidAuthor,
      update: thread.viewerCanUpdate,
      delete: thread.viewerCanDelete,
      close: thread.viewerCanClose,
      reopen: thread.viewerCanReopen,
      label: thread.viewerCanLabel,
    });
    const commentCan = (thread: ThreadDiscussion, index: number) => {
      const comment = thread.comments.nodes[index]!;
      return { update: comment.viewerCanUpdate, delete: comment.viewerCanDelete, mark: comment.viewerCanMarkAsAnswer, unmark: comment.viewerCanUnmarkAsAnswer };
    };

    it('READ: someone who only posted as a contributor may do nothing but read and reply', async () => {
      const thread = await readThread(as('carol'), IDS.question);
      assert.deepEqual(discussionCan(thread), {
        permission: 'READ',
        didAuthor: false,
        update: false,
        delete: false,
        close: false,
        reopen: false,
        label: false,
      });
      assert.deepEqual(commentCan(thread, 0), { update: false, delete: false, mark: false, unmark: false });
    });

    it("the discussion's author (READ) may edit, delete and close it and choose the answer, but not label", async () => {
      const thread = await readThread(as('alice'), IDS.question);
      assert.deepEqual(discussionCan(thread), { permission: 'READ', didAuthor: true, update: true, delete: true, close: true, reopen: false, label: false });
      assert.deepEqual(commentCan(thread, 0), { update: false, delete: false, mark: true, unmark: false });
      const reply = thread.comments.nodes[0]!.replies.nodes[0]!;
      assert.deepEqual([reply.viewerDidAuthor, reply.viewerCanUpdate, reply.viewerCanDelete], [true, true, true]);
    });

    it('TRIAGE may close, label, delete any comment and choose the answer, but not edit what others wrote', async () => {
      const thread = await readThread(as('tess'), IDS.question);
      assert.deepEqual(discussionCan(thread), { permission: 'TRIAGE', didAuthor: false, update: false, delete: true, close: true, reopen: false, label: true });
      assert.deepEqual(commentCan(thread, 1), { update: false, delete: true, mark: true, unmark: false });
      const closed = await readThread(as('tess'), IDS.showcase);
      assert.deepEqual([closed.viewerCanClose, closed.viewerCanReopen], [false, true]);
      assert.equal(commentCan(closed, 0).mark, false, 'General is not an answerable category');
    });

    it('derives WRITE from posting as a MEMBER and ADMIN for the owner, who may edit anything', async () => {
      assert.equal((await readThread(as('mona'), IDS.question)).repository.viewerPermission, 'WRITE');
      const owner = await readThread(as('octo'), IDS.question);
      assert.deepEqual(discussionCan(owner), { permission: 'ADMIN', didAuthor: false, update: true, delete: true, close: true, reopen: false, label: true });
      assert.deepEqual(commentCan(owner, 1), { update: true, delete: true, mark: true, unmark: false });
    });
  });
});
