// A real VS Code for tests and UI automation: code-server with the extension under development, opened in
// headless Debian Chromium through playwright-core. run-vscode-tests.mjs runs the extension-host suites with it;
// Playwright-driven UI tests can call launchVSCode() themselves and drive `page` (webviews are in page.frames()).
//
// The workbench reports to the page through two functions it looks up on `window`:
//   codeAutomationLog(level, args)  every workbench log message, including the extension host's console output
//   codeAutomationExit(code, logs)  once the extension tests' run() settled (0 = resolved), with VS Code's log files
// Everything logged is written to workbench.log (copied to publishLogsTo when the session closes); lines the mocha
// runner in the extension host marks with runner-protocol.json's logPrefix are shown live, and screenshot and
// typing requests (see test/vscode/screenshot.ts and test/vscode/typeInWebview.ts) are answered here.
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';
import { chromium } from 'playwright-core';
import protocol from '../../test/vscode/runner-protocol.json' with { type: 'json' };
import { ensureCodeServer, startCodeServer } from './code-server.mjs';
import { createTestWorkspace, writeUserSettings } from './test-environment.mjs';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
/** test-results/: logs, results and screenshots of test runs (git-ignored). */
export const testResultsDir = path.join(repoRoot, 'test-results');
/** Where a session's logs end up by default: code-server.log, workbench.log and VS Code's own logs/. */
export const publishedLogsDir = path.join(testResultsDir, 'vscode');
const screenshotsDir = path.join(testResultsDir, 'screenshots');
const stopSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const chromiumPath = '/usr/bin/chromium';
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const screenshotName = /^[a-z0-9][a-z0-9-]*$/;

/** @param {unknown} args what the workbench logged: one value or a list */
function describeArgs(args) {
  return (Array.isArray(args) ? args : [args]).map((arg) => (typeof arg === 'string' ? arg : inspect(arg))).join(' ');
}

/**
 * @param {unknown} logs VS Code's log files as the test run handed them over: `{ relativePath, contents }[]`
 * @param {string} dir
 */
function saveVSCodeLogs(logs, dir) {
  for (const { relativePath, contents } of Array.isArray(logs) ? logs : []) {
    const file = path.join(dir, relativePath);
    if (!file.startsWith(dir + path.sep)) continue;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, contents);
  }
}

/**
 * @param {import('playwright-core').Page} page
 * @param {string} name
 */
async function answerScreenshotRequest(page, name) {
  const done = path.join(screenshotsDir, `${name}.done`);
  if (!screenshotName.test(name)) {
    writeFileSync(done, `invalid screenshot name ${JSON.stringify(name)}: use lowercase letters, digits and dashes`);
    return;
  }
  try {
    const partial = path.join(screenshotsDir, `${name}.partial.png`);
    await page.screenshot({ path: partial });
    renameSync(partial, path.join(screenshotsDir, `${name}.png`));
    writeFileSync(done, 'ok');
  } catch (error) {
    writeFileSync(done, `screenshot failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Types into a webview as a user does: fills the first element matching `selector` in any frame (webviews are
 * nested frames of the page), then presses `press` there; without `text`, it only presses `press` there (focusing
 * the element first, as Playwright does). Answers like a screenshot request, in `<name>.done`.
 * @param {import('playwright-core').Page} page
 * @param {string} request JSON: `{ name, selector, text?, press? }`
 */
async function answerTypeRequest(page, request) {
  /** @type {{ name?: unknown, selector?: unknown, text?: unknown, press?: unknown }} */
  const { name, selector, text, press } = JSON.parse(request);
  if (typeof name !== 'string' || !screenshotName.test(name)) return;
  const done = path.join(screenshotsDir, `${name}.done`);
  try {
    if (typeof selector !== 'string' || (typeof text !== 'string' && typeof press !== 'string')) throw new Error('expected { name, selector, text?, press? }');
    const frames = await Promise.all(page.frames().map(async (frame) => ((await frame.locator(selector).count()) > 0 ? frame : null)));
    const frame = frames.find((found) => found !== null);
    if (!frame) throw new Error(`no frame shows ${selector}`);
    const target = frame.locator(selector).first();
    if (typeof text === 'string') await target.fill(text);
    if (typeof press === 'string') await target.press(press);
    writeFileSync(done, 'ok');
  } catch (error) {
    writeFileSync(done, `typing failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Starts code-server and opens VS Code in headless Chromium.
 * @param {object} options
 * @param {string} [options.extensionDevelopmentPath] the extension to load (default: this repository)
 * @param {string} [options.extensionTestsPath] a module exporting run(); VS Code runs it and reports through testsExited
 * @param {string} [options.workspaceFolder] the folder to open (default: a fresh git repository, see test-environment.mjs)
 * @param {Record<string, string>} [options.env] added to the environment of code-server and the extension host
 * @param {Record<string, unknown>} [options.settings] user settings on top of test-environment.mjs's quiet defaults
 * @param {(line: string) => void} [options.onTestOutput] receives the mocha runner's output lines
 * @param {boolean} [options.verbose] also pass every other workbench log message to onTestOutput
 * @param {{ width: number, height: number }} [options.viewport] the VS Code window size (screenshots have this size)
 * @param {string} [options.publishLogsTo] where close() puts the logs (default test-results/vscode/; replaced)
 * @returns the Playwright `page` and `browser`, the `url` opened, the `workspaceFolder`, `logsDir` (this run's logs
 *   until close() copies them to publishLogsTo), `testsExited` (resolves with the exit code of the extension
 *   tests' run()), and `close()`, which stops everything and must be awaited.
 */
export async function launchVSCode({
  extensionDevelopmentPath = repoRoot,
  extensionTestsPath,
  workspaceFolder,
  env = {},
  settings = {},
  onTestOutput = (line) => console.log(line),
  verbose = false,
  viewport = { width: 1280, height: 800 },
  publishLogsTo = publishedLogsDir,
} = {}) {
  const entry = ensureCodeServer();
  const tempRoot = mkdtempSync(path.join(os.tmpdir(), 'community-pulse-vscode-'));
  // Logs go to this run's own folder and are copied to publishLogsTo at the end, so runs side by side (two
  // terminals, two engineers) do not delete each other's files.
  const logsDir = path.join(tempRoot, 'logs');
  mkdirSync(logsDir);
  mkdirSync(screenshotsDir, { recursive: true });
  const userDataDir = path.join(tempRoot, 'user-data');
  writeUserSettings(userDataDir, settings);
  const folder = workspaceFolder ?? createTestWorkspace(path.join(tempRoot, 'workspace'));

  const cleanups = [
    () => rmSync(tempRoot, { recursive: true, force: true }),
    () => {
      rmSync(publishLogsTo, { recursive: true, force: true });
      // The server's own logs too: the extension host's, with each extension's output channel (what the extension said).
      const serverLogs = path.join(userDataDir, 'logs');
      if (existsSync(serverLogs)) cpSync(serverLogs, path.join(logsDir, 'server'), { recursive: true });
      cpSync(logsDir, publishLogsTo, { recursive: true });
    },
  ];
  const stopOnSignal = (/** @type {NodeJS.Signals} */ signal) => close().finally(() => process.kill(process.pid, signal));
  const close = async () => {
    for (const signal of stopSignals) process.off(signal, stopOnSignal);
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  };
  // Playwright's own signal handling would close Chromium but leave code-server and this process running.
  for (const signal of stopSignals) process.once(signal, stopOnSignal);

  try {
    const server = await startCodeServer({
      entry,
      userDataDir,
      extensionsDir: path.join(tempRoot, 'extensions'),
      configFile: path.join(tempRoot, 'config.yaml'),
      dataHome: path.join(tempRoot, 'data'),
      logFile: path.join(logsDir, 'code-server.log'),
      env: { [protocol.env.screenshotsDir]: screenshotsDir, [protocol.env.userDataDir]: userDataDir, ...env },
    });
    cleanups.push(server.stop);

    const workbenchLog = createWriteStream(path.join(logsDir, 'workbench.log'));
    cleanups.push(() => new Promise((resolve) => workbenchLog.end(resolve)));
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: chromiumArgs,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    cleanups.push(() => browser.close());
    const page = await browser.newPage({ viewport });
    let screenshots = Promise.resolve();
    await page.exposeFunction('codeAutomationLog', (/** @type {string} */ level, /** @type {unknown} */ args) => {
      const message = describeArgs(args);
      workbenchLog.write(`[${level}] ${message}\n`);
      if (message.startsWith(protocol.screenshotRequestPrefix)) {
        const name = message.slice(protocol.screenshotRequestPrefix.length).trim();
        screenshots = screenshots.then(() => answerScreenshotRequest(page, name));
      } else if (message.startsWith(protocol.typeRequestPrefix)) {
        const request = message.slice(protocol.typeRequestPrefix.length).trim();
        screenshots = screenshots.then(() => answerTypeRequest(page, request).catch(() => {}));
      } else if (message.startsWith(protocol.logPrefix)) {
        onTestOutput(message.slice(protocol.logPrefix.length));
      } else if (verbose) {
        onTestOutput(`[vscode ${level}] ${message}`);
      }
    });

    /** @type {(code: number) => void} */
    let testsExitedWith;
    /** @type {(error: Error) => void} */
    let pageCrashed;
    const testsExited = new Promise((resolve, reject) => {
      testsExitedWith = resolve;
      pageCrashed = reject;
    });
    await page.exposeFunction('codeAutomationExit', (/** @type {number} */ code, /** @type {unknown} */ logs) => {
      saveVSCodeLogs(logs, path.join(logsDir, 'logs'));
      testsExitedWith(code);
    });
    page.on('crash', () => pageCrashed(new Error('The VS Code page crashed in Chromium')));
    // Only a caller that passed extensionTestsPath waits on this; nobody else should see an unhandled rejection.
    testsExited.catch(() => {});
    page.on('pageerror', (error) => workbenchLog.write(`[pageerror] ${error.stack ?? error.message}\n`));

    const authority = new URL(server.url).host;
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${authority}${extensionDevelopmentPath}`],
      ...(extensionTestsPath ? [['extensionTestsPath', `vscode-remote://${authority}${extensionTestsPath}`]] : []),
      ['skipWelcome', 'true'],
    ];
    const url = `${server.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url);

    return { page, browser, url, workspaceFolder: folder, logsDir, testsExited, close };
  } catch (error) {
    await close();
    throw error;
  }
}
