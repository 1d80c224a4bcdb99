/**
 * Screenshots of the whole VS Code window, requested from inside a VS Code suite:
 *
 *   await takeScreenshot('needs-response');   // -> test-results/screenshots/needs-response.png
 *
 * Contract with the runner (scripts/lib/vscode-session.mjs answers it):
 * 1. The runner puts an absolute folder in COMMUNITY_PULSE_SCREENSHOTS_DIR (the extension host inherits it).
 *    Without it — under @vscode/test-electron there is no browser to capture — takeScreenshot logs that it skipped
 *    and returns.
 * 2. The helper deletes `<dir>/<name>.png` and `<dir>/<name>.done` left from earlier runs, then logs
 *    `[vscode-test:screenshot] <name>` (runner-protocol.json's screenshotRequestPrefix) with console.log.
 * 3. The runner sees the line through the workbench log, saves the window to `<dir>/<name>.png` (written to a
 *    temporary file and renamed) and then writes `<dir>/<name>.done` containing `ok` or what went wrong.
 * 4. The helper waits for the .done file (up to `timeoutMs`), deletes it, and throws unless it says `ok`.
 * Names are lowercase letters, digits and dashes. Take the screenshot once the view shows what it should: the
 * runner captures whatever is on screen when the request arrives.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import protocol from './runner-protocol.json';

const validName = /^[a-z0-9][a-z0-9-]*$/;

export async function takeScreenshot(name: string, { timeoutMs = 30_000 } = {}): Promise<void> {
  if (!validName.test(name)) throw new Error(`Screenshot name ${JSON.stringify(name)}: use lowercase letters, digits and dashes`);
  const dir = process.env[protocol.env.screenshotsDir];
  if (!dir) {
    console.log(`Screenshot "${name}" skipped: this test runner cannot capture the window`);
    return;
  }
  const done = path.join(dir, `${name}.done`);
  fs.rmSync(path.join(dir, `${name}.png`), { force: true });
  fs.rmSync(done, { force: true });
  console.log(protocol.screenshotRequestPrefix + name);

  for (const deadline = Date.now() + timeoutMs; !fs.existsSync(done); await delay(100)) {
    if (Date.now() > deadline) throw new Error(`Screenshot "${name}": the runner did not answer within ${timeoutMs} ms`);
  }
  const answer = fs.readFileSync(done, 'utf8');
  fs.rmSync(done);
  if (answer !== 'ok') throw new Error(`Screenshot "${name}": ${answer}`);
}
