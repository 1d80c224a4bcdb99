import { strict as assert } from 'node:assert';
import type { SyncErrorKind } from '../../../src/github/contracts';
import { SyncError } from '../../../src/sync/syncRepository';
import type { Fault } from '../../fake-github/server';
import { discussion } from '../../support/discussionNodes';
import { startSyncTimeline, TIMELINE_REPOSITORY, type SyncTimeline } from '../../support/syncTimeline';

/** GitHub's answers to a query it refuses, as github.com sends them (HTTP 200 with `errors`). */
const INSUFFICIENT_SCOPES = {
  errors: [
    {
      type: 'INSUFFICIENT_SCOPES',
      locations: [{ line: 4, column: 3 }],
      message:
        "Your token has not been granted the required scopes to execute this query. The 'discussions' field requires one of the following scopes: ['read:discussion'], but your token has only been granted the: ['read:org'] scopes.",
    },
  ],
};
const SAML_FORBIDDEN = {
  data: { rateLimit: null, repository: null },
  errors: [
    {
      type: 'FORBIDDEN',
      path: ['repository'],
      locations: [{ line: 4, column: 3 }],
      message: 'Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.',
    },
  ],
};
const UNKNOWN_FIELD = {
  errors: [{ locations: [{ line: 6, column: 5 }], message: "Field 'discussions' doesn't exist on type 'Repository'" }],
};

/** How syncErrorFrom turns each failure into a SyncError kind and a message saying what is wrong and what to do. */
describe('syncErrorFrom: what a failed sync says', () => {
  let timeline: SyncTimeline;
  beforeEach(async () => {
    timeline = await startSyncTimeline([discussion(1, 'alice', 0), discussion(2, 'bob', 1)]);
  });
  afterEach(() => timeline.github.close());

  /** Syncs while GitHub answers with `fault` (`times` attempts), and returns the error after checking nothing was stored. */
  async function failureOf(fault: Fault, times = 1): Promise<SyncError> {
    timeline.github.injectFault(fault, times, 'graphql');
    const error = await timeline.sync('incremental').then(
      () => assert.fail('the sync succeeded'),
      (thrown: unknown) => thrown,
    );
    assert.ok(error instanceof SyncError, String(error));
    assert.equal(error.repository, TIMELINE_REPOSITORY);
    assert.equal(error.query, 'SyncDiscussionsPage');
    assert.ok(!error.message.includes('timeline-token'), 'the message must never hold the token');
    assert.equal(await timeline.store.read(TIMELINE_REPOSITORY), null);
    return error;
  }
  const answering = (body: object): Fault => ({ kind: 'corrupt', mutate: () => body });
  const assertKind = (error: SyncError, kind: SyncErrorKind, ...says: RegExp[]): void => {
    assert.equal(error.kind, kind, error.message);
    for (const pattern of says) assert.match(error.message, pattern);
  };

  it('a token without the needed scope: auth, quoting GitHub and asking for the repo scope', async () => {
    assertKind(
      await failureOf(answering(INSUFFICIENT_SCOPES)),
      'auth',
      /may not read the discussions of octo\/repo/,
      /requires one of the following scopes: \['read:discussion'\]/,
      /Sign in again and grant the "repo" scope/,
    );
  });

  it('an organization’s SAML enforcement (FORBIDDEN): auth, pointing to single sign-on', async () => {
    assertKind(await failureOf(answering(SAML_FORBIDDEN)), 'auth', /SAML enforcement/, /authorize the token for the organization's single sign-on/);
  });

  it('HTTP 403 without a rate limit: auth, naming the repository and asking to sign in again', async () => {
    assertKind(
      await failureOf({ kind: 'status', status: 403 }),
      'auth',
      /refused access to octo\/repo \(403 /,
      /Sign in again with an account that may read it/,
    );
  });

  it('HTTP 404 from the GraphQL address: network, pointing to the API URL setting', async () => {
    assertKind(await failureOf({ kind: 'status', status: 404 }), 'network', /has no GitHub GraphQL API \(404\)/, /Check the API URL setting/);
  });

  it('HTTP 429 with the limit reset far away: rateLimited, naming the reset and keeping progress', async () => {
    // The first attempt and the client's three retries.
    assertKind(
      await failureOf({ kind: 'rateLimit', status: 429, resetAfterSeconds: 3_600 }, 4),
      'rateLimited',
      /rate limit for this account is used up until \d/,
      /a sync after the reset continues from there/,
    );
  });

  it('a secondary rate limit that persists through the retries: rateLimited, saying to wait minutes, not for the hourly reset', async () => {
    // The first attempt and both retries hit the limit.
    const error = await failureOf({ kind: 'secondaryRateLimit', retryAfterSeconds: 2 }, 3);
    assertKind(error, 'rateLimited', /secondary rate limit \(too many requests in a short time\)/, /asked to wait 2 s/, /Wait a few minutes, then sync again/);
    assert.doesNotMatch(error.message, /used up/);
  });

  it("an answer cut off in the middle, every attempt: network, blaming the connection rather than GitHub's schema", async () => {
    // The first attempt and the client's three retries.
    const error = await failureOf({ kind: 'brokenBody' }, 4);
    assertKind(error, 'network', /connection broke in the middle of GitHub's answer/, /even after retrying/, /Check the connection/);
    assert.doesNotMatch(error.message, /unexpected shape/);
  });

  it("an answer that is not JSON (a proxy's page, a truncated body), every attempt: network, saying what came instead", async () => {
    assertKind(await failureOf({ kind: 'notJson', body: 'proxyPage' }, 4), 'network', /not JSON \(text\/html/, /<!DOCTYPE html>/, /Check the connection/);
    assertKind(await failureOf({ kind: 'notJson', body: 'truncated' }, 4), 'network', /not JSON \(application\/json/, /Check the connection/);
  });

  it('any other GraphQL error: validation, quoting GitHub and naming the query', async () => {
    assertKind(
      await failureOf(answering(UNKNOWN_FIELD)),
      'validation',
      /rejected the query SyncDiscussionsPage for octo\/repo: Field 'discussions' doesn't exist on type 'Repository'/,
      /old GitHub Enterprise Server/,
    );
  });
});
