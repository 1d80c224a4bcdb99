import type { NeedsResponseCounts } from '../reportSchema';
import { respondedBucket } from '../triage';
import type { CommunityFacts } from './facts';

/**
 * How many discussions wait on the team at `until`, per Needs Response bucket: triage.ts's definition
 * (its `respondedBucket` decides) read from the facts as of `until`, so the report does not walk every
 * post a second time. test/unit/metricsNeedsResponse.test.ts holds it equal to `triage`.
 */
export function needsResponse(facts: CommunityFacts, until: number, staleDays: number): NeedsResponseCounts {
  const counts = { noResponse: 0, awaitingReply: 0, unmarkedAnswer: 0 };
  const { perDiscussion: discussions, posts } = facts;
  const options = { now: until, staleDays };
  for (let d = 0; d < discussions.length; d++) {
    // An open question at `until`: opened by a person before it (facts hold only those), not closed or locked, no answer by it.
    if (discussions.createdAt[d]! >= until || discussions.open[d] === 0 || discussions.answeredAt[d]! < until) continue;
    if (discussions.firstResponseAt[d]! >= until) {
      counts.noResponse++;
      continue;
    }
    // The latest post before `until`: D's rows ascend in time after its opening, and its response is before `until`.
    let latest = discussions.firstRow[d + 1]! - 1;
    while (posts.createdAt[latest]! >= until) latest--;
    const byAuthor = posts.author[latest] === discussions.author[d];
    const bucket = respondedBucket(byAuthor, posts.createdAt[latest]!, discussions.answerable[d] === 1, options);
    if (bucket) counts[bucket]++;
  }
  const { noResponse, awaitingReply, unmarkedAnswer } = counts;
  return { noResponse, awaitingReply, unmarkedAnswer, total: noResponse + awaitingReply + unmarkedAnswer, staleDays };
}
