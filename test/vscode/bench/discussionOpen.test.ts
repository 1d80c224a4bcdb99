import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { BENCH_REPOSITORY, benchExtension, EXTENSION_ID, type BenchExtension } from './benchExtension';
import type { CommunityPulseApi } from '../../../src/api';
import type { DiscussionRenderReport } from '../../../src/discussionView/discussionPanel';
import { generateCommunity, generateLongThread, type GeneratedDiscussion } from '../../fake-github/generator';

/**
 * `npm run bench` inside VS Code (code-server in headless Chromium), issue #9: a 300-post thread with Markdown
 * bodies opened as a Needs Response click opens it (the `communityPulse.openDiscussion` command), until the page
 * reports the whole thread painted — VS Code's creation of the webview and the fetch of every page of the thread
 * from the fake GitHub included. Then a second 300-post thread in the same window. test/bench/discussion.bench.ts
 * prints what this writes to test-results/discussion-open.json.
 */

const DISCUSSIONS = 400;
const THREAD_POSTS = 300;
const RESULTS_FILE = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'test-results', 'discussion-open.json');

/** One opening of a Discussion tab, as the bench prints it. */
export interface DiscussionOpenMeasurement extends DiscussionRenderReport {
  readonly number: number;
  /** Comments and replies of the thread drawn. */
  readonly posts: number;
}

export interface DiscussionOpenResults {
  readonly measuredAt: string;
  /** The first Discussion tab of the window. */
  readonly first: DiscussionOpenMeasurement;
  /** Another 300-post thread, opened next in the same window. */
  readonly second: DiscussionOpenMeasurement;
}

/** The community with two 300-post threads: the generator's own long thread and another in place of a later one. */
function benchCommunity(now: string): { discussions: GeneratedDiscussion[]; threads: [number, number] } {
  const community = generateCommunity({ seed: 9, discussions: DISCUSSIONS, now, repository: BENCH_REPOSITORY, longThreadPosts: THREAD_POSTS });
  const postsOf = (discussion: GeneratedDiscussion) => discussion.comments.nodes.reduce((sum, comment) => sum + 1 + comment.replies.nodes.length, 0);
  const first = community.discussions.find((discussion) => postsOf(discussion) === THREAD_POSTS);
  assert.ok(first, `the generator made a ${THREAD_POSTS}-post thread`);
  const secondNumber = first.number === DISCUSSIONS ? DISCUSSIONS - 1 : DISCUSSIONS;
  const second = generateLongThread({ seed: 10, posts: THREAD_POSTS, now, repository: BENCH_REPOSITORY, number: secondNumber });
  const discussions = community.discussions.map((discussion) => (discussion.number === secondNumber ? second : discussion));
  return { discussions, threads: [first.number, secondNumber] };
}

describe('Discussion open at size', () => {
  let bench: BenchExtension;
  let api: CommunityPulseApi;
  let threads: [number, number];

  before(async function () {
    this.timeout(300_000);
    const community = benchCommunity(new Date().toISOString());
    threads = community.threads;
    bench = await benchExtension(community.discussions);
    api = bench.api;
    await vscode.commands.executeCommand('communityPulse.refresh');
    assert.equal(api.state, 'ready', api.problem);
    assert.equal(api.data?.community.discussions.length, DISCUSSIONS, 'the extension read the stored discussions');
  });

  after(async () => {
    for (const tab of api?.discussions.tabs ?? []) tab.dispose();
    await bench?.close();
  });

  /** Runs the command a Needs Response click runs and waits for the page's report of the thread painted. */
  async function openDiscussion(number: number): Promise<DiscussionOpenMeasurement> {
    const opened = api.discussions.tabs.length;
    await vscode.commands.executeCommand('communityPulse.openDiscussion', { number });
    const tab = api.discussions.tabs[opened];
    assert.equal(tab?.number, number, `the command opened a tab for #${number}`);
    const render = await tab.nextRender();
    const summary = await tab.inspect();
    // The opening post, then every comment and reply: the whole thread, not a first page of it.
    assert.equal(summary.posts.length, THREAD_POSTS + 1, `#${number} shows every post`);
    return { ...render, number, posts: summary.posts.length - 1 };
  }

  it(`measures the command to the painted thread of ${THREAD_POSTS} posts, twice`, async function () {
    this.timeout(120_000);
    const first = await openDiscussion(threads[0]);
    const second = await openDiscussion(threads[1]);
    const results: DiscussionOpenResults = { measuredAt: new Date().toISOString(), first, second };
    fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
    fs.writeFileSync(RESULTS_FILE, JSON.stringify(results, null, 2));
  });
});
