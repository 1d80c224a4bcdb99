import type { NeedsResponseCounts } from '../reportSchema';
import { respondedBucket } from '../triage';
import { everyPostBefore, rowsOfDays, type CommunityFacts } from './facts';

/**
 * How many discussions wait on the team at `until`, per Needs Response bucket: triage.ts's definition
 * (its `respondedBucket` decides) read from the facts as of `until`, so the report does not walk every
 * post a second time. test/unit/community/metrics/needsResponse.test.ts holds it equal to `triage`.
 */
export function needsResponse(facts: CommunityFacts, until: number, staleDays: number): NeedsResponseCounts {
  const { perDiscussion: discussions, posts } = facts;
  const latestRow = everyPostBefore(facts, until) ? discussions.latestRow : latestRowsBefore(facts, until);
  const counts = { noResponse: 0, awaitingReply: 0, unmarkedAnswer: 0 };
  const options = { now: until, staleDays };
  for (let d = 0; d < discussions.length; d++) {
    // An open question at `until`: opened by a person before it (facts hold only those), not closed or locked, no answer by it.
    if (discussions.createdAt[d]! >= until || discussions.open[d] === 0 || discussions.answeredAt[d]! < until) continue;
    if (discussions.firstResponseAt[d]! >= until) {
      counts.noResponse++;
      continue;
    }
    // A response came before `until`, so the latest post is one, or a later post, never the opening post.
    const latest = latestRow[d]!;
    const bucket = respondedBucket(posts.author[latest] === discussions.author[d], posts.createdAt[latest]!, discussions.answerable[d] === 1, options);
    if (bucket) counts[bucket]++;
  }
  const { noResponse, awaitingReply, unmarkedAnswer } = counts;
  return { noResponse, awaitingReply, unmarkedAnswer, total: noResponse + awaitingReply + unmarkedAnswer, staleDays };
}

/**
 * Each discussion's latest post before `until`: its last row before it, as rows are in day order and a discussion's
 * posts keep their order among them (a discussion opened later is not read).
 */
function latestRowsBefore(facts: CommunityFacts, until: number): Int32Array {
  const { perDiscussion, posts } = facts;
  const latestRow = new Int32Array(perDiscussion.length);
  for (let row = 0, end = rowsOfDays(facts, -Infinity, until).end; row < end; row++) {
    if (posts.createdAt[row]! < until) latestRow[posts.discussion[row]!] = row;
  }
  return latestRow;
}
