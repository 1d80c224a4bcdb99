// `npm run test:electron`: the VS Code suites of `npm test`, unchanged, in desktop VS Code (Electron) through
// @vscode/test-electron, on machines that can download VS Code (once, into .vscode-test/). Linux without a display
// needs a virtual one: `xvfb-run -a npm run test:electron`. Set VSCODE_TEST_VERSION to test another VS Code
// (`stable`, `insiders` or a version number). Ends with `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadAndUnzipVSCode, runTests, TestRunFailedError } from '@vscode/test-electron';
import protocol from '../test/vscode/runner-protocol.json' with { type: 'json' };
import { formatSummary, readSuiteResults } from './lib/suite-results.mjs';
import { createTestWorkspace, writeUserSettings } from './lib/test-environment.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
// The VS Code inside code-server 4.100.3, which `npm test` uses, and the oldest that engines.vscode accepts.
const vscodeVersion = process.env.VSCODE_TEST_VERSION || '1.100.3';
const resultsFile = path.join(repoRoot, 'test-results', 'electron', 'results.json');

async function downloadVSCode() {
  try {
    return await downloadAndUnzipVSCode({ version: vscodeVersion, cachePath: path.join(repoRoot, '.vscode-test') });
  } catch (error) {
    throw new Error(
      `could not download VS Code ${vscodeVersion} (${error instanceof Error ? error.message : error}). ` +
        'test:electron downloads VS Code once into .vscode-test/ and needs internet access for that; ' +
        'offline, `npm test` runs the same suites inside code-server.',
      { cause: error },
    );
  }
}

/**
 * @param {string} vscodeExecutablePath
 * @param {string} tempRoot
 */
async function runSuites(vscodeExecutablePath, tempRoot) {
  const userDataDir = path.join(tempRoot, 'user-data');
  writeUserSettings(userDataDir);
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(repoRoot, 'dist', 'test', 'vscode', 'index.js'),
      extensionTestsEnv: { [protocol.env.resultsFile]: resultsFile },
      // An option and its value stay on one line.
      // prettier-ignore
      launchArgs: [
        createTestWorkspace(path.join(tempRoot, 'workspace')),
        '--user-data-dir', userDataDir,
        '--extensions-dir', path.join(tempRoot, 'extensions'),
      ],
    });
    return 0;
  } catch (error) {
    if (error instanceof TestRunFailedError) return error.code ?? 1;
    throw error;
  }
}

async function main() {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    throw new Error('no display for VS Code: run it under a virtual one, `xvfb-run -a npm run test:electron` (Debian package xvfb)');
  }
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the build failed');
  const vscodeExecutablePath = await downloadVSCode();

  rmSync(resultsFile, { force: true });
  const tempRoot = mkdtempSync(path.join(os.tmpdir(), 'community-pulse-electron-'));
  try {
    const exitCode = await runSuites(vscodeExecutablePath, tempRoot);
    const results = readSuiteResults(resultsFile, exitCode, 'the output above');
    console.log(formatSummary(results));
    process.exitCode = results.failed > 0 ? 1 : 0;
  } finally {
    rmSync(tempRoot, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`test:electron: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
});
