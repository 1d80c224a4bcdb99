import { strict as assert } from 'node:assert';
import { authProviderFor, tokenSecretKey } from '../../../src/auth/providers';
import { parseGitConfigRemotes, remoteHostsFor, repositoriesFromRemotes, repositoryFromRemoteUrl } from '../../../src/repository/gitRemotes';
import { parseRepoRef } from '../../../src/github/repoRef';

const GITHUB = remoteHostsFor('https://api.github.com');

describe('git remotes', () => {
  it('reads the remotes of a .git/config', () => {
    const config = [
      '[core]',
      '\trepositoryformatversion = 0',
      '\turl = https://github.com/not/a-remote',
      '[remote "origin"]',
      '\turl = https://github.com/payloadcms/payload.git',
      '\tfetch = +refs/heads/*:refs/remotes/origin/*',
      '; a comment',
      '[remote "upstream"]',
      '  url = "git@github.com:octo/upstream.git"',
      '[branch "main"]',
      '\tremote = origin',
    ].join('\n');
    assert.deepEqual(parseGitConfigRemotes(config), [
      { name: 'origin', url: 'https://github.com/payloadcms/payload.git' },
      { name: 'upstream', url: 'git@github.com:octo/upstream.git' },
    ]);
  });

  for (const url of [
    'https://github.com/payloadcms/payload.git',
    'https://github.com/payloadcms/payload',
    'https://user@github.com/payloadcms/payload/',
    'http://github.com/payloadcms/payload.git',
    'git@github.com:payloadcms/payload.git',
    'github.com:payloadcms/payload',
    'ssh://git@github.com/payloadcms/payload.git',
    'ssh://git@ssh.github.com:443/payloadcms/payload.git',
    'git://github.com/payloadcms/payload.git',
  ]) {
    it(`finds payloadcms/payload in ${url}`, () => {
      assert.deepEqual(repositoryFromRemoteUrl(url, GITHUB), { owner: 'payloadcms', name: 'payload' });
    });
  }

  it('ignores remotes on other hosts and paths that are not owner/name', () => {
    assert.equal(repositoryFromRemoteUrl('https://gitlab.com/payloadcms/payload.git', GITHUB), null);
    assert.equal(repositoryFromRemoteUrl('git@bitbucket.org:payloadcms/payload.git', GITHUB), null);
    assert.equal(repositoryFromRemoteUrl('https://github.com/payloadcms', GITHUB), null);
    assert.equal(repositoryFromRemoteUrl('/srv/git/payload.git', GITHUB), null);
    assert.equal(repositoryFromRemoteUrl('../payload', GITHUB), null);
  });

  it('accepts the GitHub Enterprise Server host of the API URL, and github.com for a local test server', () => {
    const ghes = remoteHostsFor('https://ghe.example.com/api/v3');
    assert.deepEqual(repositoryFromRemoteUrl('git@ghe.example.com:team/app.git', ghes), { owner: 'team', name: 'app' });
    assert.equal(repositoryFromRemoteUrl('git@ghe.example.com:team/app.git', GITHUB), null);
    const local = remoteHostsFor('http://127.0.0.1:4000');
    assert.deepEqual(repositoryFromRemoteUrl('https://github.com/a/b', local), { owner: 'a', name: 'b' });
    assert.equal(local.has('127.0.0.1'), false);
  });

  it('puts upstream before origin and drops duplicates and foreign remotes', () => {
    const found = repositoriesFromRemotes(
      [
        { name: 'origin', url: 'git@github.com:me/payload.git' },
        { name: 'mirror', url: 'https://gitlab.com/me/payload.git' },
        { name: 'upstream', url: 'https://github.com/payloadcms/payload' },
        { name: 'other', url: 'https://github.com/PayloadCMS/payload.git' },
      ],
      GITHUB,
    );
    assert.deepEqual(found, [
      { repository: { owner: 'payloadcms', name: 'payload' }, remote: 'upstream' },
      { repository: { owner: 'me', name: 'payload' }, remote: 'origin' },
    ]);
  });
});

describe('repository names', () => {
  it('parses owner/name and rejects anything else', () => {
    assert.deepEqual(parseRepoRef('octo-org/octo.repo_1'), { owner: 'octo-org', name: 'octo.repo_1' });
    assert.deepEqual(parseRepoRef('octo/repo.git'), { owner: 'octo', name: 'repo' });
    for (const bad of ['octo', 'octo/', '/repo', 'a/b/c', '-octo/repo', 'octo/re po', 'octo/..']) {
      assert.equal(parseRepoRef(bad), null, bad);
    }
  });
});

describe('authentication provider', () => {
  it('uses github for github.com, github-enterprise for GHES, none for a local server', () => {
    assert.equal(authProviderFor('https://api.github.com'), 'github');
    assert.equal(authProviderFor('https://ghe.example.com/api/v3'), 'github-enterprise');
    assert.equal(authProviderFor('http://127.0.0.1:4000'), null);
    assert.equal(authProviderFor('http://localhost:4000'), null);
  });

  it("keys stored tokens by API so one server never receives another server's token", () => {
    assert.notEqual(tokenSecretKey('https://api.github.com'), tokenSecretKey('https://ghe.example.com/api/v3'));
    assert.equal(tokenSecretKey('https://API.github.com/'), tokenSecretKey('https://api.github.com'));
  });
});
