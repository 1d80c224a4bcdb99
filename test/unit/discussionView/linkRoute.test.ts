import { strict as assert } from 'node:assert';
import { routeLink, type LinkContext } from '../../../src/discussionView/linkRoute';

const context: LinkContext = {
  repositoryUrl: 'https://github.com/octo/repo',
  apiUrl: 'https://api.github.com',
  hasDiscussion: (number) => number === 12 || number === 40,
};

describe('links clicked in a Discussion tab', () => {
  it('opens a stored discussion of this repository in its tab, by URL, issue number or relative link', () => {
    assert.deepEqual(routeLink('https://github.com/octo/repo/discussions/12', context), { kind: 'discussion', number: 12 });
    assert.deepEqual(routeLink('https://github.com/octo/repo/discussions/12#discussioncomment-5', context), { kind: 'discussion', number: 12 });
    assert.deepEqual(routeLink('https://github.com/octo/repo/issues/40', context), { kind: 'discussion', number: 40 }, 'GitHub renders #40 as an issue link');
    assert.deepEqual(routeLink('discussions/12', context), { kind: 'discussion', number: 12 });
    assert.deepEqual(routeLink('/octo/repo/issues/40', context), { kind: 'discussion', number: 40 });
  });

  it('sends a number the snapshot does not hold, another repository and other GitHub pages to the browser', () => {
    assert.deepEqual(routeLink('https://github.com/octo/repo/issues/13', context), { kind: 'external', url: 'https://github.com/octo/repo/issues/13' });
    assert.deepEqual(routeLink('https://github.com/other/repo/discussions/12', context), {
      kind: 'external',
      url: 'https://github.com/other/repo/discussions/12',
    });
    assert.deepEqual(routeLink('blob/main/README.md', context), { kind: 'external', url: 'https://github.com/octo/repo/blob/main/README.md' });
  });

  it('drops links to other sites and to URI handlers', () => {
    for (const href of [
      'https://evil.example/octo/repo/discussions/12',
      'javascript:alert(1)',
      'command:workbench.action.quit',
      'file:///etc/passwd',
      'http://github.com/octo/repo',
    ]) {
      assert.equal(routeLink(href, context).kind, 'ignored', href);
    }
  });

  it('on a GitHub Enterprise server, keeps to its host', () => {
    const enterprise: LinkContext = { repositoryUrl: 'https://ghe.example.com/team/app', apiUrl: 'https://ghe.example.com/api/v3', hasDiscussion: () => true };
    assert.deepEqual(routeLink('https://ghe.example.com/team/app/discussions/3', enterprise), { kind: 'discussion', number: 3 });
    assert.equal(routeLink('https://github.com/team/app/discussions/3', enterprise).kind, 'ignored');
  });
});
