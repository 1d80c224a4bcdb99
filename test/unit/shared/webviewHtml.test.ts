import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webviewPageHtml, webviewShellFor } from '../../../src/shared/webviewHtml';

const PAGE = { title: 'Page', loadingText: 'Loading…', imageSources: "'none'" };

describe('the webview page shell', () => {
  it('brings dist/<name>.js and .css inside the page, with a fresh nonce each load', () => {
    const dist = mkdtempSync(join(tmpdir(), 'pulse-shell-'));
    try {
      writeFileSync(join(dist, 'page.js'), 'console.log("drawn");');
      writeFileSync(join(dist, 'page.css'), 'p { margin: 0; }');
      const first = webviewShellFor('page', dist, 'https://webview.test');
      const second = webviewShellFor('page', dist, 'https://webview.test');
      assert.equal(first.script, 'console.log("drawn");');
      assert.equal(first.style, 'p { margin: 0; }');
      assert.notEqual(first.nonce, second.nonce);
      assert.throws(() => webviewShellFor('missing', dist, 'https://webview.test'), /The missing page's missing\.js could not be read from .*npm run build/);
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });

  it('refuses code or styles that would end their element early instead of serving a page cut in two', () => {
    const shell = { cspSource: 'https://webview.test', nonce: 'n', script: 'x = 1;', style: 'p {}' };
    assert.doesNotThrow(() => webviewPageHtml(shell, PAGE));
    assert.throws(() => webviewPageHtml({ ...shell, script: 'x = "</SCRIPT><img src=x>";' }, PAGE), /page's script holds "<\/SCRIPT" at offset 5/);
    assert.throws(() => webviewPageHtml({ ...shell, script: 'x = "<!--<script>";' }, PAGE), /page's script holds "<script"/);
    // A minified library's "<!--" alone is harmless (the parser still ends the script at its end tag): served.
    assert.doesNotThrow(() => webviewPageHtml({ ...shell, script: 'x = "<!--";' }, PAGE));
    assert.throws(() => webviewPageHtml({ ...shell, style: 'p { content: "</style>" }' }, PAGE), /page's style holds "<\/style"/);
  });
});
