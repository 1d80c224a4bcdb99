import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normalizeCommunity } from '../../../src/community/normalize';
import { classifyPeople } from '../../../src/community/people';
import { toDashboardData } from '../../../src/dashboard/dashboardData';
import { communityRoles, discussionPage } from '../../../src/discussionView/discussionPage';
import type { HostMessage as DashboardHostMessage } from '../../../src/dashboard/protocol';
import type { DiscussionHostMessage } from '../../../src/discussionView/protocol';
import { createGitHubClient } from '../../../src/github/client';
import { fetchDiscussionThread } from '../../../src/github/discussionThreadFetch';
import { createQueryRunner } from '../../../src/github/queryRunner';
import { DEFAULT_SETTINGS } from '../../../src/settings/schema';
import { directorySnapshotStore } from '../../../src/store/snapshotStore';
import { syncRepository } from '../../../src/sync/syncRepository';
import { analyze } from '../../../src/viewModels/analysis';
import { summarizeTriage } from '../../../src/viewModels/triageSummary';
import { startFakeGitHub, type FakeGitHub } from '../../fake-github/server';
import { runCli } from '../../support/cli';
import { comment, discussion, T0 } from '../../support/discussionNodes';

const TOKEN = 'ghp_knownTokenValueForTheLeakScan0123456789';
const REJECTED = 'ghp_rejectedTokenValueForTheLeakScan98765';
const REPOSITORY = { owner: 'octo', name: 'repo' };

function assertNoToken(where: string, text: string): void {
  assert.ok(text.length > 0, `${where} is empty, so the scan proves nothing`);
  for (const token of [TOKEN, REJECTED]) assert.ok(!text.includes(token), `${where} holds the token`);
}

describe('no token in what the product writes or shows', function () {
  this.timeout(30_000);
  let github: FakeGitHub;
  let store: string;
  const logLines: string[] = [];

  before(async () => {
    github = await startFakeGitHub({
      token: TOKEN,
      repositories: [
        {
          nameWithOwner: 'octo/repo',
          discussions: [discussion(1, 'alice', 0, { comments: [comment('carol', 2, { isAnswer: true })] }), discussion(2, 'bob', 1)],
        },
      ],
    });
    store = mkdtempSync(join(tmpdir(), 'cp-leaks-'));
    const log = (line: string): void => void logLines.push(line);
    // A failed attempt and a retry are logged as the output channel logs them; then a rejected token's failure.
    github.injectFault({ kind: 'status', status: 502 }, 1, 'graphql');
    const client = createGitHubClient({ baseUrl: github.url, token: TOKEN }, { log, waitUnitMs: 1 });
    await syncRepository({ client, repository: REPOSITORY, store: directorySnapshotStore(store), mode: 'full', log });
    const rejected = createGitHubClient({ baseUrl: github.url, token: REJECTED }, { log, waitUnitMs: 1 });
    const failure = await syncRepository({ client: rejected, repository: REPOSITORY, store: directorySnapshotStore(store), mode: 'incremental', log }).then(
      () => assert.fail('a rejected token synced'),
      (error: unknown) => error,
    );
    // The controller logs a failure's message and stack.
    logLines.push(failure instanceof Error ? `${failure.message}\n${failure.stack ?? ''}\n${String(failure.cause)}` : String(failure));
  });
  after(() => github.close());

  it('the log (what the output channel shows), with a retried fault and a rejected token', () => {
    assert.ok(
      logLines.some((line) => /502/.test(line)),
      'the retried fault was not logged',
    );
    assertNoToken('the log', logLines.join('\n'));
  });

  it('the snapshot file', () => {
    for (const file of readdirSync(store)) assertNoToken(file, readFileSync(join(store, file), 'utf8'));
  });

  it('the dashboard’s and the Discussion page’s show messages, as their host code builds them', async () => {
    const snapshot = await directorySnapshotStore(store).read('octo/repo');
    assert.ok(snapshot);
    const community = normalizeCommunity(snapshot.repository, snapshot.discussions);
    const people = classifyPeople(community);
    const settings = { ...DEFAULT_SETTINGS, asOf: null };
    const now = T0 + 24 * 3_600_000;
    const analysis = analyze({ repository: 'octo/repo', community, people, settings, lastSyncAt: now }, 'all', now);
    const triage = summarizeTriage({ repository: 'octo/repo', community, people, settings, now });
    const dashboard: DashboardHostMessage = { type: 'show', data: toDashboardData(analysis, triage), requestedAt: now };
    assertNoToken('the dashboard’s show message', JSON.stringify(dashboard));

    const client = createGitHubClient({ baseUrl: github.url, token: TOKEN }, { waitUnitMs: 1 });
    const thread = await fetchDiscussionThread(createQueryRunner(client, 'octo/repo'), snapshot.discussions.find((node) => node.number === 1)!.id);
    assert.ok(thread);
    const page = discussionPage({
      thread,
      apiUrl: github.url,
      assist: { author: { login: 'alice', facts: [], helpedBy: [] }, helpers: [], similar: [] },
      roles: communityRoles(community, people, []),
      snoozeLabel: null,
      draft: null,
      savedReplies: [],
      repositoryLabels: null,
      now,
    });
    const show: DiscussionHostMessage = { type: 'show', page, focusPostId: null, requestedAt: now };
    assertNoToken('the Discussion page’s show message', JSON.stringify(show));
  });

  it('an exported report in every format', async () => {
    for (const format of ['md', 'json', 'csv']) {
      const report = await runCli(['report', 'octo/repo', '--store', store, '--format', format, '--until', '2024-01-05T00:00:00Z']);
      assert.equal(report.code, 0, report.stderr);
      assertNoToken(`the ${format} report`, report.stdout + report.stderr);
    }
  });
});
