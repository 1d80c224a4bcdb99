import { strict as assert } from 'node:assert';
import { normalizeCommunity } from '../../../src/community/normalize';
import { classifyPeople, type PeopleOptions } from '../../../src/community/people';
import { triage, type Triage, type TriageBucket } from '../../../src/community/triage';
import type { DiscussionNode } from '../../../src/github/schemas';
import { T0, at, comment, discussion, reply } from '../../support/discussionNodes';
import { shifted } from './metrics/support';

const HOUR = 3_600_000;
const NOW = T0 + 30 * 24 * HOUR;

function run(nodes: DiscussionNode[], options: PeopleOptions = {}, now = NOW): Triage {
  const community = normalizeCommunity('octo/repo', nodes);
  return triage(community, classifyPeople(community, options), { now, staleDays: 7 });
}

/** Which bucket each discussion number landed in, for compact assertions. */
function buckets(result: Triage): Record<number, TriageBucket> {
  const byNumber: Record<number, TriageBucket> = {};
  for (const [bucket, items] of Object.entries(result) as [TriageBucket, Triage[TriageBucket]][]) {
    for (const item of items) byNumber[item.discussion.number] = bucket;
  }
  return byNumber;
}

describe('Needs Response triage', () => {
  it('puts a discussion without any comment in noResponse, waiting since it was opened', () => {
    const result = run([discussion(1, 'alice', 0)]);
    assert.equal(result.noResponse.length, 1);
    assert.equal(result.noResponse[0]!.waitingSince, T0);
    assert.equal(result.noResponse[0]!.waitingOn, 'alice');
  });

  it('does not count the author, bots, ignored users, deleted or minimized comments as a response', () => {
    const result = run(
      [
        discussion(1, 'alice', 0, { comments: [comment('alice', 1)] }),
        discussion(2, 'alice', 0, { comments: [comment('github-actions', 1, { bot: true })] }),
        discussion(3, 'alice', 0, { comments: [comment('renovate[bot]', 1)] }),
        discussion(4, 'alice', 0, { comments: [comment('stalebot', 1)] }),
        discussion(5, 'alice', 0, { comments: [comment('bob', 1, { deletedAt: at(2) })] }),
        discussion(6, 'alice', 0, { comments: [comment('bob', 1, { isMinimized: true })] }),
      ],
      { ignoreUsers: ['StaleBot'] },
    );
    assert.deepEqual(buckets(result), { 1: 'noResponse', 2: 'noResponse', 3: 'noResponse', 4: 'noResponse', 5: 'noResponse', 6: 'noResponse' });
  });

  it('counts a reply by someone else as a response', () => {
    const result = run([
      discussion(1, 'alice', 0, { comments: [comment('alice', 1, { replies: [reply('bob', 2)] })], category: 'General' }),
      discussion(2, 'alice', 0, { comments: [comment('alice', 1, { replies: [reply('alice', 2)] })], category: 'General' }),
    ]);
    assert.deepEqual(buckets(result), { 2: 'noResponse' });
  });

  it('puts a discussion whose author posted last in awaitingReply, waiting since that post', () => {
    const result = run([discussion(1, 'alice', 0, { comments: [comment('bob', 1, { replies: [reply('alice', 5)] })] })]);
    assert.deepEqual(buckets(result), { 1: 'awaitingReply' });
    assert.equal(result.awaitingReply[0]!.waitingSince, T0 + 5 * HOUR);
  });

  it('ignores bot, deleted and minimized posts when finding the latest post', () => {
    const result = run([
      // The author came back, then a bot commented: still waiting on the team since the author's post.
      discussion(1, 'alice', 0, { comments: [comment('bob', 1), comment('alice', 2), comment('ci', 3, { bot: true })] }),
      // The author's comeback was deleted: the latest visible post is bob's, recent, so not listed.
      discussion(2, 'alice', 0, { comments: [comment('bob', 28 * 24), comment('alice', 29 * 24, { deletedAt: at(29 * 24 + 1) })] }),
    ]);
    assert.deepEqual(buckets(result), { 1: 'awaitingReply' });
    assert.equal(result.awaitingReply[0]!.waitingSince, T0 + 2 * HOUR);
  });

  it('flags an answerable discussion whose latest post by someone else is older than staleDays as unmarkedAnswer', () => {
    const result = run([
      discussion(1, 'alice', 0, { comments: [comment('bob', 1)] }), // 30 days old: stale
      discussion(2, 'alice', 0, { comments: [comment('bob', 23 * 24 + 1)] }), // 6 days 23 h before now: not yet
      discussion(3, 'alice', 0, { comments: [comment('bob', 1)], category: 'General' }), // not answerable
      discussion(4, 'alice', 0, { comments: [comment('bob', 1)], category: null }), // no category: not answerable
    ]);
    assert.deepEqual(buckets(result), { 1: 'unmarkedAnswer' });
    assert.equal(result.unmarkedAnswer[0]!.waitingSince, T0 + HOUR);
    assert.equal(result.unmarkedAnswer[0]!.waitingOn, 'bob');
  });

  it('flags an unmarked answer only once the latest post is more than staleDays (7) old: exactly 7 days is not yet', () => {
    // Bob's comment at 552 h is exactly 7 days before now (720 h); moved by a second either way.
    const bucketWith = (seconds: number) => buckets(run([discussion(1, 'alice', 0, { comments: [shifted(comment('bob', 552), seconds)] })]));
    assert.deepEqual(bucketWith(-1), { 1: 'unmarkedAnswer' }, '7 days and a second');
    assert.deepEqual(bucketWith(0), {}, 'exactly 7 days');
    assert.deepEqual(bucketWith(1), {}, 'a second less than 7 days');
  });

  it('leaves out closed, locked and answered discussions, and those opened by a bot', () => {
    const result = run([
      discussion(1, 'alice', 0, { closed: true }),
      discussion(2, 'alice', 0, { locked: true }),
      discussion(3, 'alice', 0, { comments: [comment('bob', 1, { isAnswer: true })] }),
      discussion(4, 'dependabot', 0, { bot: true }),
    ]);
    assert.deepEqual(buckets(result), {});
  });

  it('orders each bucket longest-waiting first', () => {
    const result = run([discussion(1, 'a', 50), discussion(2, 'b', 10), discussion(3, 'c', 30)]);
    assert.deepEqual(
      result.noResponse.map((item) => item.discussion.number),
      [2, 3, 1],
    );
  });

  it('treats a null author as ghost, and absent fields as open, unlocked, not deleted', () => {
    const node = discussion(1, null, 0, { comments: [comment('bob', 1), comment(null, 2)] });
    delete node.closed;
    delete node.locked;
    const result = run([node]);
    assert.deepEqual(buckets(result), { 1: 'awaitingReply' });
    assert.equal(result.awaitingReply[0]!.waitingOn, 'ghost');
  });
});

describe('People', () => {
  it('recognises maintainers by association or by setting, case-insensitively', () => {
    const community = normalizeCommunity('octo/repo', [
      discussion(1, 'alice', 0, {
        comments: [
          comment('Owner1', 1, { authorAssociation: 'OWNER' }),
          comment('member', 2, { authorAssociation: 'MEMBER' }),
          comment('contrib', 3, { authorAssociation: 'CONTRIBUTOR' }),
        ],
      }),
    ]);
    const people = classifyPeople(community, { maintainers: ['Carol'] });
    assert.equal(people.isMaintainer('owner1'), true);
    assert.equal(people.isMaintainer('member'), true);
    assert.equal(people.isMaintainer('carol'), true);
    assert.equal(people.isMaintainer('contrib'), false);
    assert.equal(people.isMaintainer('alice'), false);
  });

  it('recognises bots by actor type, [bot] suffix and the ignore list', () => {
    const community = normalizeCommunity('octo/repo', [discussion(1, 'github-actions', 0, { bot: true })]);
    const people = classifyPeople(community, { ignoreUsers: ['Noisy'] });
    assert.equal(people.isBot('github-actions'), true);
    assert.equal(people.isBot('renovate[bot]'), true);
    assert.equal(people.isBot('noisy'), true);
    assert.equal(people.isBot('alice'), false);
  });
});

describe('Needs Response as of a past moment', () => {
  it('judges each discussion as it stood then: later posts, answers and discussions are unseen', () => {
    const nodes = [discussion(1, 'alice', 0, { comments: [comment('bob', 48, { isAnswer: true })] }), discussion(2, 'carol', 30)];
    const result = run(nodes, {}, T0 + 24 * HOUR);
    assert.deepEqual(buckets(result), { 1: 'noResponse' });
    assert.equal(result.noResponse[0]!.waitingSince, T0);
  });
});
