import { strict as assert } from 'node:assert';
import { normalizeCommunity } from '../../../src/community/normalize';
import { classifyPeople } from '../../../src/community/people';
import { communityRoles, discussionPage, type CommunityRoles, type DiscussionPageInput } from '../../../src/discussionView/discussionPage';
import type { DiscussionThread, RepositoryPermission, ThreadReply } from '../../../src/github/discussionThread';
import { comment, discussion, T0 } from '../../support/discussionNodes';

const HOUR = 3_600_000;
const iso = (hours: number): string => new Date(T0 + hours * HOUR).toISOString();

function post(id: string, login: string, hours: number, fields: Partial<ThreadReply> = {}): ThreadReply {
  return {
    id,
    url: `https://github.com/octo/repo/discussions/7#${id}`,
    createdAt: iso(hours),
    lastEditedAt: null,
    author: { __typename: 'User', login },
    authorAssociation: 'NONE',
    deletedAt: null,
    isMinimized: false,
    minimizedReason: null,
    upvoteCount: 0,
    body: `text of ${id}`,
    bodyHTML: `<p>text of ${id}</p>`,
    viewerDidAuthor: false,
    viewerCanUpdate: false,
    viewerCanDelete: false,
    ...fields,
  };
}

type ThreadComment = DiscussionThread['comments'][number];
function threadComment(base: ThreadReply, fields: Partial<Omit<ThreadComment, keyof ThreadReply>> = {}): ThreadComment {
  return { ...base, isAnswer: false, viewerCanMarkAsAnswer: false, viewerCanUnmarkAsAnswer: false, replies: [], ...fields };
}

function threadOf(options: {
  comments?: ThreadComment[];
  permission?: RepositoryPermission | null;
  locked?: boolean;
  closed?: boolean;
  stateReason?: DiscussionThread['discussion']['stateReason'];
  activeLockReason?: DiscussionThread['discussion']['activeLockReason'];
  body?: string;
}): DiscussionThread {
  const opening = post('D_7', 'alice', 0, { body: options.body ?? 'How do I?', bodyHTML: options.body === '' ? '' : '<p>How do I?</p>' });
  return {
    discussion: {
      ...opening,
      number: 7,
      title: 'How do I configure it?',
      url: 'https://github.com/octo/repo/discussions/7',
      updatedAt: iso(5),
      closed: options.closed ?? false,
      closedAt: options.closed ? iso(5) : null,
      stateReason: options.stateReason ?? null,
      locked: options.locked ?? false,
      activeLockReason: options.activeLockReason ?? null,
      category: { id: 'C_1', name: 'Q&A', slug: 'q-a', isAnswerable: true },
      isAnswered: false,
      answerChosenAt: null,
      answer: null,
      viewerCanClose: true,
      viewerCanReopen: true,
      viewerCanLabel: true,
      repository: {
        nameWithOwner: 'octo/repo',
        url: 'https://github.com/octo/repo',
        viewerPermission: options.permission === undefined ? 'ADMIN' : options.permission,
      },
    },
    labels: [{ id: 'L_1', name: 'question', color: 'd876e3' }],
    comments: options.comments ?? [],
    fetchedAt: T0 + 10 * HOUR,
  };
}

const NOBODY: CommunityRoles = { isMaintainer: () => false, isBot: () => false, isLeaderCandidate: () => false, firstPostId: () => undefined };

function pageOf(thread: DiscussionThread, overrides: Partial<DiscussionPageInput> = {}) {
  return discussionPage({
    thread,
    apiUrl: 'https://api.github.com',
    assist: { author: { login: 'alice', facts: [], helpedBy: [] }, helpers: [], similar: [] },
    roles: NOBODY,
    snoozeLabel: null,
    draft: null,
    savedReplies: [],
    repositoryLabels: null,
    now: T0 + 10 * HOUR,
    ...overrides,
  });
}

describe('the Discussion tab’s page model', () => {
  it('puts the chosen answer first, the other comments and every reply oldest first, and counts them', () => {
    const thread = threadOf({
      comments: [
        threadComment(post('C_late', 'carol', 3)),
        threadComment(post('C_answer', 'bob', 2), {
          isAnswer: true,
          replies: [post('R_second', 'alice', 4), post('R_first', 'carol', 2.5)],
        }),
        threadComment(post('C_early', 'dave', 1)),
      ],
    });
    const page = pageOf(thread);
    assert.deepEqual(
      page.comments.map((c) => c.id),
      ['C_answer', 'C_early', 'C_late'],
    );
    assert.deepEqual(
      page.comments[0]!.replies.map((r) => r.id),
      ['R_first', 'R_second'],
    );
    assert.equal(page.comments[0]!.isAnswer, true);
    assert.equal(page.countLabel, '3 comments · 2 replies');
    assert.equal(page.comments[1]!.createdLabel, '9 h ago', 'dave posted at 1 h, the page is built at 10 h');
    assert.equal(page.comments[1]!.createdExact, '2024-01-01 01:00 UTC');
    assert.equal(page.fetchedLabel, 'Fetched just now');
    assert.equal(page.opening.kind, 'opening');
    assert.equal(page.webUrl, 'https://github.com');
  });

  it('badges each author: maintainer, bot, the discussion’s author, a first post here, a leader candidate', () => {
    const roles: CommunityRoles = {
      isMaintainer: (login) => login === 'maint',
      isBot: () => false,
      isLeaderCandidate: (login) => login === 'carol',
      // Everyone's first post here is in this thread but carol's; only newcomers are badged as first-time posters.
      firstPostId: (login) => ({ alice: 'D_7', carol: 'C_old_elsewhere', maint: 'C_1', member: 'C_2', 'helper-app': 'C_3' })[login],
    };
    const thread = threadOf({
      comments: [
        threadComment(post('C_1', 'maint', 1)),
        threadComment(post('C_2', 'member', 2, { authorAssociation: 'MEMBER' })),
        threadComment(post('C_3', 'helper-app', 3, { author: { __typename: 'Bot', login: 'helper-app' } })),
        threadComment(post('C_4', 'carol', 4)),
        threadComment(post('C_5', 'alice', 5)),
      ],
    });
    const page = pageOf(thread, { roles });
    assert.deepEqual(page.opening.roles, ['discussionAuthor', 'firstTimePoster']);
    assert.deepEqual(
      page.comments.map((c) => [c.author, c.roles]),
      [
        ['maint', ['maintainer']],
        ['member', ['maintainer']],
        ['helper-app', ['bot']],
        ['carol', ['leaderCandidate']],
        ['alice', ['discussionAuthor']],
      ],
    );
  });

  it('shows deleted and minimized posts as such, with the reason it was hidden', () => {
    const thread = threadOf({
      comments: [
        threadComment(post('C_gone', 'bob', 1, { deletedAt: iso(2), body: '', bodyHTML: '', viewerCanDelete: true, viewerCanUpdate: true })),
        threadComment(post('C_hidden', 'eve', 2, { isMinimized: true, minimizedReason: 'OFF_TOPIC' })),
      ],
    });
    const [gone, hidden] = pageOf(thread).comments;
    assert.equal(gone!.status, 'deleted');
    assert.equal(gone!.statusNote, null);
    assert.deepEqual(gone!.can, { reply: false, edit: false, delete: false, markAnswer: false, unmarkAnswer: false }, 'nothing to do on a deleted comment');
    assert.equal(hidden!.status, 'minimized');
    assert.equal(hidden!.statusNote, 'Hidden as off-topic');
  });

  it('names the state: closed with its reason, locked with its reason', () => {
    const page = pageOf(threadOf({ closed: true, stateReason: 'DUPLICATE', locked: true, activeLockReason: 'TOO_HEATED' }));
    assert.deepEqual(page.state, { closed: true, label: 'Closed as duplicate', locked: true, lockLabel: 'Locked as too heated' });
    assert.equal(pageOf(threadOf({})).state.label, 'Open');
    assert.equal(pageOf(threadOf({ closed: true, stateReason: null })).state.label, 'Closed');
  });

  it('offers only what GitHub allows: a locked discussion takes replies from write access only; locking takes triage', () => {
    const readLocked = pageOf(threadOf({ locked: true, permission: 'READ' }));
    assert.deepEqual(readLocked.can, { reply: false, close: true, reopen: false, label: true, lock: false, unlock: false });
    const writeLocked = pageOf(threadOf({ locked: true, permission: 'WRITE' }));
    assert.equal(writeLocked.can.reply, true);
    assert.equal(writeLocked.can.unlock, true);
    const triageOpen = pageOf(threadOf({ permission: 'TRIAGE' }));
    assert.equal(triageOpen.can.lock, true);
    assert.equal(triageOpen.can.unlock, false);
    const closed = pageOf(threadOf({ closed: true, permission: 'READ' }));
    assert.equal(closed.can.close, false);
    assert.equal(closed.can.reopen, true);
    assert.equal(closed.can.lock, false, 'READ cannot lock');
  });

  it('offers mark and unmark from the viewerCan fields, and reply only on comments', () => {
    const thread = threadOf({
      comments: [
        threadComment(post('C_1', 'bob', 1, { viewerCanUpdate: true, viewerCanDelete: true }), {
          viewerCanMarkAsAnswer: true,
          replies: [post('R_1', 'bob', 2)],
        }),
        threadComment(post('C_2', 'carol', 2), { isAnswer: true, viewerCanMarkAsAnswer: true, viewerCanUnmarkAsAnswer: true }),
      ],
    });
    const [answer, other] = pageOf(thread).comments;
    assert.deepEqual(answer!.can, { reply: true, edit: false, delete: false, markAnswer: false, unmarkAnswer: true });
    assert.deepEqual(other!.can, { reply: true, edit: true, delete: true, markAnswer: true, unmarkAnswer: false });
    assert.equal(other!.replies[0]!.can.reply, false, 'GitHub nests one level: a reply to a reply goes to its comment');
  });

  it('says when the data set carries no bodies, instead of showing empty posts', () => {
    const empty = (id: string, login: string, hours: number) => post(id, login, hours, { body: '', bodyHTML: '' });
    const bodiless = threadOf({ body: '', comments: [threadComment(empty('C_1', 'bob', 1), { replies: [empty('R_1', 'alice', 2)] })] });
    assert.equal(pageOf(bodiless).bodiesInData, false);
    const oneReply = threadOf({ body: '', comments: [threadComment(empty('C_1', 'bob', 1), { replies: [post('R_1', 'alice', 2)] })] });
    assert.equal(pageOf(oneReply).bodiesInData, true);
  });

  it('carries the draft, the snooze and the labels through', () => {
    const page = pageOf(threadOf({}), {
      draft: { text: 'Thanks!', replyToId: null },
      snoozeLabel: 'Until 2024-01-05',
      repositoryLabels: [{ id: 'L_2', name: 'bug', color: 'ff0000' }],
    });
    assert.deepEqual(page.draft, { text: 'Thanks!', replyToId: null });
    assert.deepEqual(page.snooze, { label: 'Until 2024-01-05' });
    assert.deepEqual(page.labels, [{ id: 'L_1', name: 'question', color: 'd876e3' }]);
    assert.deepEqual(page.repositoryLabels, [{ id: 'L_2', name: 'bug', color: 'ff0000' }]);
  });
});

describe('the community’s roles for the page', () => {
  it('finds each person’s first post in the stored discussions, whatever its kind', () => {
    const community = normalizeCommunity('octo/repo', [
      discussion(1, 'alice', 10, { comments: [comment('bob', 12), comment('alice', 14)] }),
      discussion(2, 'bob', 5, { comments: [comment('Carol', 20, { authorAssociation: 'MEMBER' })] }),
    ]);
    const roles = communityRoles(community, classifyPeople(community), ['bob']);
    const bobsOpening = community.discussions.find((d) => d.number === 2)!.id;
    assert.equal(roles.firstPostId('bob'), bobsOpening, 'bob opened #2 at 5 h before commenting on #1 at 12 h');
    assert.equal(roles.firstPostId('alice'), community.discussions.find((d) => d.number === 1)!.id);
    assert.equal(roles.firstPostId('nobody'), undefined);
    assert.equal(roles.isMaintainer('carol'), true, 'a MEMBER association makes a maintainer, logins without case');
    assert.equal(roles.isLeaderCandidate('BOB'), true);
  });
});
