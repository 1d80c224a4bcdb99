import * as assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import * as vscode from 'vscode';
import type { CommunityPulseApi } from '../../../src/api';
import { generateCommunity, type GeneratedDiscussion } from '../../fake-github/generator';
import { startFakeGitHub, type FakeGitHub, type FakeGitHubOptions } from '../../fake-github/server';
import { activatePulse, applySettings } from '../../support/vscodeTestState';
import { takeScreenshot } from '../screenshot';

/**
 * A first sync that runs out of GitHub's hourly budget, as a user sees it in VS Code: the progress notification
 * says the estimate, then pauses with a countdown, and the sync completes by itself after the reset with the same
 * Needs Response rows and data as a sync that never paused. (Cancel during a pause is tested at the sync's level,
 * test/unit/sync/budgetPause.test.ts: a VS Code test of it passed alone but timed out in the whole run.)
 */

const REPOSITORY = 'acme/budget';
const DISCUSSIONS = 300;
const HOUR = 3_600_000;
/** A page of 100 discussions costs 8 points: 20 points an hour run out after two pages, and the next hour's cover the rest. */
const POINTS_PER_HOUR = 20;
/** How far after the first query the fake's hourly window resets: long enough to see and photograph the pause. */
const RESET_AFTER_MS = 10_000;

interface Shown {
  readonly rows: readonly string[];
  readonly discussions: number;
  readonly posts: number;
}

/** The Needs Response tree as listed (section labels, then each row's title and description) and the data's counts. */
function shownNow(api: CommunityPulseApi): Shown {
  const tree = api.needsResponse;
  const rows = tree.getChildren().flatMap((section) => [
    String(tree.getTreeItem(section).label),
    ...tree.getChildren(section).map((node) => {
      const item = tree.getTreeItem(node);
      return `  ${String(item.label)} ${String(item.description)}`;
    }),
  ]);
  const discussions = api.data?.community.discussions ?? [];
  return { rows, discussions: discussions.length, posts: discussions.reduce((sum, discussion) => sum + discussion.posts.length, 0) };
}

/** Every progress message shown from now on, in order. */
function recordProgress(api: CommunityPulseApi): { readonly seen: string[] } & vscode.Disposable {
  const seen: string[] = [];
  const subscription = api.onDidChangeSyncProgress(() => {
    const message = api.syncProgress?.message;
    if (message !== undefined && seen.at(-1) !== message) seen.push(message);
  });
  return { seen, dispose: () => subscription.dispose() };
}

/** Resolves with the first progress message from now on that matches `pattern`. */
function untilProgressShows(api: CommunityPulseApi, pattern: RegExp): Promise<string> {
  return new Promise((resolve) => {
    const subscription = api.onDidChangeSyncProgress(() => {
      const message = api.syncProgress?.message;
      if (message === undefined || !pattern.test(message)) return;
      subscription.dispose();
      resolve(message);
    });
  });
}

describe('GitHub’s hourly budget in VS Code', function () {
  this.timeout(90_000);
  let api: CommunityPulseApi;
  let served: GeneratedDiscussion[];
  let unpaused: Shown;
  let firstSyncRequests: number;
  const fakes: FakeGitHub[] = [];
  const fakeGitHub = async (options: Partial<FakeGitHubOptions> = {}): Promise<FakeGitHub> => {
    const fake = await startFakeGitHub({
      token: process.env['COMMUNITY_PULSE_TOKEN'],
      repositories: [{ nameWithOwner: REPOSITORY, discussions: structuredClone(served) }],
      ...options,
    });
    fakes.push(fake);
    return fake;
  };
  /** Points the extension at `fake`, where nothing is stored yet (a new address is a new API). */
  const target = async (fake: FakeGitHub): Promise<void> => {
    await applySettings({ apiUrl: fake.url, repository: REPOSITORY });
    await api.reload();
  };

  before(async () => {
    process.env['COMMUNITY_PULSE_TOKEN'] ||= 'community-pulse-test-token';
    served = generateCommunity({ seed: 11, discussions: DISCUSSIONS, now: new Date().toISOString(), repository: REPOSITORY, spanDays: 120 }).discussions;
    api = await activatePulse();
    // The figures of the same community synced without a pause.
    const fake = await fakeGitHub();
    await target(fake);
    await vscode.commands.executeCommand('communityPulse.refresh');
    assert.equal(api.state, 'ready', api.problem);
    unpaused = shownNow(api);
    firstSyncRequests = fake.stats().graphqlRequests;
    assert.equal(unpaused.discussions, DISCUSSIONS);
    assert.ok(unpaused.rows.length > 3, 'some discussions wait on the team');
  });

  // A test that fails during a pause must not leave the sync paused for the next suites: it would hold the queue.
  afterEach(async () => {
    api.syncProgress?.cancel();
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
  });

  after(async () => {
    await applySettings({});
    await Promise.all(fakes.map((fake) => fake.close()));
  });

  it('shows the pause with its countdown in the progress notification, and completes by itself after the reset', async () => {
    // The fake's hourly window opens with the first query and, by this clock, ends RESET_AFTER_MS later; the test
    // moves the clock an hour on during the pause, as time would, so the fake's budget is whole again at the reset.
    let clockOffset = -(HOUR - RESET_AFTER_MS);
    const fake = await fakeGitHub({ pointsPerHour: POINTS_PER_HOUR, enforceRateLimit: true, budgetClock: () => Date.now() + clockOffset });
    await target(fake);
    const { seen, dispose } = recordProgress(api);
    const paused = untilProgressShows(api, /^paused until/);
    const syncing = vscode.commands.executeCommand('communityPulse.refresh');

    const pause = await paused;
    // A settings change during the pause shows at once, on what the sync kept so far, not when the sync ends.
    const login = served.map((discussion) => discussion.author?.login).find((each) => each !== undefined)!;
    await applySettings({ apiUrl: fake.url, repository: REPOSITORY, maintainers: [login] });
    const reloaded = await Promise.race([api.reload().then(() => 'reloaded'), delay(10_000).then(() => 'waited behind the paused sync')]);
    assert.equal(reloaded, 'reloaded');
    assert.deepEqual(api.data?.settings.maintainers, [login], 'the views show the new maintainer');
    assert.equal(api.data?.partial?.stored, 200, 'on the 200 discussions synced before the pause');
    await applySettings({ apiUrl: fake.url, repository: REPOSITORY });
    await api.reload();
    clockOffset += HOUR;
    const estimate = seen.map((message) => /(\d+) remain until (\d\d:\d\d) — the sync will pause then and continue by itself$/.exec(message)).find(Boolean);
    assert.ok(estimate, `the estimate was shown before the pause: ${seen.join(' | ')}`);
    assert.ok(seen.some((message) => message.startsWith('about 100 points; ')));
    assert.equal(pause, `paused until ${estimate[2]}, GitHub's hourly budget is spent — 200 of 300 synced · 1 min left`);
    assert.equal(api.syncProgress?.cancellable, true, 'the notification has a Cancel button');
    // The notification is drawn by the window, after the extension host reported the message.
    await delay(1_000);
    await takeScreenshot('budget-paused');

    await syncing;
    dispose();
    const afterPause = seen.slice(seen.indexOf(pause) + 1);
    assert.ok(afterPause.length > 0, 'the progress went on after the pause');
    for (const message of afterPause) assert.doesNotMatch(message, /remain until/, 'the estimate of the spent hour is no longer shown');
    assert.equal(api.syncProgress, null);
    assert.equal(api.state, 'ready', api.problem);
    assert.deepEqual(shownNow(api), unpaused);
  });

  it('cancelled during the pause, keeps what was fetched, resumes nothing by itself, and the next Refresh continues from there', async () => {
    // The fake's hourly window by a clock the test moves an hour on after the cancel, as time would.
    let clockOffset = 0;
    const fake = await fakeGitHub({ pointsPerHour: POINTS_PER_HOUR, enforceRateLimit: true, budgetClock: () => Date.now() + clockOffset });
    // Needs Response is open, as a user has it: the new repository starts a sync by itself, and Refresh waits behind
    // it. Cancel must end both, not start the Refresh into the same spent budget to pause again for an hour. (No
    // api.reload() here: it would wait behind that sync, as every load does.)
    await vscode.commands.executeCommand('communityPulse.needsResponse.focus');
    const paused = untilProgressShows(api, /^paused until/);
    await applySettings({ apiUrl: fake.url, repository: REPOSITORY });
    const syncing = Promise.resolve(vscode.commands.executeCommand('communityPulse.refresh')).then(() => 'ended');

    assert.match(await paused, /— 200 of 300 synced · (60|61) min left$/);
    assert.equal(api.syncProgress?.cancellable, true, 'the notification has a Cancel button');
    assert.notEqual(api.budgetResumeAt, null, 'during the pause, a restarted window would continue at the reset');
    api.syncProgress?.cancel();
    const ended = await Promise.race([syncing, delay(15_000).then(() => 'still syncing')]);
    assert.equal(ended, 'ended', `Cancel ended the sync, and none started in its place: ${api.syncProgress?.message}`);
    assert.equal(api.syncProgress, null, 'the notification closed');
    assert.equal(api.state, 'ready', api.problem);
    assert.equal(api.data?.community.discussions.length, 200, 'what the pause said was synced is kept');
    assert.equal(api.budgetResumeAt, null, 'nothing continues by itself at the reset, nor after a restart');
    await takeScreenshot('budget-cancelled');

    clockOffset += HOUR;
    fake.resetStats();
    await vscode.commands.executeCommand('communityPulse.refresh');
    assert.deepEqual(shownNow(api), unpaused);
    const requests = fake.stats().graphqlRequests;
    assert.ok(requests < firstSyncRequests, `the later sync fetched only the rest: ${requests} requests, against ${firstSyncRequests} from scratch`);
  });

  it('shows a background sync’s pause as the same notification with Cancel, closed when it continues by itself after the reset', async () => {
    // The fake's hourly window ends RESET_AFTER_MS after its first query, by a clock the test moves an hour on then.
    let clockOffset = -(HOUR - RESET_AFTER_MS);
    const fake = await fakeGitHub({ pointsPerHour: POINTS_PER_HOUR, enforceRateLimit: true, budgetClock: () => Date.now() + clockOffset });
    await target(fake);
    // The first sync pauses with 200 of the 300 stored, and is cancelled: what is stored is synced again in the background.
    const firstPaused = untilProgressShows(api, /^paused until/);
    const firstSync = vscode.commands.executeCommand('communityPulse.refresh');
    await firstPaused;
    api.syncProgress?.cancel();
    await firstSync;

    const shown: { message: string | undefined; cancellable: boolean | undefined }[] = [];
    const recording = api.onDidChangeSyncProgress(() => shown.push({ message: api.syncProgress?.message, cancellable: api.syncProgress?.cancellable }));
    const paused = untilProgressShows(api, /^paused until/);
    const syncing = api.sync('incremental');
    const pause = await paused;
    assert.equal(shown[0]?.cancellable, false, 'a background sync shows only the status bar’s spinner');
    assert.match(pause, /^paused until \d\d:\d\d, GitHub's hourly budget is spent — 200 synced · 1 min left$/);
    assert.equal(api.syncProgress?.title, 'Syncing acme/budget');
    assert.equal(api.syncProgress?.cancellable, true, 'the pause is shown in a notification with a Cancel button');
    // The notification is drawn by the window, after the extension host reported the message.
    await delay(1_000);
    await takeScreenshot('budget-paused-background');

    clockOffset += HOUR;
    await syncing;
    recording.dispose();
    const continued = shown.slice(shown.map((entry) => entry.message).lastIndexOf(pause) + 1);
    assert.ok(continued.length > 0, 'the progress went on after the pause');
    assert.equal(continued[0]?.cancellable, false, `the notification closed when the sync continued: ${JSON.stringify(continued[0])}`);
    assert.equal(api.syncProgress, null);
    assert.equal(api.budgetResumeAt, null);
    assert.deepEqual(shownNow(api), unpaused);
  });
});
