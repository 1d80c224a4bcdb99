import { strict as assert } from 'node:assert';
import { createGitHubClient, type GitHubClient } from '../../../src/github/client';
import {
  MAX_BODY_LENGTH,
  MutationError,
  runDiscussionMutation,
  type DiscussionMutation,
  type MutationErrorKind,
} from '../../../src/github/discussionMutations';
import { MAX_BODY_LENGTH as PAGE_MAX_BODY_LENGTH } from '../../../src/discussionView/protocol';
import { startFakeGitHub, type Fault, type FakeGitHub } from '../../fake-github/server';
import { comment, discussion } from '../../support/discussionNodes';

const REPOSITORY = 'octo/repo';
const TOKEN = 'mutation-token';

/** GitHub's answer to a refused mutation: HTTP 200, `data` null at the mutation, one typed error. */
function refusal(field: string, type: string | undefined, message: string): Fault {
  return {
    kind: 'corrupt',
    mutate: () => ({ data: { [field]: null }, errors: [{ ...(type && { type }), path: [field], locations: [{ line: 1, column: 60 }], message }] }),
  };
}

describe('runDiscussionMutation: refusals and failures, each with what to do', () => {
  let github: FakeGitHub;
  let client: GitHubClient;
  const opening = discussion(1, 'alice', 0, { comments: [comment('bob', 1)] });
  const commentId = opening.comments!.nodes[0]!.id;

  before(async () => {
    github = await startFakeGitHub({ repositories: [{ nameWithOwner: REPOSITORY, discussions: [opening] }], token: TOKEN });
    client = createGitHubClient({ baseUrl: github.url, token: TOKEN }, { waitUnitMs: 1 });
  });
  beforeEach(() => {
    github.clearFaults();
    github.resetStats();
  });
  after(() => github.close());

  async function failureOf(mutation: DiscussionMutation, signal?: AbortSignal): Promise<MutationError> {
    const error = await runDiscussionMutation(client, mutation, REPOSITORY, signal).then(
      () => assert.fail('the mutation succeeded'),
      (thrown: unknown) => thrown,
    );
    assert.ok(error instanceof MutationError, String(error));
    assert.ok(!error.message.includes(TOKEN), 'the message must never hold the token');
    return error;
  }
  const assertKind = (error: MutationError, kind: MutationErrorKind, ...says: RegExp[]): void => {
    assert.equal(error.kind, kind, error.message);
    for (const pattern of says) assert.match(error.message, pattern);
  };
  const reply = (body: string): DiscussionMutation => ({ kind: 'reply', discussionId: 'D_1', body, replyToId: commentId });

  it('keeps the longest body equal to the one the Discussion page allows', () => {
    assert.equal(MAX_BODY_LENGTH, 65_536);
    assert.equal(MAX_BODY_LENGTH, PAGE_MAX_BODY_LENGTH);
  });

  it('refuses a blank reply or edit before sending anything', async () => {
    assertKind(await failureOf(reply(' \n\t ')), 'bodyBlank', new RegExp(`Could not reply to comment ${commentId} in octo/repo: the text is empty`));
    assertKind(await failureOf({ kind: 'edit', commentId, body: '' }), 'bodyBlank', new RegExp(`Could not edit comment ${commentId}`), /Write something/);
    assert.equal(github.stats().requests, 0);
  });

  it('refuses a body one character over 65,536 before sending anything, saying how long it is', async () => {
    const body = 'x'.repeat(65_537);
    assertKind(await failureOf(reply(body)), 'bodyTooLong', /has 65,537 characters; GitHub takes at most 65,536/, /Shorten it/);
    assertKind(await failureOf({ kind: 'edit', commentId, body }), 'bodyTooLong', new RegExp(`Could not edit comment ${commentId}`));
    assert.equal(github.stats().requests, 0);
  });

  it('sends a body of exactly 65,536 characters', async () => {
    await runDiscussionMutation(client, reply('y'.repeat(65_536)), REPOSITORY);
    assert.equal(github.stats().mutations, 1);
  });

  it('FORBIDDEN: forbidden, quoting GitHub and naming the action', async () => {
    github.injectFault(refusal('closeDiscussion', 'FORBIDDEN', 'octocat does not have the correct permissions to execute `CloseDiscussion`'), 1, 'graphql');
    assertKind(
      await failureOf({ kind: 'close', discussionId: 'D_1', reason: 'DUPLICATE' }),
      'forbidden',
      /Could not close discussion D_1 as duplicate in octo\/repo: the signed-in account may not do this/,
      /does not have the correct permissions/,
    );
  });

  it('FORBIDDEN because the discussion is locked: locked', async () => {
    github.injectFault(refusal('addDiscussionComment', 'FORBIDDEN', 'Unable to create comment because the discussion is locked.'), 1, 'graphql');
    assertKind(await failureOf(reply('Thanks!')), 'locked', /the discussion is locked/, /until it is unlocked/);
  });

  it('NOT_FOUND: notFound, saying it may have been deleted', async () => {
    github.injectFault(refusal('deleteDiscussionComment', 'NOT_FOUND', "Could not resolve to a node with the global id of 'DC_gone'."), 1, 'graphql');
    assertKind(await failureOf({ kind: 'delete', commentId: 'DC_gone' }), 'notFound', /Could not delete comment DC_gone/, /deleted meanwhile/);
  });

  it('UNPROCESSABLE too long or blank (GitHub counts otherwise than we do): bodyTooLong or bodyBlank', async () => {
    github.injectFault(refusal('updateDiscussionComment', 'UNPROCESSABLE', 'Body is too long (maximum is 65536 characters)'), 1, 'graphql');
    assertKind(await failureOf({ kind: 'edit', commentId, body: 'z'.repeat(60_000) }), 'bodyTooLong', /maximum is 65536/);
    github.injectFault(refusal('addDiscussionComment', 'UNPROCESSABLE', "Body can't be blank"), 1, 'graphql');
    assertKind(await failureOf(reply('\u200b')), 'bodyBlank', /can't be blank/);
  });

  it('any other UNPROCESSABLE: validation; a GraphQL error of another type: unknown; an unknown field: validation', async () => {
    github.injectFault(refusal('addLabelsToLabelable', 'UNPROCESSABLE', 'Labels must belong to the repository'), 1, 'graphql');
    assertKind(
      await failureOf({ kind: 'addLabels', discussionId: 'D_1', labelIds: ['LA_1', 'LA_2'] }),
      'validation',
      /add 2 labels to discussion D_1/,
      /must belong/,
    );
    github.injectFault(refusal('lockLockable', 'SERVICE_UNAVAILABLE', 'Something went wrong'), 1, 'graphql');
    assertKind(await failureOf({ kind: 'lock', discussionId: 'D_1', reason: 'SPAM' }), 'unknown', /Could not lock discussion D_1/, /Something went wrong/);
    github.injectFault(refusal('unlockLockable', undefined, "Field 'unlockLockable' doesn't exist on type 'Mutation'"), 1, 'graphql');
    assertKind(await failureOf({ kind: 'unlock', discussionId: 'D_1' }), 'validation', /rejected the request/, /old GitHub Enterprise Server/);
  });

  it('an answer without the changed object: validation, asking to refresh to see whether it was made', async () => {
    github.injectFault({ kind: 'corrupt', mutate: () => ({ data: { reopenDiscussion: { discussion: null } } }) }, 1, 'graphql');
    assertKind(await failureOf({ kind: 'reopen', discussionId: 'D_1' }), 'validation', /reopenDiscussion\.discussion/, /Refresh the discussion/);
  });

  it('a rate limit that persists: rateLimited', async () => {
    github.injectFault({ kind: 'rateLimit', status: 200, resetAfterSeconds: 3_600 }, 3, 'graphql');
    assertKind(await failureOf({ kind: 'markAnswer', commentId }), 'rateLimited', /rate limit for this account is used up until/, /Try again after the reset/);
  });

  it('a secondary rate limit that persists: rateLimited, saying to wait minutes', async () => {
    github.injectFault({ kind: 'secondaryRateLimit', retryAfterSeconds: 2 }, 3, 'graphql');
    assertKind(await failureOf({ kind: 'unmarkAnswer', commentId }), 'rateLimited', /secondary rate limit/, /asked to wait 2 s/, /Wait a few minutes/);
  });

  it('a dropped connection: network, asking to check whether the change was made, and never sent twice', async () => {
    github.injectFault({ kind: 'drop' }, 4, 'graphql');
    assertKind(
      await failureOf({ kind: 'removeLabels', discussionId: 'D_1', labelIds: ['LA_1'] }),
      'network',
      /remove 1 label from discussion D_1/,
      /Refresh the discussion/,
    );
    // GitHub may have made the change before the answer was lost: a retry could post a reply twice.
    assert.equal(github.stats().graphqlRequests, 1);
  });

  it('an answer cut off in the middle or not JSON: network, not retried either (the change was made)', async () => {
    for (const fault of [{ kind: 'brokenBody' }, { kind: 'notJson', body: 'proxyPage' }] as const) {
      github.resetStats();
      github.injectFault(fault, 1, 'graphql');
      assertKind(await failureOf(reply('Thanks!')), 'network', /Refresh the discussion/);
      assert.equal(github.stats().graphqlRequests, 1, `${fault.kind}: sent once`);
      assert.equal(github.stats().mutations, 1, `${fault.kind}: executed once`);
    }
  });

  it('a server error: not retried either, for the same reason', async () => {
    github.injectFault({ kind: 'status', status: 502 }, 4, 'graphql');
    assertKind(await failureOf(reply('Thanks!')), 'network');
    assert.equal(github.stats().graphqlRequests, 1);
  });

  it('a rejected token: auth', async () => {
    const stranger = createGitHubClient({ baseUrl: github.url, token: 'revoked' }, { waitUnitMs: 1 });
    const error = await runDiscussionMutation(stranger, { kind: 'reopen', discussionId: 'D_1' }, REPOSITORY).catch((thrown: unknown) => thrown);
    assert.ok(error instanceof MutationError);
    assertKind(error, 'auth', /401 Bad credentials/, /Sign in again/);
  });

  it('cancelled: says it may or may not have been made', async () => {
    assertKind(await failureOf({ kind: 'reopen', discussionId: 'D_1' }, AbortSignal.abort()), 'network', /cancelled before GitHub answered/);
    assert.equal(github.stats().requests, 0);
  });
});
