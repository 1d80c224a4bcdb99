import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './benchExtension';
import { createNonce } from '../../../src/shared/webviewHtml';

/**
 * `npm run bench` inside VS Code: the floor this VS Code sets under any webview's opening. A webview with nothing in
 * it but a line of script that reports when it painted, opened as the window's first webview and then closed and opened
 * again, timed the way the dashboard is (test/vscode/bench/dashboardRender.test.ts): from the call that creates the
 * panel to the page's first paint. No extension code runs in it, so whatever it takes is VS Code's (in code-server:
 * the webview's frame, its service worker, the page's document), which no dashboard can open faster than.
 * test/bench/dashboard.bench.ts prints what this writes to test-results/bare-webview.json.
 */

const RESULTS_FILE = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'test-results', 'bare-webview.json');

/** One opening of the empty webview: epoch ms, as the dashboard's render timeline gives them. */
export interface BareWebviewOpening {
  readonly requestedAt: number;
  /** When the page's document began loading (its `performance.timeOrigin`). */
  readonly pageStartAt: number;
  /** After the page's first animation frame, as the dashboard marks its own paint. */
  readonly paintedAt: number;
}

export interface BareWebviewResults {
  readonly first: BareWebviewOpening;
  readonly reopened: BareWebviewOpening;
}

interface PaintedMessage {
  readonly pageStartAt: number;
  readonly paintedAt: number;
}

function isPaintedMessage(value: unknown): value is PaintedMessage {
  const message = value as Partial<PaintedMessage> | null;
  return typeof message?.pageStartAt === 'number' && typeof message.paintedAt === 'number';
}

/** The page's one script: after its first frame is painted, it says when it started and when it painted. */
function barePage(nonce: string): string {
  const script = `const api = acquireVsCodeApi();
requestAnimationFrame(() => setTimeout(() => api.postMessage({ pageStartAt: performance.timeOrigin, paintedAt: performance.timeOrigin + performance.now() }), 0));`;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${nonce}'">
<title>Empty</title></head><body><p>Empty webview</p><script nonce="${nonce}">${script}</script></body></html>`;
}

async function openBareWebview(): Promise<{ opening: BareWebviewOpening; panel: vscode.WebviewPanel }> {
  const requestedAt = Date.now();
  const panel = vscode.window.createWebviewPanel('communityPulse.benchEmptyWebview', 'Empty webview', vscode.ViewColumn.Active, { enableScripts: true });
  panel.webview.html = barePage(createNonce());
  const painted = await new Promise<PaintedMessage>((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error('the empty webview never said it painted (60 s)')), 60_000);
    panel.webview.onDidReceiveMessage((message: unknown) => {
      if (!isPaintedMessage(message)) return;
      clearTimeout(timeout);
      resolve(message);
    });
  });
  return { opening: { requestedAt, ...painted }, panel };
}

describe('Empty webview', () => {
  it('measures the opening of a webview with nothing in it, first of the window and again', async function () {
    this.timeout(150_000);
    const first = await openBareWebview();
    first.panel.dispose();
    const reopened = await openBareWebview();
    reopened.panel.dispose();
    const results: BareWebviewResults = { first: first.opening, reopened: reopened.opening };
    fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
    fs.writeFileSync(RESULTS_FILE, JSON.stringify(results, null, 2));
  });
});
