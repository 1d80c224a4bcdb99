import assert from 'node:assert/strict';
import type { RepositoryPermission } from '../../../src/github/discussionThread';
import { startFakeGitHub, type FakeGitHub } from '../../fake-github/server';
import { postGraphQL, type RawAnswer } from '../../fake-github/testClient';
import { IDS, readThread, startWidgets, widgetsRepository } from './widgets';

const COMMENT_FIELDS = 'id url body bodyHTML author { __typename login } authorAssociation replyTo { id } viewerDidAuthor';

const ADD_COMMENT = `mutation($discussionId: ID!, $replyToId: ID, $body: String!) {
  addDiscussionComment(input: { discussionId: $discussionId, replyToId: $replyToId, body: $body, clientMutationId: "draft-1" }) {
    clientMutationId comment { ${COMMENT_FIELDS} }
  }
}`;
const UPDATE_COMMENT = `mutation($id: ID!, $body: String!) { updateDiscussionComment(input: { commentId: $id, body: $body }) { comment { id body lastEditedAt } } }`;
const DELETE_COMMENT = `mutation($id: ID!) { deleteDiscussionComment(input: { id: $id }) { comment { id deletedAt } } }`;
const MARK = `mutation($id: ID!) { markDiscussionCommentAsAnswer(input: { id: $id }) { discussion { answer { id } answerChosenBy { login } } } }`;
const UNMARK = `mutation($id: ID!) { unmarkDiscussionCommentAsAnswer(input: { id: $id }) { discussion { answer { id } } } }`;
const CLOSE = `mutation($id: ID!, $reason: DiscussionCloseReason) { closeDiscussion(input: { discussionId: $id, reason: $reason }) { discussion { closed stateReason } } }`;
const REOPEN = `mutation($id: ID!) { reopenDiscussion(input: { discussionId: $id }) { discussion { closed stateReason } } }`;
const ADD_LABELS = `mutation($id: ID!, $labels: [ID!]!) {
  addLabelsToLabelable(input: { labelableId: $id, labelIds: $labels }) { labelable { ... on Discussion { labels(first: 10) { nodes { name } } } } }
}`;
const REMOVE_LABELS = `mutation($id: ID!, $labels: [ID!]!) {
  removeLabelsFromLabelable(input: { labelableId: $id, labelIds: $labels }) { labelable { ... on Discussion { labels(first: 10) { nodes { name } } } } }
}`;
const LOCK = `mutation($id: ID!, $reason: LockReason) { lockLockable(input: { lockableId: $id, lockReason: $reason }) { actor { login } lockedRecord { locked activeLockReason } } }`;
const UNLOCK = `mutation($id: ID!) { unlockLockable(input: { lockableId: $id }) { actor { login } unlockedRecord { locked activeLockReason } } }`;
const LABEL_IDS = `{ repository(owner: "octo", name: "widgets") { labels(first: 100) { nodes { id name } } } }`;

/** A body of `length` characters; 🙂 is one character but two UTF-16 units, so the limit counts characters. */
const bodyOf = (length: number) => '🙂'.repeat(length);

describe('fake GitHub: discussion mutations', () => {
  const started: FakeGitHub[] = [];
  const as = async (login: string, permission?: RepositoryPermission) => {
    const fake = await startWidgets(login, permission);
    started.push(fake);
    return fake;
  };
  afterEach(() => Promise.all(started.splice(0).map((fake) => fake.close())));

  /** Whole seconds, as GitHub's times are: a change made between `from` and now is stamped in this range. */
  const madeSince = (from: number, at: string | null) => {
    assert.ok(at !== null, 'a time is set');
    const ms = Date.parse(at);
    assert.ok(ms >= Math.floor(from / 1000) * 1000 && ms <= Date.now(), `${at} is the time of the change`);
  };

  /** GitHub's refusal: HTTP 200, the field null, one error with its type, path, location and message. */
  const assertRefused = (answer: RawAnswer, field: string, type: string, message: string) => {
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body.data, { [field]: null });
    assert.equal(answer.body.errors.length, 1);
    const [error] = answer.body.errors;
    assert.deepEqual({ type: error.type, path: error.path, message: error.message }, { type, path: [field], message });
    assert.equal(error.locations.length, 1);
  };

  describe('addDiscussionComment', () => {
    it('adds a comment by the viewer, rendered, last in the thread, and moves updatedAt to now for one point', async () => {
      const fake = await as('carol');
      const started = Date.now();
      const { body } = await postGraphQL(fake.url, ADD_COMMENT, { discussionId: IDS.question, body: 'Thanks @alice, see #13' });
      const comment = body.data.addDiscussionComment.comment;
      assert.equal(body.data.addDiscussionComment.clientMutationId, 'draft-1');
      assert.deepEqual(comment.author, { __typename: 'User', login: 'carol' });
      assert.equal(comment.authorAssociation, 'CONTRIBUTOR', 'READ keeps the association carol has in the data');
      assert.equal(
        comment.bodyHTML,
        '<p>Thanks <a class="user-mention" href="https://github.com/alice">@alice</a>, see <a class="issue-link" href="https://github.com/octo/widgets/issues/13">#13</a></p>\n',
      );
      assert.equal(comment.viewerDidAuthor, true);
      assert.match(comment.url, /^https:\/\/github\.com\/octo\/widgets\/discussions\/12#discussioncomment-\d+$/);
      const thread = await readThread(fake, IDS.question);
      assert.equal(thread.comments.totalCount, 3);
      assert.equal(thread.comments.nodes[2]!.id, comment.id);
      madeSince(started, thread.updatedAt);
      assert.deepEqual([fake.stats().mutations, fake.stats().points], [1, 2], 'the mutation and the read cost a point each');
    });

    it('replies to a top-level comment; replying to a reply is refused as on GitHub', async () => {
      const fake = await as('carol');
      const reply = await postGraphQL(fake.url, ADD_COMMENT, { discussionId: IDS.question, replyToId: IDS.monaComment, body: 'Me too' });
      assert.deepEqual(reply.body.data.addDiscussionComment.comment.replyTo, { id: IDS.monaComment });
      const thread = await readThread(fake, IDS.question);
      assert.deepEqual(
        thread.comments.nodes[0]!.replies.nodes.map((node) => node.id),
        [IDS.aliceReply, reply.body.data.addDiscussionComment.comment.id],
      );
      const nested = await postGraphQL(fake.url, ADD_COMMENT, { discussionId: IDS.question, replyToId: IDS.aliceReply, body: 'Nested' });
      assertRefused(nested, 'addDiscussionComment', 'UNPROCESSABLE', 'Replies can only be made to a top-level comment of the same discussion');
    });

    it("gives the new post the association of the viewer's role", async () => {
      const expected: [string, RepositoryPermission | undefined, string][] = [
        ['octo', undefined, 'OWNER'],
        ['root', 'ADMIN', 'OWNER'],
        ['mona', undefined, 'MEMBER'],
        ['mae', 'MAINTAIN', 'MEMBER'],
        ['tess', 'TRIAGE', 'COLLABORATOR'],
        ['zed', undefined, 'NONE'],
      ];
      for (const [login, permission, association] of expected) {
        const fake = await as(login, permission);
        const { body } = await postGraphQL(fake.url, ADD_COMMENT, { discussionId: IDS.question, body: 'Hello' });
        assert.equal(body.data.addDiscussionComment.comment.authorAssociation, association, login);
      }
    });

    it('refuses READ in a locked discussion with a message saying so, and lets WRITE comment', async () => {
      const repository = widgetsRepository();
      Object.assign(repository.discussions[0] as object, { locked: true, activeLockReason: 'TOO_HEATED' });
      const reader = await startFakeGitHub({ repositories: [repository], viewerLogin: 'carol' });
      const writer = await startFakeGitHub({ repositories: [repository], viewerLogin: 'mona' });
      started.push(reader, writer);
      const refused = await postGraphQL(reader.url, ADD_COMMENT, { discussionId: IDS.question, body: 'Let me in' });
      assertRefused(refused, 'addDiscussionComment', 'FORBIDDEN', 'carol cannot comment: discussion #12 is locked');
      assert.equal((await readThread(reader, IDS.question)).comments.totalCount, 2);
      const allowed = await postGraphQL(writer.url, ADD_COMMENT, { discussionId: IDS.question, body: 'Maintainers may' });
      assert.equal(allowed.body.data.addDiscussionComment.comment.body, 'Maintainers may');
    });

    it("refuses a blank body and one over 65,536 characters with GitHub's words; 65,536 is accepted", async () => {
      const fake = await as('carol');
      const blank = await postGraphQL(fake.url, ADD_COMMENT, { discussionId: IDS.question, body: ' \n\t' });
      assertRefused(blank, 'addDiscussionComment', 'UNPROCESSABLE', "Body can't be blank");
      const tooLong = await postGraphQL(fake.url, ADD_COMMENT, { discussionId: IDS.question, body: bodyOf(65_537) });
      assertRefused(tooLong, 'addDiscussionComment', 'UNPROCESSABLE', 'Body is too long (maximum is 65536 characters)');
      assert.equal((await readThread(fake, IDS.question)).comments.totalCount, 2);
      const longest = await postGraphQL(fake.url, ADD_COMMENT, { discussionId: IDS.question, body: bodyOf(65_536) });
      assert.equal(longest.body.errors, undefined);
    });

    it('answers an unknown discussion id with NOT_FOUND', async () => {
      const fake = await as('carol');
      const answer = await postGraphQL(fake.url, ADD_COMMENT, { discussionId: 'D_nope', body: 'Hello' });
      assertRefused(answer, 'addDiscussionComment', 'NOT_FOUND', "Could not resolve to a node with the global id of 'D_nope'");
    });
  });

  describe('updateDiscussionComment and deleteDiscussionComment', () => {
    it('edits your own reply: new body, lastEditedAt and updatedAt now', async () => {
      const fake = await as('alice');
      const started = Date.now();
      const { body } = await postGraphQL(fake.url, UPDATE_COMMENT, { id: IDS.aliceReply, body: 'Thanks, **solved**' });
      assert.equal(body.data.updateDiscussionComment.comment.body, 'Thanks, **solved**');
      const reply = (await readThread(fake, IDS.question)).comments.nodes[0]!.replies.nodes[0]!;
      assert.equal(reply.bodyHTML, '<p>Thanks, <strong>solved</strong></p>\n');
      madeSince(started, reply.lastEditedAt);
      madeSince(started, (await readThread(fake, IDS.question)).updatedAt);
    });

    it("refuses to edit someone else's comment below MAINTAIN, and allows it from MAINTAIN", async () => {
      const triage = await as('tess', 'TRIAGE');
      assertRefused(
        await postGraphQL(triage.url, UPDATE_COMMENT, { id: IDS.monaComment, body: 'Rewritten' }),
        'updateDiscussionComment',
        'FORBIDDEN',
        'tess does not have the correct permissions to execute `UpdateDiscussionComment`',
      );
      assert.equal((await readThread(triage, IDS.question)).comments.nodes[0]!.body, 'Run `npm ci` first.');
      const maintainer = await as('mae', 'MAINTAIN');
      const edited = await postGraphQL(maintainer.url, UPDATE_COMMENT, { id: IDS.monaComment, body: 'Rewritten' });
      assert.equal(edited.body.data.updateDiscussionComment.comment.body, 'Rewritten');
    });

    it('deletes: a comment without replies goes, one with replies stays as a placeholder; then it is not found', async () => {
      const fake = await as('tess', 'TRIAGE');
      await postGraphQL(fake.url, DELETE_COMMENT, { id: IDS.bobComment });
      const placeholder = await postGraphQL(fake.url, DELETE_COMMENT, { id: IDS.monaComment });
      assert.ok(placeholder.body.data.deleteDiscussionComment.comment.deletedAt);
      const thread = await readThread(fake, IDS.question);
      assert.deepEqual(
        thread.comments.nodes.map((comment) => [comment.id, comment.body, comment.deletedAt !== null, comment.replies.totalCount]),
        [[IDS.monaComment, '', true, 1]],
      );
      assertRefused(
        await postGraphQL(fake.url, DELETE_COMMENT, { id: IDS.bobComment }),
        'deleteDiscussionComment',
        'NOT_FOUND',
        `Could not resolve to a node with the global id of '${IDS.bobComment}'`,
      );
    });

    it("refuses to delete someone else's comment below TRIAGE", async () => {
      const fake = await as('carol');
      assertRefused(
        await postGraphQL(fake.url, DELETE_COMMENT, { id: IDS.bobComment }),
        'deleteDiscussionComment',
        'FORBIDDEN',
        'carol does not have the correct permissions to execute `DeleteDiscussionComment`',
      );
      assert.equal((await readThread(fake, IDS.question)).comments.totalCount, 2);
    });
  });

  describe('marking the answer', () => {
    it("lets the discussion's author mark, replace and unmark the answer, moving updatedAt", async () => {
      const fake = await as('alice');
      const started = Date.now();
      const marked = await postGraphQL(fake.url, MARK, { id: IDS.bobComment });
      assert.deepEqual(marked.body.data.markDiscussionCommentAsAnswer.discussion, { answer: { id: IDS.bobComment }, answerChosenBy: { login: 'alice' } });
      await postGraphQL(fake.url, MARK, { id: IDS.monaComment });
      let thread = await readThread(fake, IDS.question);
      assert.deepEqual(
        [thread.answer, thread.isAnswered, thread.comments.nodes.map((comment) => comment.isAnswer)],
        [{ id: IDS.monaComment }, true, [true, false]],
      );
      assert.deepEqual(
        [thread.comments.nodes[0]!.viewerCanUnmarkAsAnswer, thread.comments.nodes[0]!.viewerCanMarkAsAnswer, thread.comments.nodes[1]!.viewerCanMarkAsAnswer],
        [true, false, true],
      );
      madeSince(started, thread.answerChosenAt);
      madeSince(started, thread.updatedAt);
      const unmarked = await postGraphQL(fake.url, UNMARK, { id: IDS.monaComment });
      assert.deepEqual(unmarked.body.data.unmarkDiscussionCommentAsAnswer.discussion, { answer: null });
      thread = await readThread(fake, IDS.question);
      assert.deepEqual([thread.isAnswered, thread.answerChosenAt], [false, null]);
    });

    it('refuses someone else below TRIAGE, a reply, and a category without answers', async () => {
      const reader = await as('carol');
      assertRefused(
        await postGraphQL(reader.url, MARK, { id: IDS.bobComment }),
        'markDiscussionCommentAsAnswer',
        'FORBIDDEN',
        'carol does not have the correct permissions to execute `MarkDiscussionCommentAsAnswer`',
      );
      const owner = await as('octo');
      assertRefused(
        await postGraphQL(owner.url, MARK, { id: IDS.aliceReply }),
        'markDiscussionCommentAsAnswer',
        'UNPROCESSABLE',
        'Only a top-level comment can be marked as the answer',
      );
      assertRefused(
        await postGraphQL(owner.url, MARK, { id: IDS.carolComment }),
        'markDiscussionCommentAsAnswer',
        'UNPROCESSABLE',
        'Discussions in the category "General" cannot have an answer',
      );
      assert.equal((await readThread(owner, IDS.question)).answer, null);
    });
  });

  describe('closing, labels and locking', () => {
    it('closes as a duplicate with closedAt, then reopens, each moving updatedAt; refused to READ', async () => {
      const fake = await as('alice');
      const started = Date.now();
      const closed = await postGraphQL(fake.url, CLOSE, { id: IDS.question, reason: 'DUPLICATE' });
      assert.deepEqual(closed.body.data.closeDiscussion.discussion, { closed: true, stateReason: 'DUPLICATE' });
      let thread = await readThread(fake, IDS.question);
      madeSince(started, thread.closedAt);
      madeSince(started, thread.updatedAt);
      assert.deepEqual([thread.viewerCanClose, thread.viewerCanReopen], [false, true]);
      await postGraphQL(fake.url, REOPEN, { id: IDS.question });
      thread = await readThread(fake, IDS.question);
      assert.deepEqual([thread.closed, thread.closedAt, thread.stateReason], [false, null, 'REOPENED']);

      const reader = await as('carol');
      assertRefused(
        await postGraphQL(reader.url, CLOSE, { id: IDS.question }),
        'closeDiscussion',
        'FORBIDDEN',
        'carol does not have the correct permissions to execute `CloseDiscussion`',
      );
      assertRefused(
        await postGraphQL(reader.url, CLOSE, { id: IDS.bobComment }),
        'closeDiscussion',
        'NOT_FOUND',
        `Could not resolve to a node with the global id of '${IDS.bobComment}'`,
      );
    });

    it("adds and removes the repository's labels with TRIAGE; refused to the author; an unknown label is not found", async () => {
      const fake = await as('tess', 'TRIAGE');
      const labels = (await postGraphQL(fake.url, LABEL_IDS)).body.data.repository.labels.nodes as { id: string; name: string }[];
      const idOf = (name: string) => labels.find((label) => label.name === name)!.id;
      const started = Date.now();
      const added = await postGraphQL(fake.url, ADD_LABELS, { id: IDS.question, labels: [idOf('bug'), idOf('question')] });
      assert.deepEqual(added.body.data.addLabelsToLabelable.labelable.labels.nodes, [{ name: 'bug' }, { name: 'question' }, { name: 'needs triage' }]);
      madeSince(started, (await readThread(fake, IDS.question)).updatedAt);
      await postGraphQL(fake.url, REMOVE_LABELS, { id: IDS.question, labels: [idOf('needs triage')] });
      assert.deepEqual(
        (await readThread(fake, IDS.question)).labels?.nodes.map((label) => label.name),
        ['bug', 'question'],
      );
      assertRefused(
        await postGraphQL(fake.url, ADD_LABELS, { id: IDS.question, labels: ['LA_nope'] }),
        'addLabelsToLabelable',
        'NOT_FOUND',
        "Could not resolve to a node with the global id of 'LA_nope'",
      );
      const author = await as('alice');
      assertRefused(
        await postGraphQL(author.url, ADD_LABELS, { id: IDS.question, labels: [idOf('bug')] }),
        'addLabelsToLabelable',
        'FORBIDDEN',
        'alice does not have the correct permissions to execute `AddLabelsToLabelable`',
      );
    });

    it('locks with a reason and unlocks with TRIAGE; refused to the author', async () => {
      const fake = await as('tess', 'TRIAGE');
      const locked = await postGraphQL(fake.url, LOCK, { id: IDS.question, reason: 'TOO_HEATED' });
      assert.deepEqual(locked.body.data.lockLockable, { actor: { login: 'tess' }, lockedRecord: { locked: true, activeLockReason: 'TOO_HEATED' } });
      assert.deepEqual((await readThread(fake, IDS.question)).activeLockReason, 'TOO_HEATED');
      const unlocked = await postGraphQL(fake.url, UNLOCK, { id: IDS.question });
      assert.deepEqual(unlocked.body.data.unlockLockable.unlockedRecord, { locked: false, activeLockReason: null });
      const author = await as('alice');
      assertRefused(
        await postGraphQL(author.url, LOCK, { id: IDS.question }),
        'lockLockable',
        'FORBIDDEN',
        'alice does not have the correct permissions to execute `LockLockable`',
      );
    });
  });

  describe('rate limit, faults and token', () => {
    const EXPENSIVE_PAYLOAD = `mutation($id: ID!) { closeDiscussion(input: { discussionId: $id }) { discussion {
      comments(first: 100) { nodes { replies(first: 50) { nodes { replyTo { replies(first: 50) { totalCount } } } } } }
    } } }`;

    it('charges a mutation one point whatever its payload selects, and refuses it once an enforced budget is spent', async () => {
      const fake = await startFakeGitHub({ repositories: [widgetsRepository()], viewerLogin: 'carol', pointsPerHour: 2, enforceRateLimit: true });
      started.push(fake);
      const expensive = await postGraphQL(fake.url, EXPENSIVE_PAYLOAD.replace('closeDiscussion', 'reopenDiscussion'), { id: IDS.showcase });
      // As a query the payload would imply 1 + 100 + 5,000 requests: 51 points.
      assert.equal(expensive.body.errors[0].type, 'FORBIDDEN');
      assert.deepEqual([fake.stats().points, fake.stats().mutations], [1, 1]);
      await postGraphQL(fake.url, ADD_COMMENT, { discussionId: IDS.question, body: 'Second point' });
      const refused = await postGraphQL(fake.url, ADD_COMMENT, { discussionId: IDS.question, body: 'Over budget' });
      assert.equal(refused.status, 403);
      assert.equal(refused.headers.get('x-ratelimit-remaining'), '0');
      assert.deepEqual([fake.stats().points, fake.stats().mutations], [2, 2]);
    });

    it('a rateLimit fault answers the mutation and changes nothing; a missing token is 401', async () => {
      const fake = await as('carol');
      fake.injectFault({ kind: 'rateLimit', status: 200 }, 1, 'graphql');
      const limited = await postGraphQL(fake.url, ADD_COMMENT, { discussionId: IDS.question, body: 'Hello' });
      assert.deepEqual(
        limited.body.errors.map((error: { type: string }) => error.type),
        ['RATE_LIMITED'],
      );
      const unauthorized = await postGraphQL(fake.url, ADD_COMMENT, { discussionId: IDS.question, body: 'Hello' }, { authorization: null });
      assert.equal(unauthorized.status, 401);
      assert.equal((await readThread(fake, IDS.question)).comments.totalCount, 2);
      assert.deepEqual([fake.stats().graphqlRequests, fake.stats().faults, fake.stats().mutations], [3, 1, 0]);
    });
  });
});
