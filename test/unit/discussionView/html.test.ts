import * as assert from 'node:assert/strict';
import { discussionHtml } from '../../../src/discussionView/html';

describe('the Discussion tab’s page shell', () => {
  it('lets images come over https only, and nothing else in but its own script and styles', () => {
    const html = discussionHtml({
      cspSource: 'https://webview.test',
      nonce: 'n0nce',
      script: 'document.title = "drawn";',
      style: '.post { margin: 0; }',
    });
    const directives = /content="([^"]+)"/.exec(html)![1]!.split('; ');
    assert.deepEqual(directives, [
      "default-src 'none'",
      "script-src 'nonce-n0nce'",
      "style-src 'nonce-n0nce'",
      'font-src https://webview.test',
      'img-src https: https://webview.test',
      "frame-src 'none'",
      "connect-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
    ]);
    assert.match(html, /<script type="module" nonce="n0nce">document\.title = "drawn";<\/script>/);
    assert.match(html, /<style nonce="n0nce">\.post \{ margin: 0; \}<\/style>/);
    assert.doesNotMatch(html, /<script>|<style>|\son\w+=/, 'no script, style or handler without the nonce');
  });
});
