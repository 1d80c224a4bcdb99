import * as assert from 'node:assert/strict';
import { discussionHtml } from '../../../src/discussionView/html';

describe('the Discussion tab’s page shell', () => {
  it('lets images come over https only, and nothing else in but its own script and styles', () => {
    const html = discussionHtml({
      cspSource: 'https://webview.test',
      nonce: 'n0nce',
      scriptUri: 'https://webview.test/dist/discussion.js',
      styleUri: 'https://webview.test/dist/discussion.css',
    });
    const directives = /content="([^"]+)"/.exec(html)![1]!.split('; ');
    assert.deepEqual(directives, [
      "default-src 'none'",
      "script-src 'nonce-n0nce'",
      'style-src https://webview.test',
      'font-src https://webview.test',
      'img-src https: https://webview.test',
      "frame-src 'none'",
      "connect-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
    ]);
    assert.match(html, /<script type="module" nonce="n0nce" src="https:\/\/webview\.test\/dist\/discussion\.js"><\/script>/);
    assert.doesNotMatch(html, /<script>|\son\w+=/, 'no inline script or handler');
  });
});
