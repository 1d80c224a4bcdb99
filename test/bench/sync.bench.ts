import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createGitHubClient } from '../../src/github/client';
import { discussionPagePoints, PAGE_SIZES } from '../../src/github/queries';
import { syncRepository } from '../../src/sync/syncRepository';
import { directorySnapshotStore } from '../../src/store/snapshotStore';
import { generateCommunity } from '../fake-github/generator';
import { startFakeGitHub } from '../fake-github/server';
import type { Benchmark } from './reporter';

const DISCUSSIONS = 20_000;
const CHANGED = 10;
const NOW = '2025-06-01T00:00:00Z';
const TOKEN = 'bench-token';

/** Issue #2 §9: points of a first sync of 20,000 discussions, and requests of an incremental sync after 10 changes. */
export default {
  title: 'Sync through the fake GitHub (issue #2)',
  async run(report) {
    const community = generateCommunity({ bodies: false, seed: 20, discussions: DISCUSSIONS, now: NOW });
    const github = await startFakeGitHub({
      repositories: [{ nameWithOwner: community.repository, discussions: community.discussions }],
      token: TOKEN,
    });
    const directory = mkdtempSync(join(tmpdir(), 'cp-sync-bench-'));
    try {
      // One wait unit of 1 ms: GitHub's pacing of one GraphQL request per second is not what is measured here.
      const client = createGitHubClient({ baseUrl: github.url, token: TOKEN }, { waitUnitMs: 1 });
      const [owner, name] = community.repository.split('/') as [string, string];
      const sync = (mode: 'incremental' | 'full') => syncRepository({ client, repository: { owner, name }, store: directorySnapshotStore(directory), mode });

      const started = performance.now();
      const first = await sync('incremental');
      const seconds = (performance.now() - started) / 1000;
      const pages = Math.ceil(DISCUSSIONS / PAGE_SIZES.discussions);
      const lowerBound = pages * discussionPagePoints();
      const { points, graphqlRequests } = github.stats();
      report.figure('first sync: points per 1,000 discussions', (points / DISCUSSIONS) * 1000, 'points', 150);
      report.ratio('first sync: points / lower bound', points, lowerBound, 1.3);
      report.note(
        `${first.total} discussions, ${points} points (client counted ${first.points}) in ${graphqlRequests} requests, ${seconds.toFixed(1)} s; ` +
          `lower bound ${pages} pages × ${discussionPagePoints()} points (discussions ${PAGE_SIZES.discussions}, comments ${PAGE_SIZES.comments}, replies ${PAGE_SIZES.replies} inline)`,
      );

      const changed = community.discussions.filter((_, index) => index % 1_000 === 0).slice(0, CHANGED);
      changed.forEach((discussion, index) => {
        if (index % 2 === 0) github.addComment(community.repository, discussion.number, { author: 'newcomer' });
        else if (discussion.comments.nodes[0]) github.addReply(community.repository, discussion.comments.nodes[0].id, { author: 'helper' });
        else github.updateDiscussion(community.repository, discussion.number, { closed: true });
      });
      github.resetStats();
      const incremental = await sync('incremental');
      report.figure(`incremental sync after ${CHANGED} discussions changed: requests`, github.stats().graphqlRequests, 'requests', 2);
      report.note(`${incremental.fetched} discussions fetched, ${github.stats().points} points`);
    } finally {
      await github.close();
      rmSync(directory, { recursive: true, force: true });
    }
  },
} satisfies Benchmark;
