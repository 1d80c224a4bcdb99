import { strict as assert } from 'node:assert';
import { createGitHubClient, type GitHubClient } from '../../../src/github/client';
import { createQueryRunner } from '../../../src/github/queryRunner';
import { fetchRepositoryLabels } from '../../../src/github/repositoryLabels';
import { SyncError } from '../../../src/github/syncError';
import { startFakeGitHub, type FakeGitHub } from '../../fake-github/server';
import { discussion } from '../../support/discussionNodes';

/** The labels GitHub gives every new repository. */
const GITHUB_DEFAULT_LABELS = ['bug', 'documentation', 'duplicate', 'enhancement', 'good first issue', 'help wanted', 'invalid', 'question', 'wontfix'];
const AREA_LABELS = Array.from({ length: 120 }, (_, index) => `area-${String(index + 1).padStart(3, '0')}`);

describe('fetchRepositoryLabels against the fake GitHub', () => {
  let github: FakeGitHub;
  let client: GitHubClient;

  before(async () => {
    // 120 labels named on three discussions, 40 each, in reverse so the answer's order is GitHub's, not ours.
    const named = [...AREA_LABELS].reverse();
    const discussions = [0, 1, 2].map((part) =>
      Object.assign(discussion(part + 1, 'alice', part), {
        labels: { nodes: named.slice(part * 40, part * 40 + 40).map((name) => ({ name, color: 'abcdef' })) },
      }),
    );
    github = await startFakeGitHub({ repositories: [{ nameWithOwner: 'octo/repo', discussions }] });
    client = createGitHubClient({ baseUrl: github.url, token: 'token' }, { waitUnitMs: 1 });
  });
  after(() => github.close());

  it('gets every label of the repository over two pages, by name, with colours', async () => {
    const runner = createQueryRunner(client, 'octo/repo');

    const labels = await fetchRepositoryLabels(runner, { owner: 'octo', name: 'repo' });

    assert.deepEqual(
      labels.map((label) => label.name),
      [...AREA_LABELS, ...GITHUB_DEFAULT_LABELS].sort(),
    );
    assert.deepEqual(labels.find((label) => label.name === 'bug')?.color, 'd73a4a');
    assert.deepEqual(labels.find((label) => label.name === 'area-077')?.color, 'abcdef');
    assert.equal(new Set(labels.map((label) => label.id)).size, 129);
    assert.equal(runner.requests, 2);
  });

  it('an unknown repository: a notFound SyncError', async () => {
    const error = await fetchRepositoryLabels(createQueryRunner(client, 'octo/missing'), { owner: 'octo', name: 'missing' }).catch((thrown: unknown) => thrown);

    assert.ok(error instanceof SyncError, String(error));
    assert.equal(error.kind, 'notFound');
  });
});
