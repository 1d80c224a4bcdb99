import type { Community } from '../model';
import type { People } from '../people';
import type { NeedsResponseCounts } from '../reportSchema';
import { triage, TRIAGE_BUCKETS } from '../triage';
import { communityAsOf } from './asOf';

/**
 * How many discussions wait on the team at `until`, per Needs Response bucket (triage.ts decides).
 * `latestActivityAt`: the latest time in the data, when known (see `communityAsOf`).
 */
export function needsResponse(community: Community, people: People, until: number, staleDays: number, latestActivityAt?: number): NeedsResponseCounts {
  const result = triage(communityAsOf(community, until, latestActivityAt), people, { now: until, staleDays });
  const [noResponse, awaitingReply, unmarkedAnswer] = TRIAGE_BUCKETS.map((bucket) => result[bucket].length) as [number, number, number];
  return { noResponse, awaitingReply, unmarkedAnswer, total: noResponse + awaitingReply + unmarkedAnswer, staleDays };
}
