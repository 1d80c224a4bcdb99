import type { Community } from '../model';
import type { People } from '../people';
import type { NeedsResponseCounts } from '../reportSchema';
import { triage, TRIAGE_BUCKETS } from '../triage';

/**
 * How many discussions wait on the team at `until`, per Needs Response bucket (triage.ts decides, on
 * the community as it stood at `until`).
 */
export function needsResponse(community: Community, people: People, until: number, staleDays: number): NeedsResponseCounts {
  const result = triage(community, people, { now: until, staleDays });
  const [noResponse, awaitingReply, unmarkedAnswer] = TRIAGE_BUCKETS.map((bucket) => result[bucket].length) as [number, number, number];
  return { noResponse, awaitingReply, unmarkedAnswer, total: noResponse + awaitingReply + unmarkedAnswer, staleDays };
}
