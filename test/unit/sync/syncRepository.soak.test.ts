import { strict as assert } from 'node:assert';
import { createGitHubClient } from '../../../src/github/client';
import { syncRepository } from '../../../src/sync/syncRepository';
import { startFakeCommunity, syncedFields, TOKEN, type FakeCommunity } from '../../support/fakeCommunity';
import { retriedFaults } from '../../support/soakFaults';

/** Short, so that a `timeout` fault costs little; long enough for the fake to answer a page on a busy machine. */
const REQUEST_TIMEOUT_MS = 1_000;

/** The soak bench's promise at a small size: seeded random faults of every retried kind leave the same snapshot. */
describe('sync under seeded random faults', () => {
  let fake: FakeCommunity;
  before(async () => {
    fake = await startFakeCommunity({ discussions: 300, overflowThreads: 3 });
  });
  after(() => fake.github.close());

  it('completes in one run with every discussion as GitHub has it, four requests in ten failing', async () => {
    // A high share, so that a small sync meets several kinds of fault.
    fake.github.injectRandomFaults({ seed: 5, share: 0.4, faults: retriedFaults(REQUEST_TIMEOUT_MS), target: 'graphql' });
    const client = createGitHubClient({ baseUrl: fake.github.url, token: TOKEN }, { waitUnitMs: 1, requestTimeoutMs: REQUEST_TIMEOUT_MS });
    await syncRepository({ client, repository: fake.repository, store: fake.store, mode: 'incremental' });

    assert.ok(fake.github.stats().faults >= 3, `only ${fake.github.stats().faults} faults were injected`);
    assert.deepEqual(syncedFields((await fake.store.read(fake.name))!.discussions), syncedFields(fake.community.discussions));
  });
});
