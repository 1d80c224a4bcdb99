/**
 * Typing into a webview from inside a VS Code suite, as a user does (real key events in the page):
 *
 *   await typeInWebview('#reply-write', 'Thanks!', { press: 'Control+Enter' });
 *
 * The extension host cannot reach a webview's DOM, so it asks the runner (scripts/lib/vscode-session.mjs), which
 * drives the browser: like takeScreenshot (screenshot.ts), it logs runner-protocol.json's typeRequestPrefix with a
 * JSON request and waits for `<screenshots dir>/<name>.done`. The runner fills the first element matching
 * `selector` in any frame and then presses `press` (Playwright key names). Under @vscode/test-electron, which has
 * no browser to drive, it throws: a test that needs it says so.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import protocol from './runner-protocol.json';

let requests = 0;

export async function typeInWebview(selector: string, text: string, { press, timeoutMs = 15_000 }: { press?: string; timeoutMs?: number } = {}): Promise<void> {
  await askRunner(selector, { text, press }, timeoutMs);
}

/** Presses `key` (a Playwright key name) on the first element matching `selector`, focusing it first, as a keyboard user does. */
export async function pressInWebview(selector: string, key: string, { timeoutMs = 15_000 } = {}): Promise<void> {
  await askRunner(selector, { press: key }, timeoutMs);
}

async function askRunner(selector: string, { text, press }: { text?: string; press?: string }, timeoutMs: number): Promise<void> {
  const dir = process.env[protocol.env.screenshotsDir];
  if (!dir) throw new Error('Typing into a webview needs the code-server runner (scripts/run-vscode-tests.mjs)');
  const name = `type-${process.pid}-${++requests}`;
  const done = path.join(dir, `${name}.done`);
  fs.rmSync(done, { force: true });
  console.log(protocol.typeRequestPrefix + JSON.stringify({ name, selector, text, press }));
  for (const deadline = Date.now() + timeoutMs; !fs.existsSync(done); await delay(50)) {
    if (Date.now() > deadline) throw new Error(`Typing into ${selector}: the runner did not answer within ${timeoutMs} ms`);
  }
  const answer = fs.readFileSync(done, 'utf8');
  fs.rmSync(done);
  if (answer !== 'ok') throw new Error(`Typing into ${selector}: ${answer}`);
}
