import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import type { Community } from '../../../src/community/model';
import { normalizeCommunity } from '../../../src/community/normalize';
import { classifyPeople } from '../../../src/community/people';
import { computeReport, type ReportOptions } from '../../../src/community/report';
import { HELPER_CELLS } from '../../../src/community/reportHelperProtocol';
import type { DiscussionNode } from '../../../src/github/schemas';
import { generateCommunity } from '../../fake-github/generator';

/**
 * The report's helper thread (src/community/reportHelper.ts) as it ships: the report and the thread bundled by esbuild,
 * side by side as in dist/. Run from the sources (every other test), the report computes every section itself; here
 * the bundled report hands the background sections to the thread, and must give the very same report.
 */

const ROOT = join(__dirname, '..', '..', '..');
const DAY = 86_400_000;

interface BundledReport {
  computeReport: typeof computeReport;
  startReportHelper(): Promise<boolean>;
  logReportHelperTo(log: (line: string) => void): void;
  reportHelperInUse(): boolean;
}

/** The report and its helper thread bundled into `dir`; `thread` replaces the thread's script when given. */
async function bundleInto(dir: string, thread?: string): Promise<BundledReport> {
  const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' } as const;
  await esbuild.build({
    ...common,
    stdin: {
      contents: `export { computeReport } from './src/community/report'; export { logReportHelperTo, reportHelperInUse, startReportHelper } from './src/community/reportHelper';`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    outfile: join(dir, 'report.js'),
  });
  if (thread === undefined)
    await esbuild.build({ ...common, entryPoints: [join(ROOT, 'src/community/reportHelperThread.ts')], outfile: join(dir, 'reportHelperThread.js') });
  else writeFileSync(join(dir, 'reportHelperThread.js'), thread);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle is CommonJS, made at run time
  return require(join(dir, 'report.js')) as BundledReport;
}

function realCommunity(): Community {
  const raw = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/payload-discussions.json'), 'utf8')) as { repository: string; discussions: DiscussionNode[] };
  return normalizeCommunity(raw.repository, raw.discussions);
}

function syntheticCommunity(): Community {
  const generated = generateCommunity({ bodies: false, seed: 11, discussions: 3_000, now: '2025-06-01T00:00:00Z' });
  return normalizeCommunity(generated.repository, generated.discussions);
}

/** Live, a long window, and as of a moment in the middle of the data (later posts and answers left out). */
function windowsOf(community: Community): ReportOptions[] {
  const until = community.latestActivityAt + 1;
  return [{ until }, { until, since: until - 400 * DAY }, { until: until - 120 * DAY, settings: { windowDays: 30, staleDays: 3 } }];
}

describe('the report with its helper thread (bundled)', function () {
  this.timeout(60_000);
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'pulse-helper-'));
    dirs.push(dir);
    return dir;
  };
  after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('hands the background sections to the thread and gives the same report as computing them in one thread', async () => {
    const bundled = await bundleInto(tempDir());
    assert.equal(await bundled.startReportHelper(), true, 'the helper thread started');
    for (const community of [realCommunity(), syntheticCommunity()]) {
      const people = classifyPeople(community);
      for (const options of windowsOf(community)) {
        const withHelper = bundled.computeReport(community, people, options);
        assert.ok(bundled.reportHelperInUse(), 'the bundled report found its helper thread');
        assert.deepEqual(withHelper, computeReport(community, people, options), `${community.repository}, ${JSON.stringify(options)}`);
      }
    }
  });

  it('computes the sections itself, the same, when the helper fails at a job', async () => {
    // A stand-in thread that answers every job with a failure, as the real one does when a section throws.
    const failing = `const { parentPort, workerData } = require('node:worker_threads');
      const { port, cells } = workerData;
      port.on('message', (message) => {
        if (message.type !== 'compute') return;
        port.postMessage({ type: 'failed', job: message.job, message: 'a stand-in failure' });
        Atomics.store(cells, ${HELPER_CELLS.finished}, message.job);
        Atomics.notify(cells, ${HELPER_CELLS.finished});
      });
      Atomics.store(cells, ${HELPER_CELLS.ready}, 1);
      parentPort.postMessage('ready');`;
    const bundled = await bundleInto(tempDir(), failing);
    assert.equal(await bundled.startReportHelper(), true, 'the stand-in started');
    const community = syntheticCommunity();
    const people = classifyPeople(community);
    for (const options of windowsOf(community)) assert.deepEqual(bundled.computeReport(community, people, options), computeReport(community, people, options));
  });

  it('gives up a thread that does not answer, says why, and computes the sections itself from then on', async () => {
    // A stand-in thread that takes jobs and never finishes one.
    const silent = `const { parentPort, workerData } = require('node:worker_threads');
      const { port, cells } = workerData;
      port.on('message', () => {});
      Atomics.store(cells, ${HELPER_CELLS.ready}, 1);
      parentPort.postMessage('ready');`;
    const bundled = await bundleInto(tempDir(), silent);
    const logged: string[] = [];
    bundled.logReportHelperTo((line) => logged.push(line));
    assert.equal(await bundled.startReportHelper(), true, 'the stand-in started');
    const community = syntheticCommunity();
    const people = classifyPeople(community);
    const [first, second] = windowsOf(community);
    const started = Date.now();
    assert.deepEqual(bundled.computeReport(community, people, first), computeReport(community, people, first));
    const waited = Date.now() - started;
    assert.ok(waited >= 5_000 && waited < 10_000, `the report waited its patience, 5 s, and no more: ${waited} ms`);
    assert.deepEqual(logged, [
      "The report's helper thread stopped: it had not finished a report's job within 5 s (job 1; the last it finished: 0). Reports compute every section in this thread from now on.",
    ]);
    assert.equal(bundled.reportHelperInUse(), false);
    const again = Date.now();
    assert.deepEqual(bundled.computeReport(community, people, second), computeReport(community, people, second));
    assert.ok(Date.now() - again < 5_000, 'the next report did not wait for the thread');
  });

  it('does not start the thread for a community too small to need it', async () => {
    const dir = tempDir();
    // A stand-in thread that leaves a mark when it starts.
    const marking = `require('node:fs').writeFileSync(${JSON.stringify(join(dir, 'started'))}, '');`;
    const bundled = await bundleInto(dir, marking);
    const community = syntheticCommunity();
    const people = classifyPeople(community);
    const options = windowsOf(community)[0]!;
    assert.deepEqual(bundled.computeReport(community, people, options), computeReport(community, people, options));
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(existsSync(join(dir, 'started')), false, 'no thread was started');
    assert.equal(bundled.reportHelperInUse(), false);
  });

  it('computes the sections itself when the helper thread cannot start', async () => {
    const bundled = await bundleInto(tempDir(), `throw new Error('a thread that cannot start');`);
    const community = syntheticCommunity();
    const people = classifyPeople(community);
    const options = windowsOf(community)[0]!;
    // Before the thread has failed, and after: neither report waits for it.
    assert.deepEqual(bundled.computeReport(community, people, options), computeReport(community, people, options));
    assert.equal(await bundled.startReportHelper(), false, 'no helper thread');
    assert.equal(bundled.reportHelperInUse(), false);
    assert.deepEqual(bundled.computeReport(community, people, options), computeReport(community, people, options));
  });
});
