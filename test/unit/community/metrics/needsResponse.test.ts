import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFacts } from '../../../../src/community/metrics/facts';
import { needsResponse } from '../../../../src/community/metrics/needsResponse';
import type { Community } from '../../../../src/community/model';
import { normalizeCommunity } from '../../../../src/community/normalize';
import { classifyPeople, type People } from '../../../../src/community/people';
import { TRIAGE_BUCKETS, triage } from '../../../../src/community/triage';
import type { DiscussionNode } from '../../../../src/github/schemas';
import { generateCommunity } from '../../../fake-github/generator';
import { at, comment, discussion, reply, T0 } from '../../../support/discussionNodes';
import { factsOf, shifted } from './support';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The report's counts from the facts must be triage's, bucket by bucket, at every moment. */
function assertSameAsTriage(community: Community, people: People, untils: readonly number[], staleDays = 7): Record<string, number> {
  const facts = buildFacts(community, people);
  const seen: Record<string, number> = { noResponse: 0, awaitingReply: 0, unmarkedAnswer: 0 };
  for (const until of untils) {
    const expected = triage(community, people, { now: until, staleDays });
    const counts = needsResponse(facts, until, staleDays);
    for (const bucket of TRIAGE_BUCKETS) {
      assert.equal(counts[bucket], expected[bucket].length, `${bucket} at ${new Date(until).toISOString()}, stale after ${staleDays} days`);
      seen[bucket]! += counts[bucket];
    }
    assert.equal(counts.total, counts.noResponse + counts.awaitingReply + counts.unmarkedAnswer);
  }
  return seen;
}

describe('metrics: needs-response counts', () => {
  it('are triage’s at past moments, at the end of the data and later, on a synthetic community', () => {
    const now = Date.parse('2025-06-01T00:00:00Z');
    const generated = generateCommunity({ bodies: false, seed: 17, discussions: 1_200, now: '2025-06-01T00:00:00Z' });
    const community = normalizeCommunity(generated.repository, generated.discussions as DiscussionNode[]);
    const untils = [now - 300 * DAY, now - 90 * DAY, now - 7 * DAY - 5 * HOUR, now - HOUR, now, now + HOUR, now + 60 * DAY];
    const seen = assertSameAsTriage(community, classifyPeople(community), untils);
    assert.ok(seen['noResponse']! > 0 && seen['awaitingReply']! > 0 && seen['unmarkedAnswer']! > 0, 'every bucket is exercised');
    assertSameAsTriage(community, classifyPeople(community, { ignoreUsers: [community.logins[0]!] }), untils, 2);
  });

  it('are triage’s on the real sample', () => {
    const raw = JSON.parse(readFileSync(join(__dirname, '../../../fixtures/payload-discussions.json'), 'utf8')) as {
      repository: string;
      discussions: DiscussionNode[];
    };
    const community = normalizeCommunity(raw.repository, raw.discussions);
    const times = community.discussions.map((d) => d.createdAt).sort((a, b) => a - b);
    const untils = [0.25, 0.5, 0.75, 1].map((share) => times[Math.floor(share * (times.length - 1))]! + DAY);
    assertSameAsTriage(community, classifyPeople(community), untils);
  });

  it('are triage’s on the edge cases: closed, locked, answered later, bot and hidden posts, replies', () => {
    const community = normalizeCommunity('octo/repo', [
      discussion(1, 'alice', 0),
      discussion(2, 'alice', 0, { closed: true }),
      discussion(3, 'alice', 0, { locked: true }),
      discussion(4, 'alice', 0, { comments: [comment('bob', 5, { isAnswer: true })], answerChosenAt: at(50) }),
      discussion(5, 'github-actions', 0, { bot: true }),
      discussion(6, 'alice', 0, { comments: [comment('bob', 1, { replies: [reply('alice', 3)] }), comment('carol', 40, { deletedAt: at(41) })] }),
      discussion(7, 'alice', 0, { comments: [comment('renovate[bot]', 1), comment('bob', 2, { isMinimized: true }), comment('carol', 30)] }),
      discussion(8, 'alice', 0, { category: 'General', comments: [comment('bob', 1)] }),
      discussion(9, 'alice', 60, { comments: [comment('bob', 61)] }),
      discussion(10, null, 0, { comments: [comment(null, 2), comment('dave', 3)] }),
    ]);
    const untils = [1.5, 2.5, 4, 20, 31, 49, 55, 60, 62, 30 * 24].map((hours) => T0 + hours * HOUR);
    const seen = assertSameAsTriage(community, classifyPeople(community), untils, 1);
    assert.ok(seen['noResponse']! > 0 && seen['awaitingReply']! > 0 && seen['unmarkedAnswer']! > 0, 'every bucket is exercised');
  });

  it('count an unmarked answer only once the latest post is more than staleDays old, as triage does', () => {
    // Bob's comment is exactly 7 days before until (day 30), moved by a second either way.
    const unmarkedWith = (seconds: number) =>
      needsResponse(factsOf([discussion(1, 'alice', 0, { comments: [shifted(comment('bob', 23 * 24), seconds)] })]), T0 + 30 * DAY, 7).unmarkedAnswer;
    assert.deepEqual([-1, 0, 1].map(unmarkedWith), [1, 0, 0]);
  });
});
