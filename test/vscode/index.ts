/**
 * The mocha runner inside the VS Code extension host: VS Code loads this module as `extensionTestsPath`, awaits
 * run(), and ends the session with exit code 0 if it resolves, 1 if it rejects. Both test runners use it unchanged:
 * scripts/run-vscode-tests.mjs (code-server in headless Chromium, `npm test`) and scripts/test-electron.mjs
 * (@vscode/test-electron, `npm run test:electron`).
 *
 * It runs every suite esbuild bundled from test/vscode/suite/**\/*.test.ts to dist/test/vscode/suite/ with mocha's
 * BDD interface (`describe`/`it`, globals as in the unit tests). Each suite is its own bundle, so suites share no
 * module state: a suite starts what it needs (e.g. the fake GitHub) in its own `before` hook. `npm run bench` runs
 * the measurements in test/vscode/bench/ the same way.
 *
 * Environment (names in runner-protocol.json; the extension host inherits the runner's environment):
 * - COMMUNITY_PULSE_TEST_RESULTS: file that receives `{ passed, failed, skipped, failures: [{ title, error }] }`
 *   (see summaryReporter.ts).
 * - COMMUNITY_PULSE_TEST_GREP: run only tests whose full title matches this regular expression.
 * - COMMUNITY_PULSE_TEST_SUITES: `suite` (the default, the tests) or `bench` (the measurements).
 * - COMMUNITY_PULSE_TEST_USER_DATA_DIR: the VS Code profile's folder, for a suite that prepares stored data.
 * Reporter lines are logged with runner-protocol.json's logPrefix, which tells the code-server runner which of
 * VS Code's log messages to show.
 */
import Mocha from 'mocha';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import protocol from './runner-protocol.json';
import SummaryReporter from './summaryReporter';

const SUITE_FOLDERS = ['suite', 'bench'] as const;

function suitesFolder(): string {
  const chosen = process.env[protocol.env.suites] ?? 'suite';
  const folder = SUITE_FOLDERS.find((name) => name === chosen);
  if (!folder) throw new Error(`${protocol.env.suites}=${chosen}: expected one of ${SUITE_FOLDERS.join(', ')}`);
  return path.join(__dirname, folder);
}

function findSuiteFiles(): string[] {
  const suitesDir = suitesFolder();
  const files = fs.existsSync(suitesDir) ? fs.readdirSync(suitesDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.test.js')) : [];
  if (files.length === 0) {
    throw new Error(
      `No VS Code suites in ${suitesDir}: esbuild.mjs bundles test/vscode/${path.basename(suitesDir)}/**/*.test.ts there (run \`npm run build\`)`,
    );
  }
  return files.sort().map((file) => path.join(suitesDir, file));
}

async function runSuites(): Promise<number> {
  const grep = process.env[protocol.env.grep];
  const resultsFile = process.env[protocol.env.resultsFile];
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 30_000,
    // In CI a forgotten `.only` must fail the run rather than silently skip every other test.
    forbidOnly: Boolean(process.env['CI']),
    reporter: resultsFile ? SummaryReporter : 'spec',
    reporterOptions: { summary: resultsFile },
    ...(grep ? { grep } : {}),
  });
  for (const file of findSuiteFiles()) mocha.addFile(file);
  return new Promise<number>((resolve) => mocha.run(resolve));
}

export async function run(): Promise<void> {
  const log = (...data: unknown[]) => console.log(protocol.logPrefix + format(...data));
  Mocha.reporters.Base.consoleLog = log;
  let failures: number;
  try {
    failures = await runSuites();
  } catch (error) {
    // A suite that throws while loading ends up here; say so where the runner shows it.
    log('The VS Code suites could not run: %s', error instanceof Error ? (error.stack ?? error.message) : error);
    throw error;
  }
  if (failures > 0) throw new Error(`${failures} VS Code test(s) failed`);
}
