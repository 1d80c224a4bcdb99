import { strict as assert } from 'node:assert';
import { createGitHubClient, graphqlUrlFor } from '../../../src/github/client';
import type { SyncResult } from '../../../src/sync/contracts';
import { SyncError } from '../../../src/sync/syncRepository';
import { startFakeGitHub, type Fault } from '../../fake-github/server';
import { startFakeCommunity, syncedFields, TOKEN, type FakeCommunity } from '../../support/fakeCommunity';
import { idsInPageOrder } from '../../support/syncTimeline';

describe('GitHub client', () => {
  it('finds GraphQL beside the REST base URL, and at /api/graphql on GitHub Enterprise Server', () => {
    assert.equal(graphqlUrlFor('https://api.github.com'), 'https://api.github.com/graphql');
    assert.equal(graphqlUrlFor('https://api.github.com/'), 'https://api.github.com/graphql');
    assert.equal(graphqlUrlFor('https://ghe.example.com/api/v3'), 'https://ghe.example.com/api/graphql');
    assert.equal(graphqlUrlFor('https://ghe.example.com/api/v3/'), 'https://ghe.example.com/api/graphql');
  });

  describe('against the fake GitHub', () => {
    let fake: FakeCommunity;
    /** Syncs while the fake GitHub answers the first attempts of successive queries with these faults. */
    const syncsCompletelyDespite = async (faults: readonly { fault: Fault; times?: number }[], client = fake.client): Promise<SyncResult> => {
      const queue = [...faults];
      const injectNext = (): void => {
        const next = queue.shift();
        if (next) fake.github.injectFault(next.fault, next.times ?? 1, 'graphql');
      };
      injectNext();
      const result = await fake.sync('incremental', { client, onProgress: injectNext });
      assert.equal(queue.length, 0, 'the sync ended before every fault was injected');
      const snapshot = (await fake.store.read(fake.name))!;
      assert.deepEqual(syncedFields(snapshot.discussions), syncedFields(fake.community.discussions));
      return result;
    };

    beforeEach(async () => {
      fake = await startFakeCommunity({ discussions: 150, overflowThreads: 3 });
    });
    afterEach(async () => {
      await fake.github.close();
    });

    it('sends queries back to back, and leaves one wait unit between mutations (GitHub asks a second between changes)', async () => {
      // A wait unit far longer than the fake takes to answer: queries must not wait for it, mutations must.
      const queries = createGitHubClient({ baseUrl: fake.github.url, token: TOKEN }, { waitUnitMs: 10_000 });
      let started = Date.now();
      for (let i = 0; i < 3; i++) await queries.graphql('query { viewer { login } }', {});
      assert.ok(Date.now() - started < 5_000, `three queries took ${Date.now() - started} ms: they waited for the mutation spacing`);

      const mutations = createGitHubClient({ baseUrl: fake.github.url, token: TOKEN }, { waitUnitMs: 400 });
      const discussion = (fake.community.discussions as { id: string; locked?: boolean }[]).find((candidate) => !candidate.locked)!;
      const comment = 'mutation($id: ID!) { addDiscussionComment(input: { discussionId: $id, body: "Thanks!" }) { comment { id } } }';
      started = Date.now();
      await Promise.all([mutations.mutate(comment, { id: discussion.id }), mutations.mutate(comment, { id: discussion.id })]);
      assert.ok(Date.now() - started >= 400, `two mutations ${Date.now() - started} ms apart: less than one wait unit`);
    });

    it('sends one request at a time, and none while one waits out a secondary limit', async () => {
      const far = await startFakeGitHub({ repositories: [], token: TOKEN, latencyMs: 100 });
      try {
        const client = createGitHubClient({ baseUrl: far.url, token: TOKEN }, { waitUnitMs: 400 });
        const viewer = (): Promise<unknown> => client.graphql('query { viewer { login } }', {});
        let started = Date.now();
        await Promise.all([viewer(), viewer(), viewer()]);
        assert.ok(Date.now() - started >= 300, `three queries of 100 ms each at once took ${Date.now() - started} ms: they overlapped`);

        far.injectFault({ kind: 'secondaryRateLimit', retryAfterSeconds: 1 }, 1, 'graphql');
        far.resetStats();
        started = Date.now();
        const both = Promise.all([viewer(), viewer()]);
        await new Promise((resolve) => setTimeout(resolve, 300));
        assert.equal(far.stats().graphqlRequests, 1, 'the second query was sent while the first waited out the secondary limit');
        await both;
        assert.equal(far.stats().graphqlRequests, 3);
        assert.ok(Date.now() - started >= 100 + 400 + 200, `done after ${Date.now() - started} ms: the wait asked for was not kept`);
      } finally {
        await far.close();
      }
    });

    it('talks to a GitHub Enterprise Server style /api/v3 base URL', async () => {
      const client = createGitHubClient({ baseUrl: `${fake.github.url}/api/v3`, token: TOKEN }, { waitUnitMs: 1 });
      assert.equal(await client.viewerLogin(), 'octocat');
      await fake.sync('incremental', { client });
      assert.equal((await fake.store.read(fake.name))!.discussions.length, 150);
    });

    it('retries server errors, timeouts and dropped connections, and logs them', async () => {
      const log = (line: string): void => void fake.logLines.push(line);
      const impatient = createGitHubClient({ baseUrl: fake.github.url, token: TOKEN }, { log, waitUnitMs: 1, requestTimeoutMs: 3_000 });
      await syncsCompletelyDespite(
        [{ fault: { kind: 'status', status: 502 }, times: 3 }, { fault: { kind: 'timeout', ms: 60_000 } }, { fault: { kind: 'drop' } }],
        impatient,
      );
      assert.equal(fake.github.stats().faults, 5);
      assert.ok(fake.logLines.some((line) => /answered 502/.test(line)));
      assert.ok(fake.logLines.some((line) => /no answer within 3000 ms/.test(line)));
    });

    it('retries an answer cut off in the middle of its body, or one that is not JSON, like a dropped connection', async () => {
      const result = await syncsCompletelyDespite([
        { fault: { kind: 'brokenBody' }, times: 2 },
        { fault: { kind: 'notJson', body: 'proxyPage' } },
        { fault: { kind: 'notJson', body: 'truncated' } },
      ]);
      // Each faulty answer cost exactly one more request: it was retried, not taken as the answer.
      assert.equal(fake.github.stats().faults, 4);
      assert.equal(fake.github.stats().graphqlRequests, result.requests + 4);
      assert.ok(fake.logLines.some((line) => /connection broke in the middle of GitHub's answer/.test(line)));
      assert.ok(fake.logLines.some((line) => /not JSON \(text\/html/.test(line)));
    });

    it('keeps what was fetched when the answers stay cut off, and the next sync completes it', async () => {
      let pages = 0;
      await assert.rejects(
        fake.sync('incremental', {
          onProgress: (progress) => {
            if (progress.phase === 'discussions' && ++pages === 1) fake.github.injectFault({ kind: 'brokenBody' }, 4, 'graphql');
          },
        }),
        (error: unknown) => error instanceof SyncError && error.kind === 'network' && /connection broke.*saved; the next sync continues/.test(error.message),
      );
      assert.equal((await fake.store.read(fake.name))!.discussions.length, 100);
      await syncsCompletelyDespite([]);
    });

    it('waits out secondary and short primary rate limits, and logs them', async () => {
      await syncsCompletelyDespite([
        { fault: { kind: 'secondaryRateLimit', retryAfterSeconds: 30 } },
        { fault: { kind: 'rateLimit', status: 200, resetAfterSeconds: 1 } },
        { fault: { kind: 'rateLimit', status: 403, resetAfterSeconds: 1 } },
      ]);
      assert.equal(fake.github.stats().faults, 3);
      assert.ok(fake.logLines.some((line) => /secondary rate limit was hit \(POST \/graphql at [^)]+\); asks to wait 30 s: retrying then/.test(line)));
      assert.equal(fake.logLines.filter((line) => /hourly budget is spent \(POST \/graphql at [^)]+\); resets in \d s: retrying then/.test(line)).length, 2);
    });

    it('stops with a rate-limit error naming the reset when the limit resets much later, keeping progress', async () => {
      let pages = 0;
      await assert.rejects(
        fake.sync('incremental', {
          onProgress: (progress) => {
            if (progress.phase === 'discussions' && ++pages === 1) {
              fake.github.injectFault({ kind: 'rateLimit', status: 403, resetAfterSeconds: 3_600 }, 1, 'graphql');
            }
          },
        }),
        (error: unknown) => error instanceof SyncError && error.kind === 'rateLimited' && /used up until .*saved/.test(error.message),
      );
      assert.equal((await fake.store.read(fake.name))!.discussions.length, 100);
    });

    it('leaves a reset later than longestRateLimitWaitMs to the caller at once, saying when it resets', async () => {
      const log = (line: string): void => void fake.logLines.push(line);
      const pausesInstead = createGitHubClient({ baseUrl: fake.github.url, token: TOKEN }, { log, waitUnitMs: 1, longestRateLimitWaitMs: 1_000 });
      fake.github.injectFault({ kind: 'rateLimit', status: 403, resetAfterSeconds: 5 }, 1, 'graphql');
      await assert.rejects(fake.sync('incremental', { client: pausesInstead }), (error: unknown) => error instanceof SyncError && error.kind === 'rateLimited');
      assert.equal(fake.github.stats().graphqlRequests, 1, 'no retry');
      assert.ok(
        fake.logLines.some((line) => /^GitHub's hourly budget is spent \(POST \/graphql at [^)]+\); resets in \d+ s\.$/.test(line)),
        fake.logLines.join('\n'),
      );
    });

    it('gives up after a bounded number of retries', async () => {
      fake.github.injectFault({ kind: 'status', status: 503 }, 50, 'graphql');
      await assert.rejects(
        fake.sync('incremental'),
        (error: unknown) => error instanceof SyncError && error.kind === 'network' && /HTTP 503.*Check the connection/.test(error.message),
      );
      assert.equal(fake.github.stats().faults, 4);
    });

    it('cancels at once while a request hangs, keeping the page before it', async () => {
      const controller = new AbortController();
      let pages = 0;
      const syncing = fake.sync('incremental', {
        signal: controller.signal,
        onProgress: (progress) => {
          // The request for page 2 is held far longer than the test may run: only cancelling ends it.
          if (progress.phase === 'discussions' && ++pages === 1) fake.github.injectFault({ kind: 'timeout', ms: 600_000 }, 1, 'graphql');
        },
      });
      while (fake.github.stats().faults === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      controller.abort();
      await assert.rejects(syncing, (error: unknown) => error instanceof SyncError && error.kind === 'cancelled');
      const stored = (await fake.store.read(fake.name))!;
      assert.deepEqual(stored.discussions.map((node) => node.id).sort(), idsInPageOrder(fake.community.discussions).slice(0, 100).sort());
      assert.equal(fake.github.stats().faults, 1);
    });
  });
});
