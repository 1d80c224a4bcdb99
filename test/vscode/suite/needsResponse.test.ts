import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { formatDuration } from '../../../src/shared/format';
import type { CommunityPulseApi } from '../../../src/api';
import type { NeedsResponseNode } from '../../../src/views/needsResponseTree';
import { startFakeGitHub, type FakeGitHub } from '../../fake-github/server';
import { activatePulse, applySettings, arrangePulse } from '../../support/vscodeTestState';
import { takeScreenshot } from '../screenshot';

/**
 * The extension end to end inside VS Code: it finds payloadcms/payload from the workspace's git remote,
 * syncs it from the fake GitHub (started in this extension host), and the Needs Response tree lists
 * exactly the discussions waiting on the team.
 */

const REPOSITORY = 'payloadcms/payload';
const WITHOUT_DISCUSSIONS = 'acme/no-discussions';
const DAY = 86_400_000;
const TOKEN_VARIABLE = 'COMMUNITY_PULSE_TOKEN';

const daysAgo = (days: number): string => new Date(Date.now() - days * DAY).toISOString();
const user = (login: string) => ({ __typename: 'User', login });
const bot = (login: string) => ({ __typename: 'Bot', login });
const QA = { name: 'Q&A', slug: 'q-a', isAnswerable: true };
const GENERAL = { name: 'General', slug: 'general', isAnswerable: false };

interface Post {
  readonly id: string;
  readonly author: ReturnType<typeof user>;
  readonly createdAt: string;
  readonly isAnswer?: boolean;
  readonly replies?: { nodes: Post[] };
}

let ids = 0;
function post(author: ReturnType<typeof user>, days: number, extra: Pick<Post, 'isAnswer' | 'replies'> = {}): Post {
  return { id: `C_${++ids}`, author, createdAt: daysAgo(days), ...extra };
}

function discussion(
  number: number,
  title: string,
  author: ReturnType<typeof user>,
  days: number,
  options: { category?: typeof QA; comments?: Post[]; closed?: boolean } = {},
) {
  const comments = (options.comments ?? []).map((comment) => ({ replies: { nodes: [] }, ...comment }));
  const answer = comments.find((comment) => comment.isAnswer === true);
  return {
    id: `D_${number}`,
    number,
    title,
    url: `https://github.com/${REPOSITORY}/discussions/${number}`,
    author,
    createdAt: daysAgo(days),
    category: options.category ?? QA,
    closed: options.closed ?? false,
    answer: answer ? { id: answer.id } : null,
    answerChosenAt: answer ? answer.createdAt : null,
    comments: { nodes: comments },
  };
}

/** Each bucket, and each reason a discussion is not listed. */
const DATASET = [
  discussion(1, 'How do I run a hook after a nested field changes?', user('alice'), 10),
  discussion(2, 'Localized slugs break the admin preview', user('bob'), 9, {
    comments: [post(user('carol'), 8, { replies: { nodes: [post(user('bob'), 2)] } })],
  }),
  discussion(3, 'Access control for versions of a collection', user('dave'), 20, { comments: [post(user('carol'), 15)] }),
  discussion(4, 'Upload field: limit the file size per collection', user('erin'), 3, { comments: [post(user('carol'), 1)] }),
  discussion(5, 'Dependency dashboard', bot('renovate'), 1),
  discussion(6, 'Custom components in the sidebar', user('frank'), 5, { closed: true }),
  discussion(7, 'Migrating from v2: relationship fields', user('gina'), 6, {
    comments: [post(user('carol'), 5, { isAnswer: true })],
  }),
  discussion(8, 'Show and tell: a Payload starter for Astro', user('henry'), 2, {
    category: GENERAL,
    comments: [post(bot('github-actions'), 2)],
  }),
  discussion(9, 'Roadmap thoughts', user('ivan'), 30, { category: GENERAL, comments: [post(user('carol'), 25)] }),
];

interface ShownSection {
  readonly label: string;
  readonly numbers: number[];
}

async function shownTree(api: CommunityPulseApi): Promise<ShownSection[]> {
  const provider = api.needsResponse;
  const sections = (await provider.getChildren()) ?? [];
  return Promise.all(
    sections.map(async (section) => ({
      label: String((await provider.getTreeItem(section)).label),
      numbers: await Promise.all(((await provider.getChildren(section)) ?? []).map(async (node) => numberOf(await provider.getTreeItem(node)))),
    })),
  );
}

function numberOf(item: vscode.TreeItem): number {
  const match = /^#(\d+) · /.exec(String(item.description));
  assert.ok(match, `description "${String(item.description)}" should start with the discussion number`);
  return Number(match[1]);
}

async function findItem(api: CommunityPulseApi, number: number): Promise<vscode.TreeItem> {
  const provider = api.needsResponse;
  for (const section of (await provider.getChildren()) ?? []) {
    for (const node of (await provider.getChildren(section)) ?? []) {
      const item = await provider.getTreeItem(node as NeedsResponseNode);
      if (numberOf(item) === number) return item;
    }
  }
  assert.fail(`#${number} is not in the Needs Response tree`);
}

/**
 * The window renders asynchronously from the extension host. reveal() resolves once the window's tree holds
 * the row, i.e. has fetched the current data; then notifications are cleared and the window gets a moment
 * to paint, since only its pixels matter for a screenshot.
 */
async function untilWindowShowsTree(api: CommunityPulseApi): Promise<void> {
  const provider = api.needsResponse;
  const { view } = provider;
  const [section] = (await provider.getChildren()) ?? [];
  const [row] = section ? ((await provider.getChildren(section)) ?? []) : [];
  assert.ok(row, 'the tree has a discussion to show');
  await view.reveal(row, { select: false, focus: false });
  await vscode.commands.executeCommand('notifications.clearAll');
  await new Promise((resolve) => setTimeout(resolve, 1000));
}

describe('Needs Response in VS Code', () => {
  let fake: FakeGitHub;
  let api: CommunityPulseApi;
  const configuration = () => vscode.workspace.getConfiguration('communityPulse');

  before(async () => {
    // The extension host is this process: the extension reads the token from here (the runner may already set it).
    process.env[TOKEN_VARIABLE] ||= 'community-pulse-test-token';
    api = await activatePulse();
  });

  // Each test starts from DATASET as written, synced: a fake GitHub of its own, at a new address, so the snapshot
  // another test synced (and the comments it added) is not reused; the repository is the workspace's git remote.
  beforeEach(async function () {
    this.timeout(60_000);
    fake = await startFakeGitHub({
      token: process.env[TOKEN_VARIABLE],
      repositories: [
        { nameWithOwner: REPOSITORY, discussions: structuredClone(DATASET) },
        { nameWithOwner: WITHOUT_DISCUSSIONS, hasDiscussionsEnabled: false, discussions: [] },
      ],
    });
    await arrangePulse(api, { apiUrl: fake.url });
    await vscode.commands.executeCommand('communityPulse.refresh');
    assert.equal(api.state, 'ready', api.problem);
  });

  afterEach(() => fake.close());

  after(() => applySettings({}));

  /** Changes a setting and waits until the views show data read with it. */
  async function setAndReload(key: string, value: unknown): Promise<void> {
    await configuration().update(key, value, vscode.ConfigurationTarget.Global);
    await api.reload();
  }

  it('syncs the repository of the git remote and lists exactly the discussions waiting on the team', async () => {
    await vscode.commands.executeCommand('communityPulse.refresh');
    assert.equal(api.state, 'ready', api.problem);
    assert.equal(api.data?.repository, REPOSITORY);
    assert.deepEqual(await shownTree(api), [
      { label: 'No response (2)', numbers: [1, 8] },
      { label: 'Author replied (1)', numbers: [2] },
      { label: 'Answer not marked (1)', numbers: [3] },
    ]);
  });

  it('shows how long each waits, who asked, the category, and why it is listed', async () => {
    const item = await findItem(api, 1);
    assert.equal(item.label, 'How do I run a hook after a nested field changes?');
    assert.equal(item.description, '#1 · 10d · @alice · Q&A');
    assert.equal(item.contextValue, 'discussion');
    assert.deepEqual(item.command?.command, 'communityPulse.openDiscussion', 'a click opens the Discussion tab (#9)');
    const tooltip = item.tooltip as vscode.MarkdownString;
    const shownText = tooltip.value.replace(/\\(.)/g, '$1');
    assert.match(shownText, /^\*\*#1 How do I run a hook after a nested field changes\?\*\*\n\nNo response since \d{4}-\d{2}-\d{2} — 10 days\./);
    assert.notEqual(tooltip.isTrusted, true, 'titles come from strangers: the tooltip must not run commands');
    assert.equal((await findItem(api, 8)).description, '#8 · 2d · @henry · General');
  });

  it('shows the total as the view badge, and the repository and last sync above the tree', () => {
    assert.deepEqual(api.needsResponse.view.badge, { value: 4, tooltip: '4 discussions need a response' });
    assert.equal(api.needsResponse.view.message, `${REPOSITORY} · synced just now`);
    assert.equal(api.statusBar.text, '$(comment-discussion) 4', 'the status bar counts the same triage');
  });

  it('is shown in the Community Pulse side bar (README screenshot)', async () => {
    await vscode.commands.executeCommand('communityPulse.needsResponse.focus');
    // Showing the view starts a background sync; wait for it so the screenshot shows settled data.
    await api.sync('incremental');
    assert.equal(api.needsResponse.view.visible, true);
    // Wide enough for the descriptions: resize the side bar (the focused part) after focusing the view again.
    await vscode.commands.executeCommand('communityPulse.needsResponse.focus');
    for (let step = 0; step < 4; step++) await vscode.commands.executeCommand('workbench.action.increaseViewSize');
    await untilWindowShowsTree(api);
    await takeScreenshot('needs-response');
  });

  it('moves discussions when new comments arrive, with an incremental sync', async () => {
    fake.addComment(REPOSITORY, 1, { author: 'carol' }); // answered: leaves the list (the reply is fresh)
    fake.addComment(REPOSITORY, 3, { author: 'dave' }); // the author answered back: now waiting on the team
    fake.resetStats();
    await vscode.commands.executeCommand('communityPulse.refresh');
    assert.deepEqual(await shownTree(api), [
      { label: 'No response (1)', numbers: [8] },
      { label: 'Author replied (2)', numbers: [2, 3] },
      { label: 'Answer not marked (0)', numbers: [] },
    ]);
    assert.equal(api.needsResponse.view.badge?.value, 3);
    assert.ok(fake.stats().graphqlRequests <= 2, `an incremental sync of 2 changes took ${fake.stats().graphqlRequests} requests`);
  });

  it('asks to sign in when there is no token, and keeps showing the stored discussions', async () => {
    const token = process.env[TOKEN_VARIABLE];
    delete process.env[TOKEN_VARIABLE];
    try {
      await api.reload();
      assert.equal(api.state, 'signedOut');
      assert.match(api.needsResponse.view.message ?? '', /^Signed out/);
      assert.equal(api.needsResponse.view.badge?.value, 4, 'stored data stays visible');
    } finally {
      process.env[TOKEN_VARIABLE] = token;
    }
    await api.reload();
    assert.equal(api.state, 'ready');
    assert.equal(api.problem, undefined);
  });

  it('keeps the stored discussions when GitHub rejects the token, and says which token to replace', async () => {
    const token = process.env[TOKEN_VARIABLE];
    process.env[TOKEN_VARIABLE] = 'a-revoked-token';
    try {
      await vscode.commands.executeCommand('communityPulse.refresh');
      assert.equal(api.state, 'signedOut');
      assert.match(api.needsResponse.view.message ?? '', /401.*the one from the COMMUNITY_PULSE_TOKEN environment variable/s);
      assert.ok(!(api.needsResponse.view.message ?? '').includes('a-revoked-token'), 'the token itself is never shown');
      assert.equal(api.needsResponse.view.badge?.value, 4, 'stored data stays visible');
    } finally {
      process.env[TOKEN_VARIABLE] = token;
    }
    await vscode.commands.executeCommand('communityPulse.refresh');
    assert.equal(api.state, 'ready', api.problem);
    assert.equal(api.needsResponse.view.message, `${REPOSITORY} · synced just now`);
  });

  it('shows the community as it stood at communityPulse.asOf, waiting times counted to then, and says "as of" everywhere', async () => {
    // Midnight UTC four to five days ago: #2's author replied, #1 and #3 got comments and #4 and #8 were opened after it.
    const asOf = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()) - 4 * DAY;
    const date = new Date(asOf).toISOString().slice(0, 10);
    await setAndReload('asOf', date);
    try {
      assert.equal(api.data?.now, asOf, 'the data is judged at the as-of moment');
      assert.deepEqual(await shownTree(api), [
        { label: 'No response (1)', numbers: [1] },
        { label: 'Author replied (0)', numbers: [] },
        { label: 'Answer not marked (1)', numbers: [3] },
      ]);
      const createdOne = Date.parse(DATASET[0]!.createdAt);
      const item = await findItem(api, 1);
      assert.equal(item.description, `#1 · ${formatDuration(asOf - createdOne)} · @alice · Q&A`, 'waited until the as-of moment, not until now');
      assert.match(
        (item.tooltip as vscode.MarkdownString).value.replace(/\\(.)/g, '$1'),
        new RegExp(`Waiting time counted to ${date} \\(the communityPulse\\.asOf setting\\), not to now\\.`),
      );
      assert.match(api.needsResponse.view.message ?? '', new RegExp(`^${REPOSITORY} · as of ${date} · synced (just now|\\d+ min ago)$`));
      assert.deepEqual(api.needsResponse.view.badge, { value: 2, tooltip: `2 discussions needed a response as of ${date}` });
      assert.equal(api.statusBar.text, `$(comment-discussion) 2 · as of ${date}`);
      assert.match(
        String(api.statusBar.tooltip),
        new RegExp(`2 discussions needed a response as of ${date} \\(the communityPulse\\.asOf setting; not live data\\)`),
      );
    } finally {
      await setAndReload('asOf', undefined);
    }
    assert.deepEqual(await shownTree(api), [
      { label: 'No response (2)', numbers: [1, 8] },
      { label: 'Author replied (1)', numbers: [2] },
      { label: 'Answer not marked (1)', numbers: [3] },
    ]);
    assert.match(api.needsResponse.view.message ?? '', new RegExp(`^${REPOSITORY} · synced (just now|\\d+ min ago)$`), 'live again: no "as of"');
    assert.equal(api.statusBar.text, '$(comment-discussion) 4');
  });

  it('says so when the repository does not have Discussions enabled', async () => {
    await configuration().update('repository', WITHOUT_DISCUSSIONS, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('communityPulse.refresh');
    assert.equal(api.state, 'noDiscussions', api.problem);
    assert.match(api.problem ?? '', /GitHub Discussions are not enabled for acme\/no-discussions/);
    assert.deepEqual(await shownTree(api), [], 'an empty tree lets the welcome text say what to do');
    assert.equal(api.needsResponse.view.message, undefined, 'VS Code hides the welcome text while the view has a message');
    assert.equal(api.needsResponse.view.badge, undefined);
  });
});
