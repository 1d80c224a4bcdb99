import { DAY_MS } from '../../shared/time';
import type { InactiveRegular } from '../reportSchema';
import { lastPostPerPerson, rowsOfDays, type CommunityFacts } from './facts';
import type { MetricSettings } from './settings';
import { iso } from './window';

/**
 * The people to reach out to: at least `minResponses` responses in the `lookbackDays` before `until`,
 * and no post at all in the last `inactiveDays`. Bots never appear (their posts are not in the facts);
 * `ghost` (deleted accounts) cannot be reached and is left out. Most responses first.
 * `lastPost`: `lastPostPerPerson(facts, until)`, when the caller has it.
 */
export function inactiveRegulars(
  facts: CommunityFacts,
  until: number,
  settings: MetricSettings,
  lastPost: Float64Array = lastPostPerPerson(facts, until),
): InactiveRegular[] {
  const { minResponses, lookbackDays, inactiveDays } = settings.inactiveRegular;
  const lookbackStart = until - lookbackDays * DAY_MS;
  const activeSince = until - inactiveDays * DAY_MS;
  const { posts } = facts;
  const responses = new Int32Array(facts.logins.length);
  const { first, end } = rowsOfDays(facts, lookbackStart, until);
  for (let row = first; row < end; row++) {
    const at = posts.createdAt[row]!;
    if (posts.isResponse[row] === 1 && at >= lookbackStart && at < until) responses[posts.author[row]!]!++;
  }
  const result: InactiveRegular[] = [];
  responses.forEach((count, person) => {
    const last = lastPost[person]!;
    if (count < minResponses || last >= activeSince || person === facts.ghost) return;
    result.push({
      login: facts.logins[person]!,
      maintainer: facts.isMaintainer[person] === 1,
      responses: count,
      lastActive: iso(last),
      daysInactive: Math.floor((until - last) / DAY_MS),
    });
  });
  return result.sort((a, b) => b.responses - a.responses || a.login.localeCompare(b.login));
}
