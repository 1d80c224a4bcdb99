import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Page } from 'playwright-core';
import { normalizeCommunity } from '../../src/community/normalize';
import { classifyPeople } from '../../src/community/people';
import { summarizeTriage } from '../../src/viewModels/triageSummary';
import { toDashboardData } from '../../src/dashboard/dashboardData';
import { dashboardHtml } from '../../src/dashboard/html';
import { webviewShellFor } from '../../src/shared/webviewHtml';
import type { HostMessage } from '../../src/dashboard/protocol';
import { analyze } from '../../src/viewModels/analysis';
import { DEFAULT_SETTINGS } from '../../src/settings/schema';
import { generateCommunity } from '../fake-github/generator';
import type { DashboardRenderMeasurement, DashboardRenderResults } from '../vscode/bench/dashboardRender.test';
import type { BareWebviewOpening, BareWebviewResults } from '../vscode/bench/bareWebview.test';
import type { Benchmark, BenchReporter } from './reporter';
import { measureInVSCode, printMedianOpening } from './vscodeSessions';

const DISCUSSIONS = 20_000;
const KB = 1024;
const ROOT = join(__dirname, '..', '..');
/** Written by the VS Code bench suite (test/vscode/bench/dashboardRender.test.ts), relative to ROOT. */
const VSCODE_MEASUREMENT = join('test-results', 'dashboard-render.json');
/** Written by test/vscode/bench/bareWebview.test.ts. */
const EMPTY_WEBVIEW_MEASUREMENT = join('test-results', 'bare-webview.json');
const VSCODE_SESSIONS = 3;

/**
 * Issue #4: the dashboard on a synthetic 20,000-discussion community.
 * - Inside VS Code (code-server in headless Chromium, test/vscode/bench): from the "Open Dashboard" command to
 *   the webview's report that every section is drawn and painted, VS Code's creation of the webview included,
 *   split into where the time went. This is the figure the target is for.
 * - The same bundle in a bare Chromium page, with the host's analysis timed on its own: what each part costs
 *   without VS Code around it.
 */
export default {
  title: 'Dashboard (issue #4)',
  async run(report) {
    const outdir = mkdtempSync(join(tmpdir(), 'pulse-bundles-'));
    try {
      await bundleSizes(report, outdir);
      await inVSCode(report);
      await emptyWebviewInVSCode(report);
      await inBarePage(report, outdir);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  },
} satisfies Benchmark;

/** The shipped bundles: esbuild.mjs's production build, written to `outdir` so dist/ stays as the developer built it. */
async function bundleSizes(report: BenchReporter, outdir: string): Promise<void> {
  const build = spawnSync(process.execPath, ['esbuild.mjs', '--production', '--outdir', outdir], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`the production build failed (exit ${build.status}): ${build.stderr}`);
  // Issue #2 asks for under 400 KB, issue #4 under 500 KB: hold the stricter one.
  report.figure('dist/extension.js, minified', statSync(join(outdir, 'extension.js')).size / KB, 'KB', 400);
  // All of it comes inside the page (shared/webviewHtml.ts), with the style sheet.
  report.figure("the webview's code, minified (dist/webview.js)", statSync(join(outdir, 'webview.js')).size / KB, 'KB', 600);
}

async function inBarePage(report: BenchReporter, outdir: string): Promise<void> {
  const now = Date.now();
  const generated = generateCommunity({ bodies: false, seed: 4, discussions: DISCUSSIONS, now: new Date(now).toISOString(), repository: 'synthetic/bench' });
  const community = normalizeCommunity(generated.repository, generated.discussions);
  const people = classifyPeople(community);
  const input = { repository: community.repository, community, people, settings: DEFAULT_SETTINGS, lastSyncAt: now, now };

  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    // The page's CSP would refuse Playwright's own evaluated code; the page's code runs under its nonce either way.
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    const origin = 'https://dashboard.bench';
    await page.route(`${origin}/`, (route) => route.fulfill({ contentType: 'text/html', body: benchPage(outdir, origin) }));
    await page.goto(`${origin}/`);
    await page.waitForFunction(`window.posted.some((m) => m.type === 'ready')`);

    report.note(`in a bare Chromium page, the shipped webview bundle, ${DISCUSSIONS.toLocaleString('en-US')} discussions, 90-day window:`);
    const started = performance.now();
    const analysis = analyze(input, '90', now);
    const needsResponse = summarizeTriage(input);
    report.figure(
      '  analysis on the host, first run (report, both windows, chart series, triage; done when the data loads)',
      performance.now() - started,
      'ms',
    );
    const first = await show(page, { type: 'show', data: toDashboardData(analysis, needsResponse), requestedAt: Date.now() });
    report.figure('  the `show` message', first.bytes / KB, 'KB', 200);
    report.figure('  validating, drawing and painting every section, first time in the page', first.renderMs, 'ms');
    const { coreSize, core } = analysis.report.network;
    report.figure(
      `  then laying out the network picture (${core.people.length} of a core of ${coreSize.toLocaleString('en-US')})`,
      first.layoutMs ?? Number.NaN,
      'ms',
      100,
    );
    const again = await show(page, { type: 'show', data: toDashboardData(analysis, needsResponse), requestedAt: Date.now() });
    report.figure('  the same again (a window change in an open dashboard)', again.renderMs, 'ms');
    report.figure('  and its network picture', again.layoutMs ?? Number.NaN, 'ms', 100);
  } finally {
    await browser.close();
  }
}

/** The webview's page as the panel serves it (its code inside it), with a stand-in for VS Code's API that keeps what the page posts. */
function benchPage(outdir: string, origin: string): string {
  const shell = webviewShellFor('webview', outdir, origin);
  const host =
    'window.posted = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.posted.push(m), getState: () => undefined, setState: () => {} });';
  // The stand-in runs first, with the page's own nonce (the CSP admits nothing else).
  return dashboardHtml(shell).replace('<script type="module"', () => `<script nonce="${shell.nonce}">${host}</script>\n<script type="module"`);
}

/** Posts `message` to the webview page and waits for its `rendered` (or `problem`) reply. */
async function show(page: Page, message: HostMessage): Promise<{ bytes: number; elapsedMs: number; renderMs: number; layoutMs: number | null }> {
  const serialized = JSON.stringify(message);
  await page.evaluate(`window.posted.length = 0; window.postMessage(${serialized}, '*')`);
  const reply = await page.waitForFunction(`window.posted.find((m) => m.type === 'rendered' || m.type === 'problem')`, undefined, { timeout: 30_000 });
  const answer = (await reply.jsonValue()) as { type: string; elapsedMs: number; renderMs: number; layoutMs: number | null; message?: string };
  if (answer.type !== 'rendered') throw new Error(`the webview reported a problem: ${answer.message}`);
  return { bytes: Buffer.byteLength(serialized), elapsedMs: answer.elapsedMs, renderMs: answer.renderMs, layoutMs: answer.layoutMs };
}

/**
 * Runs test/vscode/bench/dashboardRender.test.ts in code-server, in `VSCODE_SESSIONS` fresh sessions: a first
 * dashboard is first only once per window, and one opening varies by a hundred milliseconds or more here, so the
 * figure is the median session's.
 */
async function inVSCode(report: BenchReporter): Promise<void> {
  const sessions = await measureInVSCode<DashboardRenderResults>({
    grep: '^Dashboard render at scale',
    resultsFile: VSCODE_MEASUREMENT,
    sessions: VSCODE_SESSIONS,
  });
  const { discussions, posts, coreSize, picturedPeople } = sessions[0]!;
  report.note(
    `inside VS Code (code-server in headless Chromium), ${discussions.toLocaleString('en-US')} discussions, ${posts.toLocaleString('en-US')} comments and replies, 90-day window, ${VSCODE_SESSIONS} sessions; a core of ${coreSize.toLocaleString('en-US')} people, ${picturedPeople} of them in the "Who knows whom" picture:`,
  );
  printOpening(
    report,
    'first dashboard of the window',
    sessions.map((session) => session.first),
  );
  printOpening(
    report,
    'closed and opened again',
    sessions.map((session) => session.reopened),
  );
  printOpening(
    report,
    'opened again while another editor was in front (the panel is kept)',
    sessions.map((session) => session.shownAgain),
  );
}

/**
 * The floor under those figures: a webview with nothing in it (test/vscode/bench/bareWebview.test.ts), opened the same
 * ways in as many fresh sessions. What it takes is VS Code's alone; the dashboard's own part is what it adds to it.
 */
async function emptyWebviewInVSCode(report: BenchReporter): Promise<void> {
  const sessions = await measureInVSCode<BareWebviewResults>({ grep: '^Empty webview', resultsFile: EMPTY_WEBVIEW_MEASUREMENT, sessions: VSCODE_SESSIONS });
  report.note(`the floor VS Code sets here: an empty webview (a line of script, no extension code), ${VSCODE_SESSIONS} sessions:`);
  printEmptyOpening(
    report,
    'first webview of the window',
    sessions.map((session) => session.first),
  );
  printEmptyOpening(
    report,
    'closed and opened again',
    sessions.map((session) => session.reopened),
  );
}

function printEmptyOpening(report: BenchReporter, label: string, openings: readonly BareWebviewOpening[]): void {
  const median = printMedianOpening(
    report,
    `  ${label}: creating the panel to its first paint, median`,
    openings,
    (opening) => opening.paintedAt - opening.requestedAt,
  );
  report.figure(`    the page starts loading, at`, median.pageStartAt - median.requestedAt, 'ms');
}

/** The median opening of the sessions, moment by moment, with the others' totals beside it. */
function printOpening(report: BenchReporter, label: string, openings: readonly DashboardRenderMeasurement[]): void {
  const median = printMedianOpening(report, `  ${label}: command to first complete render, median`, openings, (opening) => opening.elapsedMs, 500);
  const { requestedAt, timeline } = median;
  // Moments after the command, not durations: the page fetches its chunks while the main script runs.
  const since = (moment: number | null) => (moment === null || requestedAt === null ? Number.NaN : moment - requestedAt);
  const moments: [string, number | null][] = [
    ['the extension sends the data (its analysis was ready)', timeline.showSentAt],
    ['the page starts loading (VS Code has created the webview)', timeline.pageStartAt],
    ["VS Code's frame for it has arrived (after the webview's service worker started)", timeline.frameArrivedAt],
    ["the page's script starts running (it comes inside the page)", timeline.scriptStartedAt],
    ['the script is ready (zod, the protocol and the charts evaluated)', timeline.scriptReadyAt],
    ['the data arrives', timeline.showReceivedAt],
    ['the data has been checked against the protocol', timeline.validatedAt],
    ['every section is built (before layout and paint)', timeline.drawnAt],
    ['every section is drawn and painted', timeline.paintedAt],
  ];
  for (const [moment, at] of moments) {
    // A kept panel's page loaded long before this command: say so rather than print a time before it.
    if (since(at) < 0) report.note(`    ${moment}: before the command (the page was kept)`);
    else report.figure(`    ${moment}, at`, since(at), 'ms');
  }
  report.figure(`    messages sent until then`, median.sentBytes / KB, 'KB', 200);
  report.figure(`    then the network picture's force layout (d3-force, in the webview)`, median.layoutMs ?? Number.NaN, 'ms', 100);
}
