import { DAY_MS } from '../../shared/time';
import type { Contributor, ScoreComponents } from '../reportSchema';
import { weekIndex } from './calendar';
import { lastPostPerPerson, rowsOfDays, type CommunityFacts } from './facts';
import type { MetricSettings, ScoreWeights } from './settings';
import { inWindow, iso, type Window } from './window';
import type { WindowTotals } from './windowTotals';

export interface Contributors {
  /** The `contributorLimit` people with the most responses in the window. */
  readonly contributors: Contributor[];
  /** Every eligible contributor, highest score first. */
  readonly leaders: Contributor[];
}

/**
 * Community members (neither bots nor maintainers, nor `ghost`) who responded in the window, each
 * with the components of the leader score, the score as a weighted sum of them, and whether they meet
 * every leader threshold. `lastActive`: `lastPostPerPerson(facts, window.until)`, when the caller has it.
 */
export function contributors(
  facts: CommunityFacts,
  totals: WindowTotals,
  settings: MetricSettings,
  lastActive: Float64Array = lastPostPerPerson(facts, totals.window.until),
): Contributors {
  const { window } = totals;
  const { isMaintainer, ghost } = facts;
  const isMember = (person: number): boolean => totals.responses[person]! > 0 && isMaintainer[person] === 0 && person !== ghost;
  const fewestListed = fewestResponsesListed(totals.responses, isMember, settings.contributorLimit);
  // Tens of thousands may have responded, most of them once or twice. Whoever has fewer responses than
  // both the listing cut and the leaders' minimum can be neither listed nor a leader: the other
  // components are counted, and a tally made, for the rest only.
  const fewestCounted = Math.min(fewestListed, settings.leader.minResponses);
  const candidate = new Uint8Array(facts.logins.length);
  for (let person = 0; person < candidate.length; person++) if (isMember(person) && totals.responses[person]! >= fewestCounted) candidate[person] = 1;
  const { peopleHelped, activeWeeks } = helpedAndWeeks(facts, window, candidate, totals.responses);
  const firstResponses = firstResponsesPerPerson(facts, window);
  const checks = leaderChecks(window.until, settings);
  const tallies: Tally[] = [];
  for (let person = 0; person < facts.logins.length; person++) {
    if (candidate[person] === 0) continue;
    const components: ScoreComponents = {
      responses: totals.responses[person]!,
      acceptedAnswers: totals.acceptedAnswers[person]!,
      peopleHelped: peopleHelped[person]!,
      firstResponses: firstResponses[person]!,
      activeWeeks: activeWeeks[person]!,
      upvotes: totals.upvotes[person]!,
    };
    const lastResponse = totals.lastResponse[person]!;
    const eligible = checks.every((check) => check.met(components, lastResponse));
    if (!eligible && components.responses < fewestListed) continue;
    tallies.push({ person, login: facts.logins[person]!, components, lastResponse, score: score(components, settings.scoreWeights), eligible });
  }
  const describe = (tally: Tally): Contributor => ({
    login: tally.login,
    ...tally.components,
    lastActive: iso(lastActive[tally.person]!),
    lastResponse: iso(tally.lastResponse),
    score: tally.score,
    scoreParts: weighted(tally.components, settings.scoreWeights),
    eligible: tally.eligible,
    unmet: checks.filter((check) => !check.met(tally.components, tally.lastResponse)).map((check) => check.describe(tally.components, tally.lastResponse)),
  });
  const mostResponses = tallies
    .filter((tally) => tally.components.responses >= fewestListed)
    .sort((a, b) => b.components.responses - a.components.responses || b.score - a.score || byLogin(a, b))
    .slice(0, settings.contributorLimit);
  const leaders = tallies
    .filter((tally) => tally.eligible)
    .sort((a, b) => b.score - a.score || b.components.responses - a.components.responses || byLogin(a, b));
  return { contributors: mostResponses.map(describe), leaders: leaders.map(describe) };
}

/**
 * The responses of the `limit`-th member by responses: nobody with fewer can be among the `limit`
 * listed (ties at that count are decided by score and login).
 */
function fewestResponsesListed(responses: Int32Array, isMember: (person: number) => boolean, limit: number): number {
  const counts: number[] = [];
  for (let person = 0; person < responses.length; person++) if (isMember(person)) counts.push(responses[person]!);
  const listed = Math.trunc(limit); // as `slice` reads it
  if (counts.length <= listed) return 0;
  return listed <= 0 ? Infinity : Int32Array.from(counts).sort()[counts.length - listed]!;
}

interface Tally {
  readonly person: number;
  readonly login: string;
  readonly components: ScoreComponents;
  readonly lastResponse: number;
  readonly score: number;
  readonly eligible: boolean;
}

function byLogin(a: Tally, b: Tally): number {
  return a.login < b.login ? -1 : a.login > b.login ? 1 : 0;
}

/** The leader score's components, in the score's order (docs/metrics.md#contributors-and-leader-candidates). */
export const SCORE_COMPONENTS = [
  'responses',
  'acceptedAnswers',
  'peopleHelped',
  'firstResponses',
  'activeWeeks',
  'upvotes',
] as const satisfies readonly (keyof ScoreComponents)[];

/** The leader score: Σ weight × component. */
export function score(components: ScoreComponents, weights: ScoreWeights): number {
  let total = 0;
  for (const key of SCORE_COMPONENTS) total += components[key] * weights[key];
  return total;
}

function weighted(components: ScoreComponents, weights: ScoreWeights): ScoreComponents {
  const parts = { ...components };
  for (const key of SCORE_COMPONENTS) parts[key] = components[key] * weights[key];
  return parts;
}

/** One leader threshold: whether a contributor meets it, and what falls short, in words with the figures. */
interface LeaderCheck {
  met(components: ScoreComponents, lastResponse: number): boolean;
  describe(components: ScoreComponents, lastResponse: number): string;
}

function leaderChecks(until: number, settings: MetricSettings): LeaderCheck[] {
  const { minResponses, minPeopleHelped, minActiveWeeks, recentDays } = settings.leader;
  const atLeast = (key: 'responses' | 'peopleHelped' | 'activeWeeks', min: number, noun: string): LeaderCheck => ({
    met: (components) => components[key] >= min,
    describe: (components) => `${components[key]} ${noun} (needs ${min})`,
  });
  return [
    atLeast('responses', minResponses, 'responses'),
    atLeast('peopleHelped', minPeopleHelped, 'people helped'),
    atLeast('activeWeeks', minActiveWeeks, 'active weeks'),
    {
      met: (_, lastResponse) => lastResponse >= until - recentDays * DAY_MS,
      describe: (_, lastResponse) => `no response in the last ${recentDays} days (latest ${Math.floor((until - lastResponse) / DAY_MS)} days before until)`,
    },
  ];
}

/**
 * Per person (among `counted`), over their responses in the window (`responses` of them): the distinct
 * authors of the discussions they responded to, and the distinct weeks they responded in. The
 * responses are bucketed by responder (few people, whose bucket sizes are their response counts), then
 * one stamp per author and one per week tell what the responder already had.
 */
function helpedAndWeeks(facts: CommunityFacts, window: Window, counted: Uint8Array, responses: Int32Array) {
  const { posts } = facts;
  const opener = facts.perDiscussion.author;
  const { since, until } = window;
  const responders: number[] = [];
  const bucketOf = new Int32Array(counted.length).fill(-1);
  for (let person = 0; person < counted.length; person++) if (counted[person] === 1) bucketOf[person] = responders.push(person) - 1;
  const start = new Int32Array(responders.length + 1);
  responders.forEach((person, bucket) => (start[bucket + 1] = start[bucket]! + responses[person]!));
  const helpedOf = new Int32Array(start[responders.length]!);
  const firstWeek = weekIndex(since);
  const weekOf = new Int32Array(start[responders.length]!);
  const next = start.slice(0, responders.length);
  const { first, end } = rowsOfDays(facts, since, until);
  for (let row = first; row < end; row++) {
    const at = posts.createdAt[row]!;
    const bucket = bucketOf[posts.author[row]!]!;
    if (posts.isResponse[row] === 0 || at < since || at >= until || bucket < 0) continue;
    const index = next[bucket]!++;
    helpedOf[index] = opener[posts.discussion[row]!]!;
    weekOf[index] = weekIndex(at) - firstWeek;
  }
  const peopleHelped = new Int32Array(counted.length);
  const activeWeeks = new Int32Array(counted.length);
  const helpedStamp = new Int32Array(facts.logins.length).fill(-1);
  const weekStamp = new Int32Array(weekIndex(until - 1) - firstWeek + 1).fill(-1);
  responders.forEach((person, bucket) => {
    for (let index = start[bucket]!; index < start[bucket + 1]!; index++) {
      if (helpedStamp[helpedOf[index]!] !== bucket) {
        helpedStamp[helpedOf[index]!] = bucket;
        peopleHelped[person]!++;
      }
      if (weekStamp[weekOf[index]!] !== bucket) {
        weekStamp[weekOf[index]!] = bucket;
        activeWeeks[person]!++;
      }
    }
  });
  return { peopleHelped, activeWeeks };
}

/** Per person, the discussions whose first response is theirs and was posted in the window. */
function firstResponsesPerPerson(facts: CommunityFacts, window: Window): Int32Array {
  const counts = new Int32Array(facts.logins.length);
  const { firstResponseAt, firstResponder } = facts.perDiscussion;
  for (let d = 0; d < facts.perDiscussion.length; d++) {
    if (inWindow(firstResponseAt[d]!, window)) counts[firstResponder[d]!]!++;
  }
  return counts;
}
