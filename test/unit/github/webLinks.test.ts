import { strict as assert } from 'node:assert';
import { safeWebUrl } from '../../../src/github/webLinks';

const GITHUB_API = 'https://api.github.com';
const ENTERPRISE_API = 'https://ghe.example.com/api/v3';
const FAKE_API = 'http://127.0.0.1:4000';

describe('safeWebUrl', () => {
  it('opens pages of github.com for the github.com API', () => {
    const discussion = 'https://github.com/octo/repo/discussions/7';
    assert.equal(safeWebUrl(discussion, GITHUB_API), discussion);
    assert.equal(safeWebUrl('https://github.com/octo-cat', GITHUB_API), 'https://github.com/octo-cat');
  });

  it('opens pages of the GitHub Enterprise Server host, not of github.com, for its API', () => {
    assert.equal(safeWebUrl('https://ghe.example.com/team/app/discussions/3', ENTERPRISE_API), 'https://ghe.example.com/team/app/discussions/3');
    assert.equal(safeWebUrl('https://github.com/team/app/discussions/3', ENTERPRISE_API), null);
  });

  it('opens the fake GitHub its own origin over http, and github.com whose links it serves', () => {
    assert.equal(safeWebUrl('http://127.0.0.1:4000/bob', FAKE_API), 'http://127.0.0.1:4000/bob');
    assert.equal(safeWebUrl('https://github.com/octo/repo/discussions/1', FAKE_API), 'https://github.com/octo/repo/discussions/1');
    assert.equal(safeWebUrl('http://127.0.0.1:5000/bob', FAKE_API), null, 'another local port is another server');
    assert.equal(safeWebUrl('https://evil.example/bob', FAKE_API), null);
  });

  it('refuses links that would pick a URI handler instead of the browser', () => {
    for (const link of ['command:workbench.action.quit', 'file:///etc/passwd', 'vscode://vscode.git/clone?url=https://evil.example/x', 'javascript:alert(1)']) {
      assert.equal(safeWebUrl(link, GITHUB_API), null, link);
      assert.equal(safeWebUrl(link, FAKE_API), null, link);
    }
  });

  it('refuses plain http, other hosts and hosts that only look like GitHub', () => {
    for (const link of [
      'http://github.com/octo/repo/discussions/7',
      'https://evil.example/octo/repo/discussions/7',
      'https://github.com.evil.example/octo/repo/discussions/7',
      'https://github.com@evil.example/octo/repo',
      'https://gist.github.com/octo/1',
      'not a url',
    ]) {
      assert.equal(safeWebUrl(link, GITHUB_API), null, link);
    }
  });
});
