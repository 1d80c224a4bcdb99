import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadDatasetFile, startFakeGitHub, type FakeGitHub } from '../../fake-github/server';
import { getRest, postGraphQL } from '../../fake-github/testClient';

const QUERY = '{ repository(owner: "payloadcms", name: "payload") { discussions(first: 1) { totalCount } } }';
const NORMAL = { data: { repository: { discussions: { totalCount: 241 } } } };

const rawQuery = (): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: 'bearer test-token' },
  body: JSON.stringify({ query: QUERY }),
});

describe('fake GitHub faults', () => {
  let fake: FakeGitHub;

  before(async () => {
    fake = await startFakeGitHub({ repositories: [loadDatasetFile(join(__dirname, '../../fixtures/payload-discussions.json'))] });
  });
  after(() => fake.close());
  beforeEach(() => {
    fake.clearFaults();
    fake.resetStats();
  });

  it('answers with an injected HTTP status for the next `times` requests, then normally', async () => {
    fake.injectFault({ kind: 'status', status: 502 }, 2);
    for (let attempt = 0; attempt < 2; attempt++) {
      const { status, body } = await postGraphQL(fake.url, QUERY);
      assert.equal(status, 502);
      assert.equal(body.message, 'Server Error');
    }
    assert.deepEqual((await postGraphQL(fake.url, QUERY)).body, NORMAL);
    assert.deepEqual(fake.stats(), { requests: 3, graphqlRequests: 3, points: 1, mutations: 0, faults: 2 });
  });

  it('answers the primary rate limit with 403, remaining 0 and the reset time', async () => {
    fake.injectFault({ kind: 'rateLimit', resetAfterSeconds: 30 });
    const { status, headers, body } = await postGraphQL(fake.url, QUERY);
    assert.equal(status, 403);
    assert.equal(headers.get('x-ratelimit-remaining'), '0');
    const reset = Number(headers.get('x-ratelimit-reset'));
    assert.ok(reset >= Date.now() / 1000 + 29 && reset <= Date.now() / 1000 + 31, `reset ${reset} is about 30 s ahead`);
    assert.match(body.message, /^API rate limit exceeded/);
    assert.equal(fake.stats().points, 0);
  });

  it('answers the primary rate limit as GitHub GraphQL often does: 200 with a RATE_LIMITED error', async () => {
    fake.injectFault({ kind: 'rateLimit', status: 200 });
    const { status, headers, body } = await postGraphQL(fake.url, QUERY);
    assert.equal(status, 200);
    assert.equal(headers.get('x-ratelimit-remaining'), '0');
    assert.equal(body.errors[0].type, 'RATE_LIMITED');
    assert.equal(body.data, undefined);
  });

  it("answers a secondary rate limit with 403, retry-after and GitHub's message", async () => {
    fake.injectFault({ kind: 'secondaryRateLimit', retryAfterSeconds: 7 });
    const { status, headers, body } = await postGraphQL(fake.url, QUERY);
    assert.equal(status, 403);
    assert.equal(headers.get('retry-after'), '7');
    assert.match(body.message, /secondary rate limit/);
  });

  it('holds a request for a timeout, then answers normally; a client that gives up gets nothing', async () => {
    fake.injectFault({ kind: 'timeout', ms: 30 });
    assert.deepEqual((await postGraphQL(fake.url, QUERY)).body, NORMAL);
    fake.injectFault({ kind: 'timeout', ms: 60_000 });
    await assert.rejects(postGraphQL(fake.url, QUERY, {}, { signal: AbortSignal.timeout(100) }), { name: 'TimeoutError' });
    assert.deepEqual((await postGraphQL(fake.url, QUERY)).body, NORMAL);
  });

  it('drops the connection without answering', async () => {
    fake.injectFault({ kind: 'drop' });
    await assert.rejects(postGraphQL(fake.url, QUERY), (error: Error) => error.message === 'fetch failed');
    assert.deepEqual((await postGraphQL(fake.url, QUERY)).body, NORMAL);
  });

  it('breaks the connection in the middle of the answer: headers and half the body arrive, reading the rest fails', async () => {
    fake.injectFault({ kind: 'brokenBody' });
    const response = await fetch(`${fake.url}/graphql`, rawQuery());
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-length'), String(JSON.stringify(NORMAL).length));
    await assert.rejects(response.text(), (error: Error) => error.message === 'terminated');
    assert.deepEqual((await postGraphQL(fake.url, QUERY)).body, NORMAL);
    assert.equal(fake.stats().points, 2, 'the broken answer was executed');
  });

  it("answers 200 with a body that is not JSON: a proxy's HTML page, or the first half of the JSON", async () => {
    fake.injectFault({ kind: 'notJson', body: 'proxyPage' });
    fake.injectFault({ kind: 'notJson', body: 'truncated' });
    const page = await fetch(`${fake.url}/graphql`, rawQuery());
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type')!, /^text\/html/);
    assert.match(await page.text(), /^<!DOCTYPE html>/);
    const truncated = await fetch(`${fake.url}/graphql`, rawQuery());
    assert.equal(await truncated.text(), JSON.stringify(NORMAL).slice(0, Math.floor(JSON.stringify(NORMAL).length / 2)));
    assert.deepEqual((await postGraphQL(fake.url, QUERY)).body, NORMAL);
  });

  it('answers each GraphQL request after the given latency', async () => {
    const far = await startFakeGitHub({ repositories: [], latencyMs: 150 });
    try {
      const started = Date.now();
      await Promise.all([postGraphQL(far.url, '{ viewer { login } }'), postGraphQL(far.url, '{ viewer { login } }')]);
      const elapsed = Date.now() - started;
      assert.ok(elapsed >= 150 && elapsed < 290, `two requests at once answered in ${elapsed} ms: each waits 150 ms, independently`);
    } finally {
      await far.close();
    }
  });

  it('corrupts the answer with the given mutation of its JSON body', async () => {
    fake.injectFault({
      kind: 'corrupt',
      mutate: (body) => {
        body.data.repository.discussions.totalCount = 'many';
        return body;
      },
    });
    const { status, body } = await postGraphQL(fake.url, QUERY);
    assert.equal(status, 200);
    assert.deepEqual(body, { data: { repository: { discussions: { totalCount: 'many' } } } });
    assert.deepEqual((await postGraphQL(fake.url, QUERY)).body, NORMAL);
  });

  it('aims a fault at GraphQL or REST requests only when asked', async () => {
    fake.injectFault({ kind: 'status', status: 503 }, 1, 'graphql');
    assert.equal((await getRest(fake.url, '/user')).status, 200);
    assert.equal((await postGraphQL(fake.url, QUERY)).status, 503);
    fake.injectFault({ kind: 'status', status: 500 }, 1, 'rest');
    assert.equal((await postGraphQL(fake.url, QUERY)).status, 200);
    assert.equal((await getRest(fake.url, '/user')).status, 500);
  });

  it('fails a held request when the server closes, instead of leaving the client hanging', async () => {
    const closing = await startFakeGitHub({ repositories: [] });
    closing.injectFault({ kind: 'timeout', ms: 60_000 });
    const held = postGraphQL(closing.url, '{ viewer { login } }');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await closing.close();
    await assert.rejects(held);
  });
});
