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
import type { Benchmark, BenchReporter } from './reporter';
import { soakInOneRun, soakWithKills } from './syncSoak';

const DISCUSSIONS = 20_000;
const CHANGED = 10;
const NOW = '2025-06-01T00:00:00Z';
const TOKEN = 'bench-token';
/** Issue #11: GitHub's answer time the pacing is measured against. */
const LATENCY_MS = 300;
/** A quarter of the 20,000: the whole would be about 250 requests × 0.3 s, over a minute alone. */
const LATENCY_DISCUSSIONS = 5_000;

/**
 * Issue #2 §9: points of a first sync of 20,000 discussions, and requests of an incremental sync after 10 changes.
 * Issue #11: the same sync soaked in faults (with and without kills), and the pacing against a far GitHub.
 */
export default {
  title: 'Sync through the fake GitHub (issues #2, #11)',
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

      const clean = {
        github,
        token: TOKEN,
        repository: community.repository,
        snapshot: (await directorySnapshotStore(directory).read(community.repository))!,
        requests: graphqlRequests,
        seconds,
      };
      await soakInOneRun(clean, report);
      await soakWithKills(clean, report);

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
    await firstSyncAtLatency(report);
  },
} satisfies Benchmark;

/** A first sync against a GitHub answering each query in 300 ms, with the client's real pacing (a 1 s wait unit). */
async function firstSyncAtLatency(report: BenchReporter): Promise<void> {
  const community = generateCommunity({ bodies: false, seed: 20, discussions: LATENCY_DISCUSSIONS, now: NOW });
  const github = await startFakeGitHub({
    repositories: [{ nameWithOwner: community.repository, discussions: community.discussions }],
    token: TOKEN,
    latencyMs: LATENCY_MS,
  });
  const directory = mkdtempSync(join(tmpdir(), 'cp-sync-latency-'));
  try {
    const client = createGitHubClient({ baseUrl: github.url, token: TOKEN });
    const [owner, name] = community.repository.split('/') as [string, string];
    const started = performance.now();
    await syncRepository({ client, repository: { owner, name }, store: directorySnapshotStore(directory), mode: 'incremental' });
    const wallMs = performance.now() - started;
    const { graphqlRequests } = github.stats();
    report.ratio(
      `first sync of ${LATENCY_DISCUSSIONS.toLocaleString('en')} discussions at ${LATENCY_MS} ms per query: wall time / (requests × latency)`,
      wallMs,
      graphqlRequests * LATENCY_MS,
      1.2,
    );
    report.note(`${(wallMs / 1000).toFixed(1)} s for ${graphqlRequests} requests × ${LATENCY_MS} ms = ${((graphqlRequests * LATENCY_MS) / 1000).toFixed(1)} s`);
  } finally {
    await github.close();
    rmSync(directory, { recursive: true, force: true });
  }
}
