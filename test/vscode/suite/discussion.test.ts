import * as assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import * as vscode from 'vscode';
import type { CommunityPulseApi, DiscussionHandle } from '../../../src/api';
import type { DomSummary } from '../../../src/dashboard/protocol';
import type { DiscussionDomSummary } from '../../../src/discussionView/protocol';
import { startFakeGitHub, type FakeGitHub } from '../../fake-github/server';
import { activatePulse, applySettings, arrangePulse } from '../../support/vscodeTestState';
import { openDashboardRendered } from '../openDashboard';
import { takeScreenshot } from '../screenshot';
import { typeInWebview } from '../typeInWebview';

/**
 * The Discussion tab in a real VS Code (issue #9): opened from Needs Response as a click does, what it shows, and
 * what each action changes in Needs Response and the status bar at once, against the fake GitHub's mutations.
 */

const REPOSITORY = 'acme/widgets';
const TOKEN_VARIABLE = 'COMMUNITY_PULSE_TOKEN';
const VIEWER = 'mia';
const DAY = 86_400_000;

const ago = (ms: number): string => new Date(Date.now() - ms).toISOString();
const user = (login: string) => ({ __typename: 'User', login });
const QA = { name: 'Q&A', slug: 'q-a', isAnswerable: true };
const GENERAL = { name: 'General', slug: 'general', isAnswerable: false };

interface PostInput {
  readonly id: string;
  readonly login: string;
  readonly at: number;
  readonly body: string;
  readonly isAnswer?: boolean;
  readonly association?: string;
  readonly replies?: readonly PostInput[];
}

interface PostNode {
  readonly id: string;
  readonly author: ReturnType<typeof user>;
  readonly authorAssociation: string;
  readonly createdAt: string;
  readonly body: string;
  readonly isAnswer: boolean;
  readonly replies: { readonly nodes: readonly PostNode[] };
}

function post({ id, login, at, body, isAnswer = false, association = 'NONE', replies = [] }: PostInput): PostNode {
  return {
    id,
    author: user(login),
    authorAssociation: association,
    createdAt: ago(at),
    body,
    isAnswer,
    replies: { nodes: replies.map((reply) => post(reply)) },
  };
}

function discussion(number: number, title: string, login: string, at: number, body: string, category = QA, comments: readonly PostInput[] = []) {
  const answer = comments.find((comment) => comment.isAnswer === true);
  return {
    id: `D_${number}`,
    number,
    title,
    url: `https://github.com/${REPOSITORY}/discussions/${number}`,
    author: user(login),
    createdAt: ago(at),
    body,
    category,
    closed: false,
    answer: answer ? { id: answer.id } : null,
    // Chosen a day after it was posted.
    answerChosenAt: answer ? ago(answer.at - DAY) : null,
    comments: { nodes: comments.map((comment) => post(comment)) },
  };
}

const HOOK_QUESTION = [
  'My `blocks` field holds nested arrays, and I want to revalidate the page when any of them changes:',
  '',
  '```ts',
  'export const Pages = { hooks: { afterChange: [revalidatePage] } };',
  '```',
  '',
  'The hook runs for top-level fields only. @carol, you answered something like this in #5: does it still apply?',
].join('\n');

/**
 * Who is who: alice asks (#1, and earlier #5, answered by carol), carol answers in Q&A, dave answered once in Q&A,
 * mia is the maintainer signed in (she posted in General before). Needs Response: No response #1 #2, Author replied #4, Answer not marked #3.
 */
const DATASET = [
  discussion(1, 'How do I run a hook after a nested field changes?', 'alice', 2.5 * DAY, HOOK_QUESTION),
  discussion(2, 'Localized slugs break the admin preview', 'bob', 4 * DAY, 'The preview opens `/en/undefined` for **every** localized page.'),
  discussion(3, 'Access control for versions of a collection', 'dave', 20 * DAY, 'Can drafts have their own `read` access?', QA, [
    { id: 'C_3a', login: 'carol', at: 15 * DAY, body: 'Yes: `access.readVersions` takes the same arguments as `read`.' },
  ]),
  discussion(4, 'Roadmap for the 3.0 release', 'erin', 6 * DAY, 'What is planned for 3.0?', GENERAL, [
    {
      id: 'C_4a',
      login: 'frank',
      at: 5 * DAY,
      body: 'See the pinned issue.',
      replies: [{ id: 'R_4a1', login: 'erin', at: 1 * DAY, body: 'It is closed now.' }],
    },
    { id: 'C_4b', login: VIEWER, association: 'MEMBER', at: 4.5 * DAY, body: 'We will post the plan after the next release.' },
  ]),
  discussion(5, 'Run a hook when a nested field changes', 'alice', 40 * DAY, 'Hooks on array fields never fire. Why?', QA, [
    { id: 'C_5a', login: 'dave', at: 39.5 * DAY, body: 'Same here on `1.2`.' },
    {
      id: 'C_5b',
      login: 'carol',
      at: 39 * DAY,
      isAnswer: true,
      body: 'Put the hook on the **collection**, not the field:\n\n```ts\nhooks: { afterChange: [revalidate] }\n```',
      replies: [{ id: 'R_5b1', login: 'alice', at: 38 * DAY, body: 'Thanks @carol, that works.' }],
    },
  ]),
  discussion(6, 'Upload field: limit the file size per collection', 'gina', 10 * DAY, 'Is there a per-collection limit?', QA, [
    { id: 'C_6a', login: 'carol', at: 9 * DAY, isAnswer: true, body: 'Use `upload.limits.fileSize`.' },
  ]),
];

interface ShownSection {
  readonly label: string;
  readonly rows: string[];
}

/** Needs Response as drawn: each section's label and its rows' descriptions up to the first ` · ` (`#4`). */
function shownTree(api: CommunityPulseApi): ShownSection[] {
  const tree = api.needsResponse;
  return tree.getChildren().map((section) => ({
    label: String(tree.getTreeItem(section).label),
    rows: tree.getChildren(section).map((row) => String(tree.getTreeItem(row).description)),
  }));
}

const numbersOf = (section: ShownSection | undefined): string[] => (section?.rows ?? []).map((row) => row.split(' · ')[0]!);

/** The numbers of the discussions the dashboard lists as waiting on the team, in order of number. */
const waitingOn = (shown: DomSummary): string[] =>
  (shown.tables['needs-response'] ?? [])
    .slice(1)
    .map((row) => row[0]!.split(' ')[0]!)
    .sort();

/** The page's reply box. */
const REPLY_BOX = '#reply-write';

const TREE_AT_START = [
  { label: 'No response (2)', rows: ['#2', '#1'] },
  { label: 'Author replied (1)', rows: ['#4'] },
  { label: 'Answer not marked (1)', rows: ['#3'] },
];

/** The tree reduced to labels and numbers, to compare with TREE_AT_START-like literals. */
function treeNumbers(api: CommunityPulseApi): { label: string; rows: string[] }[] {
  return shownTree(api).map((section) => ({ label: section.label, rows: numbersOf(section) }));
}

/** The Discussion editor tabs VS Code shows. */
function discussionTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('communityPulse.discussion'));
}

/** Resolves once `condition` holds (the snoozes are pruned just after the data changed), failing after 5 s. */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (const deadline = Date.now() + 5000; !condition(); await delay(50)) {
    if (Date.now() > deadline) assert.fail(`${what}: not within 5 s`);
  }
}

/** Resolves as `work` does, or fails saying `what` did not happen within `ms`. */
async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** `Tue 3 Dec` (UTC) of a moment, from its UTC string (`Tue, 03 Dec 2024 …`). */
function dayLabel(at: number): string {
  const [weekday, day, month] = new Date(at).toUTCString().split(/,? /);
  return `${weekday} ${Number(day)} ${month}`;
}

describe('Discussion view in VS Code', () => {
  let fake: FakeGitHub;
  let api: CommunityPulseApi;

  async function serve(viewerPermission: 'READ' | 'MAINTAIN'): Promise<void> {
    fake = await startFakeGitHub({
      token: process.env[TOKEN_VARIABLE],
      viewerLogin: VIEWER,
      viewerPermission,
      repositories: [{ nameWithOwner: REPOSITORY, discussions: structuredClone(DATASET) }],
    });
    await arrangePulse(api, { apiUrl: fake.url, repository: REPOSITORY });
    // The fake may get the port of an earlier test's: a full sync reads DATASET as served, whatever was stored there.
    await api.sync('full');
    assert.equal(api.state, 'ready', api.problem);
  }

  before(async () => {
    process.env[TOKEN_VARIABLE] ||= 'community-pulse-test-token';
    api = await activatePulse();
  });

  // A fake GitHub of its own per test, DATASET as written.
  beforeEach(async function () {
    this.timeout(60_000);
    await serve('MAINTAIN');
  });

  // Snoozes are kept per API address and repository, and a later fake may get this one's port.
  afterEach(async () => {
    api.dashboard.panel?.dispose();
    for (const tab of api.discussions.tabs) tab.dispose();
    for (const id of api.discussions.snoozed) await api.discussions.wake(id);
    await fake.close();
  });

  after(() => applySettings({}));

  /** Opens a discussion the way VS Code runs a click on its Needs Response row, and waits until it is drawn. */
  async function openFromNeedsResponse(number: number): Promise<DiscussionHandle> {
    const tree = api.needsResponse;
    const row = tree
      .getChildren()
      .flatMap((section) => tree.getChildren(section))
      .find((node) => String(tree.getTreeItem(node).description).startsWith(`#${number} · `));
    assert.ok(row, `#${number} is in Needs Response`);
    const command = tree.getTreeItem(row).command;
    assert.ok(command, 'a click on the row runs a command');
    return drawn(number, () => vscode.commands.executeCommand(command.command, ...(command.arguments ?? [])));
  }

  /** Runs `open` and resolves with discussion `number`'s tab once it has drawn. */
  async function drawn(number: number, open: () => Thenable<unknown>): Promise<DiscussionHandle> {
    const known = api.discussions.tabs.find((tab) => tab.number === number);
    const rendered = known?.nextRender();
    await open();
    const tab = api.discussions.tabs.find((found) => found.number === number);
    assert.ok(tab, `#${number} has a tab`);
    await (rendered ?? tab.nextRender());
    return tab;
  }

  /** Runs an action as the page sends it; resolves with its outcome and what the page shows after it. */
  async function act(tab: DiscussionHandle, action: Parameters<DiscussionHandle['act']>[0]) {
    const outcome = await tab.act(action);
    return { outcome, shown: await tab.inspect() };
  }

  const postsOf = (shown: DiscussionDomSummary) =>
    shown.posts.map((shownPost) => `${shownPost.kind} @${shownPost.author}${shownPost.isAnswer ? ' (answer)' : ''}`);

  it('opens a discussion from Needs Response in one tab, with its thread, the author’s history, who can help and similar ones', async () => {
    const tab = await openFromNeedsResponse(1);
    assert.equal(discussionTabs().length, 1);
    assert.equal(tab.webviewPanel.title, '#1 How do I run a hook after a n…', 'the number and the title cut at 30 characters');
    const shown = await tab.inspect();
    assert.equal(shown.title, 'How do I run a hook after a nested field changes?');
    assert.match(shown.state, /^Open/);
    assert.deepEqual(postsOf(shown), ['opening @alice']);
    const opening = shown.posts[0]!;
    assert.ok(opening.text.includes('export const Pages = { hooks: { afterChange: [revalidatePage] } };'), 'the code block’s code is shown');
    assert.ok(opening.text.includes('@carol, you answered something like this in #5'), opening.text);
    assert.ok(!opening.text.includes('```') && !opening.text.includes('`blocks`'), 'Markdown is rendered, not shown as source');
    assert.deepEqual(opening.roles, ['Author']);
    // alice asked #5 before (40 days ago, carol's answer chosen 2 days later) and replied there: 2 days' history.
    assert.deepEqual(shown.authorFacts, ['Before this one: 1 discussion, 1 comment', 'Questions answered: 1 of 1 · median 2 d', 'Last active: 2 days ago']);
    // carol answered 3 in Q&A (2 accepted) and helped alice; dave answered once in Q&A (in alice's #5).
    assert.deepEqual(shown.helpers, ['carol', 'dave']);
    assert.deepEqual(shown.similar, [5], '#5 is answered and its title shares run, hook, nested, field, changes; #6 only "field"');
    assert.deepEqual(shown.injected, { scripts: 0, inlineHandlers: 0, frames: 0, styles: 0, unsafeImages: 0, javascriptLinks: 0 });

    const again = await openFromNeedsResponse(1);
    assert.equal(again.webviewPanel, tab.webviewPanel, 'the same tab');
    assert.equal(discussionTabs().length, 1, 'still one tab');
    assert.equal(again.webviewPanel.active, true, 'focused');

    // The editor title's Open in Browser (no argument) opens the tab in front on GitHub.
    const opened: string[] = [];
    const env = vscode.env as { openExternal: typeof vscode.env.openExternal };
    const openExternal = env.openExternal;
    env.openExternal = async (uri) => {
      opened.push(uri.toString(true));
      return true;
    };
    try {
      await vscode.commands.executeCommand('communityPulse.openInBrowser');
    } finally {
      env.openExternal = openExternal;
    }
    assert.deepEqual(opened, [`https://github.com/${REPOSITORY}/discussions/1`]);
  });

  it('shows an answered thread with the answer first, replies under their comment, and each author’s roles', async () => {
    // As the dashboard's lists and People's evidence open one: the command with a number.
    const tab = await drawn(5, () => vscode.commands.executeCommand('communityPulse.openDiscussion', { number: 5 }));
    const shown = await tab.inspect();
    assert.equal(tab.webviewPanel.title, '#5 Run a hook when a nested fiel…');
    assert.deepEqual(postsOf(shown), ['opening @alice', 'comment @carol (answer)', 'reply @alice', 'comment @dave']);
    const roles = shown.posts.map((shownPost) => shownPost.roles.filter((role) => role !== 'Leader candidate'));
    // Each person's first post in the data is marked; alice is this discussion's author.
    assert.deepEqual(roles, [['Author', 'First-time poster'], ['First-time poster'], ['Author'], ['First-time poster']]);
    assert.match(shown.posts[1]!.text, /^Put the hook on the collection, not the field: hooks: \{ afterChange: \[revalidate\] \}/);
    assert.ok(shown.actions.includes('Unmark as answer'), `actions: ${shown.actions.join(', ')}`);
  });

  it('posts a reply: the thread shows it, and the discussion leaves "No response" and the status bar count at once', async () => {
    const tab = await openFromNeedsResponse(1);
    assert.equal(api.statusBar.text, '$(comment-discussion) 4');
    const body = 'Put the hook on the collection: see #5.\n\n```ts\nhooks: { afterChange: [revalidatePage] }\n```';
    const rendered = tab.nextRender();
    const { outcome } = await act(tab, { kind: 'reply', body, replyToId: null });
    assert.deepEqual(outcome, { ok: true, message: null });
    await rendered;
    const shown = await tab.inspect();
    assert.deepEqual(postsOf(shown), ['opening @alice', `comment @${VIEWER}`]);
    assert.equal(shown.posts[1]!.text, 'Put the hook on the collection: see #5. hooks: { afterChange: [revalidatePage] }');
    assert.deepEqual(shown.posts[1]!.roles, ['Maintainer'], 'mia posts as a MEMBER (MAINTAIN)');
    assert.deepEqual(treeNumbers(api), [
      { label: 'No response (1)', rows: ['#2'] },
      { label: 'Author replied (1)', rows: ['#4'] },
      { label: 'Answer not marked (1)', rows: ['#3'] },
    ]);
    assert.equal(api.statusBar.text, '$(comment-discussion) 3');
    assert.equal(fake.stats().mutations, 1);
  });

  it('sends a reply typed in the page with Ctrl+Enter', async () => {
    const tab = await openFromNeedsResponse(1);
    const rendered = tab.nextRender();
    await typeInWebview(REPLY_BOX, 'Typed in the **page**.', { press: 'Control+Enter' });
    await rendered;
    const shown = await tab.inspect();
    assert.deepEqual(postsOf(shown), ['opening @alice', `comment @${VIEWER}`]);
    assert.equal(shown.posts[1]!.text, 'Typed in the page.');
    assert.equal(shown.replyBox.text, '', 'the box is emptied once sent');
    assert.deepEqual(numbersOf(shownTree(api)[0]), ['#2']);
    assert.equal(api.statusBar.text, '$(comment-discussion) 3');
  });

  // Each page gives up VS Code's webview service worker once it has drawn (webview/hostWorker.ts), while a page still
  // open may be served by the same worker registration: the page opened later and the one left open must both work.
  it('keeps working beside the dashboard closed and opened again, and the dashboard draws each time', async function () {
    this.timeout(90_000);
    const tab = await openFromNeedsResponse(1);
    for (const opening of ['first', 'reopened', 'reopened again']) {
      // In a group of its own beside the tab (the one before closed with its last editor), so the tab's page stays open.
      await vscode.commands.executeCommand('workbench.action.newGroupRight');
      const { panel } = await openDashboardRendered(api);
      assert.deepEqual(waitingOn(await panel.inspect()), ['#1', '#2', '#3', '#4'], `the ${opening} dashboard lists what waits`);
      panel.dispose();
    }
    assert.equal(tab.webviewPanel.visible, true, 'the tab stayed in view meanwhile');
    const rendered = tab.nextRender();
    await typeInWebview(REPLY_BOX, 'Still answering here.', { press: 'Control+Enter' });
    await rendered;
    assert.deepEqual(postsOf(await tab.inspect()), ['opening @alice', `comment @${VIEWER}`], 'the reply typed in the tab is posted and drawn');
  });

  // Two pages starting together share one registration: the first to draw must not take away the worker the other
  // is still installing, or that page never gets it and stays blank (as it did when the release had no guard).
  it('opens the dashboard and a Discussion tab at once, as a window restoring both does, and both draw, each time', async function () {
    this.timeout(90_000);
    for (const opening of ['first', 'second', 'third']) {
      await vscode.commands.executeCommand('workbench.action.newGroupRight');
      const [{ panel }, tab] = await within(
        30_000,
        `the ${opening} dashboard and Discussion tab opened together both draw`,
        Promise.all([openDashboardRendered(api), drawn(1, () => vscode.commands.executeCommand('communityPulse.openDiscussion', { number: 1 }))]),
      );
      assert.deepEqual(waitingOn(await panel.inspect()), ['#1', '#2', '#3', '#4'], `the ${opening} dashboard lists what waits`);
      assert.deepEqual(postsOf(await tab.inspect()), ['opening @alice'], `the ${opening} tab shows the thread`);
      panel.dispose();
      tab.dispose();
    }
  });

  it('marks the answer of a discussion in "Answer not marked": it leaves the bucket; unmarking puts it back', async () => {
    const tab = await openFromNeedsResponse(3);
    const before = await tab.inspect();
    assert.ok(before.actions.includes('Mark as answer'), `actions: ${before.actions.join(', ')}`);
    const carol = before.posts.find((shownPost) => shownPost.author === 'carol')!;
    const marked = await act(tab, { kind: 'markAnswer', postId: carol.id });
    assert.deepEqual(marked.outcome, { ok: true, message: null });
    assert.deepEqual(postsOf(marked.shown), ['opening @dave', 'comment @carol (answer)']);
    assert.deepEqual(numbersOf(shownTree(api)[2]), [], 'no longer waiting for an answer to be marked');
    assert.equal(api.statusBar.text, '$(comment-discussion) 3');

    const unmarked = await act(tab, { kind: 'unmarkAnswer', postId: carol.id });
    assert.deepEqual(unmarked.outcome, { ok: true, message: null });
    assert.deepEqual(postsOf(unmarked.shown), ['opening @dave', 'comment @carol']);
    assert.deepEqual(treeNumbers(api), TREE_AT_START);
  });

  it('closes a discussion as duplicate: the page says so and it leaves Needs Response; reopening brings it back', async () => {
    const tab = await openFromNeedsResponse(2);
    const closed = await act(tab, { kind: 'close', reason: 'DUPLICATE' });
    assert.deepEqual(closed.outcome, { ok: true, message: null });
    assert.equal(closed.shown.state, 'Closed as duplicate');
    assert.ok(closed.shown.actions.includes('Reopen'));
    assert.deepEqual(numbersOf(shownTree(api)[0]), ['#1']);
    assert.equal(api.statusBar.text, '$(comment-discussion) 3');

    const reopened = await act(tab, { kind: 'reopen' });
    assert.deepEqual(reopened.outcome, { ok: true, message: null });
    assert.equal(reopened.shown.state, 'Open');
    assert.deepEqual(treeNumbers(api), TREE_AT_START);
  });

  it('snoozes from the Needs Response picker into the Snoozed group with its wake-up day, and wakes it again', async () => {
    const tree = api.needsResponse;
    const row = tree.getChildren(tree.getChildren()[1])[0]!;
    const snoozedAt = Date.now();
    // The picker's first choice, "For a day", as a user accepts it.
    const picked = vscode.commands.executeCommand('communityPulse.snoozeDiscussion', row);
    await delay(300);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await picked;
    assert.deepEqual(treeNumbers(api), [
      { label: 'No response (2)', rows: ['#2', '#1'] },
      { label: 'Author replied (0)', rows: [] },
      { label: 'Answer not marked (1)', rows: ['#3'] },
      { label: 'Snoozed (1)', rows: ['#4'] },
    ]);
    assert.deepEqual(shownTree(api)[3]!.rows, [`#4 · until ${dayLabel(snoozedAt + DAY)}`]);
    assert.equal(api.statusBar.text, '$(comment-discussion) 3');

    const snoozedRow = tree.getChildren(tree.getChildren()[3])[0]!;
    await vscode.commands.executeCommand('communityPulse.wakeDiscussion', snoozedRow);
    assert.deepEqual(treeNumbers(api), TREE_AT_START, 'woken: back in its bucket, the Snoozed group gone');
    assert.equal(api.statusBar.text, '$(comment-discussion) 4');
  });

  it('wakes a snooze "until someone else posts" when someone other than the viewer posts, at the next sync', async () => {
    await api.discussions.snooze('D_2', 'activity');
    assert.deepEqual(treeNumbers(api).slice(0, 1), [{ label: 'No response (1)', rows: ['#1'] }]);
    assert.deepEqual(shownTree(api)[3], { label: 'Snoozed (1)', rows: ['#2 · until someone else posts'] });

    fake.addComment(REPOSITORY, 2, { author: VIEWER });
    await api.sync('incremental');
    assert.deepEqual(shownTree(api)[3], { label: 'Snoozed (1)', rows: ['#2 · until someone else posts'] }, 'the viewer’s own post does not wake it');

    // GitHub stamps updatedAt to the second: a post in the same second as the viewer's would not move it.
    await delay(1000);
    fake.addComment(REPOSITORY, 2, { author: 'bob' });
    await api.sync('incremental');
    await until(() => api.discussions.snoozed.size === 0, 'the snooze ended');
    assert.deepEqual(treeNumbers(api), [
      { label: 'No response (1)', rows: ['#1'] },
      { label: 'Author replied (2)', rows: ['#4', '#2'] },
      { label: 'Answer not marked (1)', rows: ['#3'] },
    ]);
  });

  it('says why GitHub refused a change and changes nothing: a READ viewer closing someone else’s discussion', async function () {
    this.timeout(60_000);
    await fake.close();
    await serve('READ');
    const tab = await openFromNeedsResponse(2);
    const shown = await tab.inspect();
    assert.ok(!shown.actions.some((action) => action.startsWith('Close')), `no Close for a READ viewer: ${shown.actions.join(', ')}`);
    const { outcome } = await act(tab, { kind: 'close', reason: 'RESOLVED' });
    assert.equal(outcome.ok, false);
    assert.match(
      outcome.message ?? '',
      /^Could not close discussion D_2 as resolved in acme\/widgets: the signed-in account may not do this \(GitHub says: .*permissions/,
    );
    assert.equal((await tab.inspect()).state, 'Open');
    assert.deepEqual(treeNumbers(api), TREE_AT_START);
  });

  it('says what went wrong when GitHub does not answer a reply, changes nothing, and keeps the text', async function () {
    this.timeout(60_000);
    const tab = await openFromNeedsResponse(1);
    // A mutation is sent once: GitHub may have posted the reply before its answer was lost, so no retry.
    fake.injectFault({ kind: 'status', status: 502 }, 1, 'graphql');
    const requestsBefore = fake.stats().graphqlRequests;
    const { outcome, shown } = await act(tab, { kind: 'reply', body: 'On its way.', replyToId: null });
    assert.equal(fake.stats().graphqlRequests - requestsBefore, 1, 'sent once, not retried');
    assert.equal(outcome.ok, false);
    assert.match(outcome.message ?? '', /^Could not comment on discussion D_1 in acme\/widgets: .*502/);
    assert.deepEqual(postsOf(shown), ['opening @alice']);
    assert.deepEqual(treeNumbers(api), TREE_AT_START);
    assert.equal(api.statusBar.text, '$(comment-discussion) 4');

    // The same through the page: the error shows above the box, the text stays, and is there again in a new tab.
    fake.injectFault({ kind: 'drop' }, 1, 'graphql');
    const text = 'Could you share your `payload.config.ts`?';
    await typeInWebview(REPLY_BOX, text, { press: 'Control+Enter' });
    let failed = await tab.inspect();
    for (const deadline = Date.now() + 20_000; failed.replyBox.error === null && Date.now() < deadline; failed = await tab.inspect()) await delay(200);
    assert.match(failed.replyBox.error ?? '', /^Could not comment on discussion D_1 in acme\/widgets: /);
    assert.equal(failed.replyBox.text, text);
    assert.deepEqual(postsOf(failed), ['opening @alice']);
    tab.dispose();
    const reopened = await openFromNeedsResponse(1);
    assert.equal((await reopened.inspect()).replyBox.text, text, 'the draft is kept for the discussion');
    await typeInWebview(REPLY_BOX, '');
  });

  it('looks like a GitHub thread in the editor, in the light and dark themes (README screenshots: media/screenshots/discussion.png is discussion-tab.png)', async function () {
    this.timeout(60_000);
    await vscode.commands.executeCommand('communityPulse.needsResponse.focus');
    const tab = await openFromNeedsResponse(1);
    const rendered = tab.nextRender();
    const reply = [
      'Hooks on nested fields do not fire on their own: put the hook on the **collection** and compare the blocks yourself.',
      '',
      '```ts',
      'hooks: { afterChange: [({ doc, previousDoc }) => changed(doc.blocks, previousDoc.blocks) && revalidatePage(doc)] }',
      '```',
      '',
      'This is what @carol suggested in #5; it also works for arrays inside blocks.',
    ].join('\n');
    assert.equal((await tab.act({ kind: 'reply', body: reply, replyToId: null })).ok, true);
    await rendered;
    await vscode.commands.executeCommand('notifications.clearAll');
    const workbench = vscode.workspace.getConfiguration('workbench');
    await workbench.update('colorTheme', 'Default Light Modern', vscode.ConfigurationTarget.Global);
    try {
      await delay(1000);
      await takeScreenshot('discussion-tab');
      await workbench.update('colorTheme', 'Default Dark Modern', vscode.ConfigurationTarget.Global);
      await delay(1000);
      await takeScreenshot('discussion-tab-dark');
    } finally {
      await workbench.update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
