import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Page } from 'playwright-core';
import { normalizeCommunity } from '../../src/community/normalize';
import { classifyPeople } from '../../src/community/people';
import { needsResponseSnapshot } from '../../src/controller/needsResponseTriage';
import { toDashboardData } from '../../src/dashboard/dashboardData';
import type { RenderReport } from '../../src/dashboard/dashboardPanel';
import type { HostMessage } from '../../src/shared/dashboardProtocol';
import { analyze } from '../../src/views/pulseAnalysis';
import { DEFAULT_SETTINGS } from '../../src/settings/schema';
import { generateCommunity } from '../fake-github/generator';
import type { Benchmark, BenchReporter } from './reporter';

const DISCUSSIONS = 20_000;
const KB = 1024;
const ROOT = join(__dirname, '..', '..');
/** Written by the VS Code suite (test/vscode/suite/dashboard.test.ts) when it opens the dashboard for real. */
const VSCODE_MEASUREMENT = join(ROOT, 'test-results', 'dashboard-render.json');

/**
 * Issue #4: the dashboard on a synthetic 20,000-discussion community. The clock starts where the
 * "Open Dashboard" command starts (before the analysis), the message is the one the panel sends, and the
 * end is measured by the real webview bundle in headless Chromium once it has drawn and painted every
 * section (its `rendered` reply). VS Code's own cost of creating the webview is not in this figure; the
 * VS Code suite measures that path on its smaller community and its figure is printed too.
 */
export default {
  title: 'Dashboard (issue #4)',
  async run(report) {
    const outdir = mkdtempSync(join(tmpdir(), 'pulse-bundles-'));
    try {
      await bundleSizes(report, outdir);
      await firstRender(report, outdir);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
    printVSCodeMeasurement(report);
  },
} satisfies Benchmark;

/** The shipped bundles: esbuild.mjs's production build, written to `outdir` so dist/ stays as the developer built it. */
async function bundleSizes(report: BenchReporter, outdir: string): Promise<void> {
  const build = spawnSync(process.execPath, ['esbuild.mjs', '--production', '--outdir', outdir], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`the production build failed (exit ${build.status}): ${build.stderr}`);
  // Issue #2 asks for under 400 KB, issue #4 under 500 KB: hold the stricter one.
  report.figure('dist/extension.js, minified', statSync(join(outdir, 'extension.js')).size / KB, 'KB', 400);
  report.figure('dist/webview.js, minified', statSync(join(outdir, 'webview.js')).size / KB, 'KB', 600);
}

async function firstRender(report: BenchReporter, outdir: string): Promise<void> {
  const now = Date.now();
  const generated = generateCommunity({ seed: 4, discussions: DISCUSSIONS, now: new Date(now).toISOString(), repository: 'synthetic/bench' });
  const community = normalizeCommunity(generated.repository, generated.discussions);
  const people = classifyPeople(community);
  const input = { repository: community.repository, community, people, settings: DEFAULT_SETTINGS, lastSyncAt: now, now };

  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.setContent(`<!DOCTYPE html><html><head><style>${readFileSync(join(outdir, 'webview.css'), 'utf8')}</style></head><body><main id="root"></main></body></html>`);
    // Scripts as text: functions passed to the page would carry the TypeScript loader's helpers with them.
    await page.evaluate(`window.posted = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.posted.push(m), getState: () => undefined, setState: () => {} });`);
    await page.addScriptTag({ path: join(outdir, 'webview.js') });

    report.note(`${DISCUSSIONS.toLocaleString('en-US')} discussions, ${community.discussions.reduce((sum, one) => sum + one.posts.length, 0).toLocaleString('en-US')} comments and replies, 90-day window`);
    // Cold: as the command does when no view has computed the window yet — start the clock, analyse, send, wait for the reply.
    const coldAt = Date.now();
    const started = performance.now();
    const analysis = analyze(input, '90', now);
    const needsResponse = needsResponseSnapshot(input);
    report.figure('analysis on the host (report, previous window, chart series, triage)', performance.now() - started, 'ms');
    const cold = await show(page, { type: 'show', data: toDashboardData(analysis, needsResponse), requestedAt: coldAt });
    report.figure('messages sent to the webview (the `show` message)', cold.bytes / KB, 'KB', 200);
    report.figure('drawing in the webview (all sections, until painted)', cold.renderMs, 'ms');
    report.figure('command to first complete render, cold (analysis included), measured in the webview', cold.elapsedMs, 'ms', 500);
    // Warm: the usual case — the Health and People views beside it computed the window when the data arrived.
    const warm = await show(page, { type: 'show', data: toDashboardData(analysis, needsResponse), requestedAt: Date.now() });
    report.figure('command to first complete render, analysis already computed by the views', warm.elapsedMs, 'ms', 500);
  } finally {
    await browser.close();
  }
}

/** Posts `message` to the webview page and waits for its `rendered` (or `problem`) reply. */
async function show(page: Page, message: HostMessage): Promise<{ bytes: number; elapsedMs: number; renderMs: number }> {
  const serialized = JSON.stringify(message);
  await page.evaluate(`window.posted.length = 0; window.postMessage(${serialized}, '*')`);
  const reply = await page.waitForFunction(`window.posted.find((m) => m.type === 'rendered' || m.type === 'problem')`, undefined, { timeout: 30_000 });
  const answer = (await reply.jsonValue()) as { type: string; elapsedMs: number; renderMs: number; message?: string };
  if (answer.type !== 'rendered') throw new Error(`the webview reported a problem: ${answer.message}`);
  return { bytes: Buffer.byteLength(serialized), elapsedMs: answer.elapsedMs, renderMs: answer.renderMs };
}

function printVSCodeMeasurement(report: BenchReporter): void {
  if (!existsSync(VSCODE_MEASUREMENT)) {
    report.note(`(no ${VSCODE_MEASUREMENT.slice(ROOT.length + 1)}: run the VS Code suites to measure inside code-server too)`);
    return;
  }
  const measured = JSON.parse(readFileSync(VSCODE_MEASUREMENT, 'utf8')) as RenderReport & { discussions: number; sentBytes: number; measuredAt: string };
  report.note(`inside VS Code (code-server, last VS Code suite run ${measured.measuredAt}, ${measured.discussions} discussions, webview creation included):`);
  report.figure('  command to first complete render in code-server', measured.elapsedMs ?? Number.NaN, 'ms', 500);
  const { requestedAt, timeline } = measured;
  const scriptLoadedAt = timeline.scriptLoadedAt ?? timeline.pageStartAt;
  const phases: [string, number][] = [
    ['VS Code creating the webview (command to page start)', timeline.pageStartAt - (requestedAt ?? timeline.pageStartAt)],
    ['page and bundle loading', scriptLoadedAt - timeline.pageStartAt],
    ['bundle evaluation (toolkit, Plot, zod, our code)', timeline.scriptReadyAt - scriptLoadedAt],
    ['ready to data arriving (handshake, analysis if not yet computed, message)', timeline.showReceivedAt - timeline.scriptReadyAt],
    ['validating, drawing and painting every section', timeline.paintedAt - timeline.showReceivedAt],
  ];
  for (const [phase, ms] of phases) report.figure(`    ${phase}`, ms, 'ms');
  report.figure('  messages sent to the webview until the first render, in code-server', measured.sentBytes / KB, 'KB', 200);
}
