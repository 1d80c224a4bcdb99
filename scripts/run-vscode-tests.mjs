// Runs the VS Code suites (test/vscode/suite/**/*.test.ts) inside a real VS Code: code-server with this extension,
// driven by headless Chromium (see lib/vscode-session.mjs). Installs code-server into .cache/ on first use.
//
//   node scripts/run-vscode-tests.mjs [--grep REGEX] [--suites suite|bench] [--verbose] [--timeout SECONDS]
//
// builds first and ends with `N passed, N failed`; `npm test` (test-all.mjs) calls runVSCodeTests() after its own
// build. Results: test-results/vscode/ (results.json, workbench.log, code-server.log, VS Code's logs/),
// screenshots: test-results/screenshots/.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import protocol from '../test/vscode/runner-protocol.json' with { type: 'json' };
import { formatSummary, readSuiteResults } from './lib/suite-results.mjs';
import { launchVSCode, publishedLogsDir } from './lib/vscode-session.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const testsEntry = path.join(repoRoot, 'dist', 'test', 'vscode', 'index.js');

/**
 * Runs the bundled suites in code-server and returns their counts; throws if the run crashed or timed out.
 * `suites`: `suite` (the tests) or `bench` (the measurements `npm run bench` takes inside VS Code).
 * @param {{ grep?: string, suites?: 'suite' | 'bench', verbose?: boolean, timeoutMs?: number, env?: Record<string, string>, print?: (line: string) => void }} [options]
 * @returns {Promise<import('./lib/suite-results.mjs').SuiteResults>}
 */
export async function runVSCodeTests({ grep, suites = 'suite', verbose = false, timeoutMs = 15 * 60_000, env = {}, print = console.log } = {}) {
  if (!existsSync(testsEntry)) throw new Error(`${path.relative(repoRoot, testsEntry)} is missing: run \`npm run build\` first`);
  const resultsDir = mkdtempSync(path.join(os.tmpdir(), 'community-pulse-results-'));
  const resultsFile = path.join(resultsDir, 'results.json');
  const where = path.relative(repoRoot, path.join(publishedLogsDir, 'workbench.log'));
  try {
    const session = await launchVSCode({
      extensionTestsPath: testsEntry,
      env: { [protocol.env.resultsFile]: resultsFile, [protocol.env.suites]: suites, ...(grep ? { [protocol.env.grep]: grep } : {}), ...env },
      onTestOutput: print,
      verbose,
    });
    let exitCode;
    try {
      exitCode = await withTimeout(session.testsExited, timeoutMs, `did not finish within ${timeoutMs / 1000} s; see ${where}`);
    } catch (error) {
      await session.page.screenshot({ path: path.join(session.logsDir, 'when-stopped.png') }).catch(() => {});
      throw error;
    } finally {
      await session.close();
    }
    const results = readSuiteResults(resultsFile, exitCode, where);
    copyFileSync(resultsFile, path.join(publishedLogsDir, 'results.json'));
    return results;
  } finally {
    rmSync(resultsDir, { recursive: true, force: true });
  }
}

/**
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @param {string} message
 * @returns {Promise<T>}
 */
async function withTimeout(promise, ms, message) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const timedOut = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timedOut]).finally(() => clearTimeout(timer));
}

async function main() {
  const { values } = parseArgs({
    options: { grep: { type: 'string' }, suites: { type: 'string', default: 'suite' }, verbose: { type: 'boolean' }, timeout: { type: 'string' } },
  });
  const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the build failed');
  const results = await runVSCodeTests({
    grep: values.grep,
    suites: values.suites === 'bench' ? 'bench' : 'suite',
    verbose: values.verbose,
    ...(values.timeout ? { timeoutMs: Number(values.timeout) * 1000 } : {}),
  });
  console.log(formatSummary(results));
  process.exitCode = results.failed > 0 ? 1 : 0;
}

const invokedScript = process.argv[1];
if (invokedScript !== undefined && import.meta.url === pathToFileURL(invokedScript).href) {
  main().catch((error) => {
    console.error(`VS Code suites: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  });
}
