// `npm test`: everything a change has to pass, runnable on a fresh Debian machine (this is what CI runs).
// Installs what the VS Code run needs when missing (Debian packages via apt, code-server into .cache/), builds,
// typechecks, lints (ESLint with the layer rules, and Prettier), runs the unit tests and then the VS Code suites
// inside code-server, and prints as its last line `N passed, N failed` (plus `, N skipped`) over the test stages.
// Exits non-zero if a test failed or a stage errored; an errored stage (install, build, typecheck, lint, a test run
// that crashed) counts as one failure, so a run that could not test never reads as "0 failed".
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCodeServer } from './lib/code-server.mjs';
import { formatSummary, readSuiteResults } from './lib/suite-results.mjs';
import { ensureSystemPackages } from './lib/system-packages.mjs';
import { runVSCodeTests } from './run-vscode-tests.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const unitResults = path.join(repoRoot, 'test-results', 'unit', 'results.json');

/**
 * @param {string} script
 * @param {string[]} [args]
 */
function npmRun(script, args = []) {
  const result = spawnSync('npm', ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

/** @param {string} script */
function npmRunOrThrow(script) {
  const status = npmRun(script);
  if (status !== 0) throw new Error(`npm run ${script} exited with ${status}`);
}

function runUnitTests() {
  // A file of this run's own, so two runs side by side cannot read each other's counts.
  const resultsDir = mkdtempSync(path.join(os.tmpdir(), 'community-pulse-unit-'));
  const resultsFile = path.join(resultsDir, 'results.json');
  try {
    // An option and its value stay on one line.
    // prettier-ignore
    const status = npmRun('test:unit', [
      '--reporter', './test/vscode/summaryReporter.ts',
      '--reporter-option', `summary=${resultsFile}`,
      // In CI a forgotten `.only` must fail the run rather than silently skip every other test.
      ...(process.env.CI ? ['--forbid-only'] : []),
    ]);
    const results = readSuiteResults(resultsFile, status, 'the mocha output above');
    mkdirSync(path.dirname(unitResults), { recursive: true });
    copyFileSync(resultsFile, unitResults);
    return results;
  } finally {
    rmSync(resultsDir, { recursive: true, force: true });
  }
}

/**
 * One Playwright browser test script, run with tsx: its `{ passed, failed, skipped, failures }`.
 * @param {string} script
 */
function runBrowserScript(script) {
  const resultsDir = mkdtempSync(path.join(os.tmpdir(), 'community-pulse-browser-'));
  const resultsFile = path.join(resultsDir, 'results.json');
  try {
    const result = spawnSync('npx', ['tsx', script, '--results', resultsFile], { cwd: repoRoot, stdio: 'inherit' });
    if (result.error) throw result.error;
    return readSuiteResults(resultsFile, result.status ?? 1, `the browser test output above and test-results/screenshots/`);
  } finally {
    rmSync(resultsDir, { recursive: true, force: true });
  }
}

/**
 * The Playwright browser tests, counted together: the Discussion tab's page on its own (test/browser/discussionPage.ts:
 * hostile bodies, the reply flow, themes) and a user's click-through of the views and the dashboard in code-server
 * (test/browser/userJourney.ts).
 */
function runBrowserTests() {
  const results = ['test/browser/discussionPage.ts', 'test/browser/userJourney.ts'].map(runBrowserScript);
  return {
    passed: results.reduce((sum, one) => sum + one.passed, 0),
    failed: results.reduce((sum, one) => sum + one.failed, 0),
    skipped: results.reduce((sum, one) => sum + one.skipped, 0),
    failures: results.flatMap((one) => one.failures),
  };
}

/**
 * A stage either counts tests (its run returns their results) or does a job (its run returns what it did, if anything);
 * `needs` names the stages whose failure leaves it nothing to run on.
 * @typedef {{ name: string, needs?: string[] } & ({ counts: true, run: () => import('./lib/suite-results.mjs').SuiteResults | Promise<import('./lib/suite-results.mjs').SuiteResults> } | { counts?: false, run: () => string | void })} Stage
 */

/** @type {Stage[]} */
const stages = [
  {
    name: 'system packages',
    run: () => {
      const installed = ensureSystemPackages();
      return installed.length ? `installed ${installed.join(' ')}` : 'all present';
    },
  },
  { name: 'code-server', run: () => path.relative(repoRoot, ensureCodeServer()) },
  { name: 'build', run: () => npmRunOrThrow('build') },
  { name: 'typecheck', run: () => npmRunOrThrow('typecheck') },
  { name: 'lint', run: () => npmRunOrThrow('lint') },
  { name: 'unit tests', run: runUnitTests, counts: true },
  { name: 'VS Code suites', run: () => runVSCodeTests(), counts: true, needs: ['system packages', 'code-server', 'build'] },
  { name: 'browser tests', run: runBrowserTests, counts: true, needs: ['system packages', 'code-server', 'build'] },
];

const totals = { passed: 0, failed: 0, skipped: 0 };
/** @type {[stage: string, outcome: string, time: string][]} */
const report = [];
const failedStages = new Set();

for (const stage of stages) {
  const blockedBy = (stage.needs ?? []).filter((name) => failedStages.has(name));
  if (blockedBy.length) {
    failedStages.add(stage.name);
    report.push([stage.name, `not run: ${blockedBy.join(', ')} failed`, '']);
    continue;
  }
  console.log(`\n━━ ${stage.name}`);
  const started = Date.now();
  let outcome;
  try {
    if (stage.counts) {
      const result = await stage.run();
      totals.passed += result.passed;
      totals.failed += result.failed;
      totals.skipped += result.skipped;
      if (result.failed > 0) failedStages.add(stage.name);
      outcome = formatSummary(result);
    } else {
      const result = stage.run();
      outcome = typeof result === 'string' ? result : 'ok';
    }
  } catch (error) {
    totals.failed += 1;
    failedStages.add(stage.name);
    outcome = `ERROR: ${error instanceof Error ? error.message : String(error)}`;
    console.error(`${stage.name}: ${outcome}`);
  }
  report.push([stage.name, outcome, `${((Date.now() - started) / 1000).toFixed(1)} s`]);
}

const width = Math.max(...report.map(([name]) => name.length));
console.log('\n━━ summary');
for (const [name, outcome, time] of report) {
  console.log(`${name.padEnd(width)}  ${time.padStart(8)}  ${outcome.split('\n')[0]}`);
}
console.log(formatSummary(totals));
process.exitCode = failedStages.size > 0 ? 1 : 0;
