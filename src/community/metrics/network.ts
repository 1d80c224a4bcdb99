import { CORE_PICTURE_LIMIT, type CategoryNetwork, type Connector, type CorePicture, type CoreTie, type Network } from '../reportSchema';
import { NO_CATEGORY } from './categories';
import { explainNulls, NOBODY_POSTED } from './explain';
import { isInteraction, rowsOfDays, type CommunityFacts } from './facts';
import { PersonCategoryBits } from './personCategoryBits';
import { ScratchArrays, type ScratchOwner } from './scratch';
import { rate } from './stats';
import type { WindowTotals } from './windowTotals';

const CONNECTORS = 10;
const STRONG = 2;
const NO_TIES = 'nobody answered another person in the window: there are no ties';

/**
 * The network's working arrays, kept from one network to the next (scratch.ts says why): up to 32 MB, room
 * for about a million posts in a window (eight numbers each), some 200,000 discussions over 90 days.
 */
const SCRATCH: ScratchOwner = { buffers: [], limitBytes: 32 * 1024 * 1024 };

/** Who knows whom in a window, with what the report's section leaves out: each person's ties, the strong ties, the core. */
export interface InteractionNetwork {
  readonly section: Omit<Network, 'core'>;
  /** Per person id: ties and strong ties in the window. */
  readonly tiesOf: Int32Array;
  readonly strongTiesOf: Int32Array;
  /** The strong ties, as triples of low person id, high person id, strength. */
  readonly strongTies: Int32Array;
  /** Per person id: 1 for the people of the core (the largest group the strong ties hold together). */
  readonly inCore: Uint8Array;
}

/** A person's place in the network of a window, as the People view shows it. */
export interface PersonTies {
  readonly ties: number;
  readonly strongTies: number;
  /** One of the `network.connectors`. */
  readonly connector: boolean;
}

/** Each person's ties in the network `found` of a window, by login (null for a login not in the data). */
export function peopleTies(facts: CommunityFacts, found: InteractionNetwork): (login: string) => PersonTies | null {
  const connectors = new Set(found.section.connectors.map((connector) => connector.login));
  // Made on the first question: only the People view asks, and tens of thousands of logins are not free.
  let idOf: Map<string, number> | undefined;
  return (login) => {
    const person = (idOf ??= new Map(facts.logins.map((each, id) => [each, id]))).get(login);
    if (person === undefined) return null;
    return { ties: found.tiesOf[person]!, strongTies: found.strongTiesOf[person]!, connector: connectors.has(login) };
  };
}

/**
 * Who knows whom (docs/metrics.md "Network"): the ties between people who answered each other in the
 * window, how many are strong (met in two discussions or more), the core those hold together, the best
 * connected people, and the same per category, within its discussions alone.
 *
 * No table of ties: the window's interactions are grouped by the lower person id of their pair, each
 * person's in discussion order, so that one person's ties are counted with arrays indexed by the other
 * person, and the counts for a tie are final when its lower person is done.
 */
export function interactionNetwork(facts: CommunityFacts, totals: WindowTotals): InteractionNetwork {
  const people = facts.logins.length;
  const take = new ScratchArrays(SCRATCH);
  const { participation } = totals;
  const { byLow, partner, rank, categoryOfRank } = windowInteractions(facts, totals, take);
  const categoryCount = facts.categories.length;
  const categoryTies = new Int32Array(categoryCount);
  const categoryStrongTies = new Int32Array(categoryCount);
  const knowing = new PersonCategoryBits(people, categoryCount, take);
  // Per other person (`high`), the pair of the lower person being counted (`low`) with them so far: a
  // record of `PAIR_FIELDS` per person, so that an interaction touches one cache line.
  const pairs = take.int32(people * PAIR_FIELDS, -1);
  const partners = take.int32(people);
  const tally = new TieTally(people, partner.length, take);
  for (let low = 0; low < people; low++) {
    let found = 0;
    for (let at = byLow[low]!, end = byLow[low + 1]!; at < end; at++) {
      const high = partner[at]! >>> 1;
      const discussion = rank[at]!;
      const pair = high * PAIR_FIELDS;
      const way = 1 << (partner[at]! & 1);
      if (pairs[pair + SEEN_BY] !== low) {
        const category = categoryOfRank[discussion]!;
        pairs[pair + SEEN_BY] = low;
        partners[found++] = high;
        pairs[pair + LAST_RANK] = discussion;
        pairs[pair + STRENGTH_WAYS] = STRENGTH_UNIT | way;
        pairs[pair + CATEGORY_STRENGTH] = category * CATEGORY_UNIT + 1;
        categoryTies[category]!++;
        continue;
      }
      pairs[pair + STRENGTH_WAYS]! |= way;
      if (pairs[pair + LAST_RANK] === discussion) continue;
      pairs[pair + LAST_RANK] = discussion;
      pairs[pair + STRENGTH_WAYS]! += STRENGTH_UNIT;
      const category = categoryOfRank[discussion]!;
      const inCategory = pairs[pair + CATEGORY_STRENGTH]!;
      if (inCategory - (inCategory % CATEGORY_UNIT) !== category * CATEGORY_UNIT) {
        pairs[pair + CATEGORY_STRENGTH] = category * CATEGORY_UNIT + 1;
        categoryTies[category]!++;
      } else if (inCategory % CATEGORY_UNIT === 1) {
        pairs[pair + CATEGORY_STRENGTH] = inCategory + 1;
        categoryStrongTies[category]!++;
        // Knowing someone in a category counts for its participants only.
        if (participation.has(low, category)) knowing.add(low, category);
        if (participation.has(high, category)) knowing.add(high, category);
      }
    }
    for (let k = 0; k < found; k++) {
      const pair = partners[k]! * PAIR_FIELDS;
      const strengthWays = pairs[pair + STRENGTH_WAYS]!;
      tally.tie(low, partners[k]!, strengthWays >>> 2, (strengthWays & BOTH_WAYS) === BOTH_WAYS);
    }
  }
  const categories: CategoryNetwork[] = [];
  for (let category = 0; category < categoryCount; category++) {
    // The ghost account (deleted users) is nobody to know: not a participant here.
    const participants = participation.count[category]! - (facts.ghost >= 0 && participation.has(facts.ghost, category) ? 1 : 0);
    if (participants === 0) continue;
    categories.push({
      name: facts.categories[category]?.name ?? NO_CATEGORY,
      participants,
      ties: categoryTies[category]!,
      strongTies: categoryStrongTies[category]!,
      knowSomeoneRate: knowing.count[category]! / participants,
    });
  }
  return summarize(facts, tally, participation.isParticipant, categories);
}

// The fields of a pair's record while its lower person is counted, 16 bytes: four to a cache line.
const SEEN_BY = 0;
/** The rank of the last discussion the pair met in. */
const LAST_RANK = 1;
/** Strength << 2 | ways (bit 1: the lower person answered the higher; bit 2: the other way). */
const STRENGTH_WAYS = 2;
const STRENGTH_UNIT = 4;
/** The category of the last discussion × `CATEGORY_UNIT` + the discussions met in within it, counted up to `STRONG`. */
const CATEGORY_STRENGTH = 3;
const CATEGORY_UNIT = 4;
const PAIR_FIELDS = 4;
const BOTH_WAYS = 3;

/** Every tie once, as it is found: each person's ties and strong ties, the strong ties, and the groups they join. */
class TieTally {
  ties = 0;
  reciprocalTies = 0;
  readonly tiesOf: Int32Array;
  readonly strongTiesOf: Int32Array;
  strongTies = 0;
  readonly groups: Components;
  /** Triples: low person id, high person id, strength (`strongTies` of them). */
  private readonly strong: Int32Array;

  /** `interactions`: at most one tie each. */
  constructor(people: number, interactions: number, take: ScratchArrays) {
    this.tiesOf = new Int32Array(people);
    this.strongTiesOf = new Int32Array(people);
    this.groups = new Components(people, take);
    // A strong tie takes two interactions at least (two discussions).
    this.strong = take.int32(3 * Math.floor(interactions / 2));
  }

  /** The strong ties found, as triples: low person id, high person id, strength. */
  strongTriples(): Int32Array {
    return this.strong.slice(0, 3 * this.strongTies);
  }

  tie(low: number, high: number, strength: number, reciprocal: boolean): void {
    this.ties++;
    this.tiesOf[low]!++;
    this.tiesOf[high]!++;
    if (reciprocal) this.reciprocalTies++;
    if (strength < STRONG) return;
    const at = 3 * this.strongTies++;
    this.strong[at] = low;
    this.strong[at + 1] = high;
    this.strong[at + 2] = strength;
    this.strongTiesOf[low]!++;
    this.strongTiesOf[high]!++;
    this.groups.join(low, high);
  }
}

/**
 * The window's interactions (a post answering another person: `PostColumns.answers`, neither oneself,
 * nobody nor `ghost`), grouped by the lower person id of their pair: person p's are `byLow[p]` to
 * `byLow[p + 1]`, each with the other person and who answered (`partner`: high << 1, | 1 when the higher
 * answered the lower) and the rank of its discussion (`rank`), ascending. Discussions are ranked by
 * category, so that a category's are consecutive.
 */
interface WindowInteractions {
  readonly byLow: Int32Array;
  readonly partner: Int32Array;
  readonly rank: Int32Array;
  readonly categoryOfRank: Int32Array;
}

/**
 * One pass over the window's rows (in day order, read one after another) writes each interaction straight to its
 * place in rank order (a stable counting sort, with no unsorted copy: the window's totals counted each discussion's
 * interactions); then a stable counting sort by lower person. No per-post allocation.
 */
function windowInteractions(facts: CommunityFacts, totals: WindowTotals, take: ScratchArrays): WindowInteractions {
  const { perDiscussion, posts, ghost } = facts;
  const { since, until } = totals.window;
  const { createdAt, author, answers, discussion: discussionOf } = posts;
  const people = facts.logins.length;
  const discussions = perDiscussion.length;
  const categoryCount = facts.categories.length;
  const discussionOfRank = byCategory(perDiscussion.category, discussions, categoryCount, take);
  const rankOf = take.int32(discussions);
  const categoryOfRank = take.int32(discussions);
  for (let r = 0; r < discussions; r++) {
    rankOf[discussionOfRank[r]!] = r;
    categoryOfRank[r] = perDiscussion.category[discussionOfRank[r]!]!;
  }
  /** Where each rank's interactions start, from the window's count per discussion. */
  const rankStart = take.int32(discussions + 1, 0);
  for (let rank = 0; rank < discussions; rank++) rankStart[rank + 1] = rankStart[rank]! + totals.interactionsPerDiscussion[discussionOfRank[rank]!]!;
  const interactions = rankStart[discussions]!;
  const { first, end } = rowsOfDays(facts, since, until);
  const inRankOrder = { low: take.int32(interactions), partner: take.int32(interactions), rank: take.int32(interactions) };
  const byLow = take.int32(people + 1, 0);
  for (let row = first; row < end; row++) {
    const time = createdAt[row]!;
    const from = author[row]!;
    const to = answers[row]!;
    if (time < since || time >= until || !isInteraction(from, to, ghost)) continue;
    const rank = rankOf[discussionOf[row]!]!;
    const at = rankStart[rank]!++;
    const lower = from < to ? from : to;
    inRankOrder.low[at] = lower;
    inRankOrder.partner[at] = from === lower ? to << 1 : (from << 1) | 1;
    inRankOrder.rank[at] = rank;
    byLow[lower + 1]!++;
  }
  const sorted = { partner: take.int32(interactions), rank: take.int32(interactions) };
  countingSortByLow(inRankOrder, byLow, sorted, interactions, take);
  return { byLow, partner: sorted.partner, rank: sorted.rank, categoryOfRank };
}

interface InteractionColumns {
  readonly low: Int32Array;
  readonly partner: Int32Array;
  readonly rank: Int32Array;
}

/**
 * Copies the first `length` interactions of `from` into `to` ordered by lower person (stable), given
 * `counts`: counts[p + 1] holds how many have lower person p (turned into where p's start).
 */
function countingSortByLow(from: InteractionColumns, counts: Int32Array, to: Omit<InteractionColumns, 'low'>, length: number, take: ScratchArrays): void {
  for (let key = 1; key < counts.length; key++) counts[key]! += counts[key - 1]!;
  const next = take.int32(counts.length);
  next.set(counts);
  for (let at = 0; at < length; at++) {
    const place = next[from.low[at]!]!++;
    to.partner[place] = from.partner[at]!;
    to.rank[place] = from.rank[at]!;
  }
}

/** The discussions grouped by category (a stable counting sort): rank → discussion. */
function byCategory(categoryOf: Int32Array, discussions: number, categories: number, take: ScratchArrays): Int32Array {
  const start = new Int32Array(categories + 1);
  for (let d = 0; d < discussions; d++) start[categoryOf[d]! + 1]!++;
  for (let c = 0; c < categories; c++) start[c + 1]! += start[c]!;
  const ranked = take.int32(discussions);
  for (let d = 0; d < discussions; d++) ranked[start[categoryOf[d]!]!++] = d;
  return ranked;
}

function summarize(facts: CommunityFacts, tally: TieTally, isParticipant: Int32Array, categories: CategoryNetwork[]): InteractionNetwork {
  const { tiesOf, strongTiesOf, ties } = tally;
  const people = facts.logins.length;
  let participants = 0;
  let connectedParticipants = 0;
  let knowSomeone = 0;
  let connected = 0;
  for (let person = 0; person < people; person++) {
    if (tiesOf[person]! > 0) connected++;
    if (isParticipant[person] === 0 || person === facts.ghost) continue;
    participants++;
    if (tiesOf[person]! > 0) connectedParticipants++;
    if (strongTiesOf[person]! > 0) knowSomeone++;
  }
  const inCore = tally.groups.largestMembers();
  const section = explainNulls(
    {
      participants,
      connectedParticipants,
      ties,
      strongTies: tally.strongTies,
      reciprocalTies: tally.reciprocalTies,
      density: connected < 2 ? null : ties / ((connected * (connected - 1)) / 2),
      meanTies: connected === 0 ? null : (2 * ties) / connected,
      knowSomeoneRate: rate(knowSomeone, participants),
      coreSize: inCore.reduce((sum, member) => sum + member, 0),
      connectors: connectors(facts.logins, tiesOf, strongTiesOf),
      categories: categories.sort((a, b) => b.participants - a.participants || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    },
    { density: NO_TIES, meanTies: NO_TIES, knowSomeoneRate: NOBODY_POSTED },
  );
  return { section, tiesOf, strongTiesOf, strongTies: tally.strongTriples(), inCore };
}

/**
 * The core's picture: its `CORE_PICTURE_LIMIT` best-connected people (most strong ties, then
 * most ties, then by login) with their role (`leaders`: the logins of the window's leader candidates), and
 * the strong ties among them.
 */
export function corePicture(facts: CommunityFacts, found: InteractionNetwork, leaders: ReadonlySet<string>): CorePicture {
  const { logins, isMaintainer } = facts;
  const { tiesOf, strongTiesOf, strongTies, inCore } = found;
  const members: number[] = [];
  for (let person = 0; person < inCore.length; person++) if (inCore[person] === 1) members.push(person);
  members.sort((a, b) => strongTiesOf[b]! - strongTiesOf[a]! || tiesOf[b]! - tiesOf[a]! || (logins[a]! < logins[b]! ? -1 : 1));
  const shown = members.slice(0, CORE_PICTURE_LIMIT);
  const place = new Map(shown.map((person, index) => [person, index]));
  const ties: CoreTie[] = [];
  for (let at = 0; at < strongTies.length; at += 3) {
    const from = place.get(strongTies[at]!);
    const to = place.get(strongTies[at + 1]!);
    if (from === undefined || to === undefined) continue;
    ties.push({ from: Math.min(from, to), to: Math.max(from, to), strength: strongTies[at + 2]! });
  }
  ties.sort((a, b) => a.from - b.from || a.to - b.to);
  return {
    people: shown.map((person) => ({
      login: logins[person]!,
      ties: tiesOf[person]!,
      strongTies: strongTiesOf[person]!,
      role: isMaintainer[person] === 1 ? 'maintainer' : leaders.has(logins[person]!) ? 'leaderCandidate' : 'member',
    })),
    ties,
  };
}

/**
 * The `CONNECTORS` people with the most ties, then the most strong ties, then by login (code points):
 * kept as a short sorted list while scanning everyone once, since sorting tens of thousands of connected
 * people took a third of the network's time.
 */
function connectors(logins: readonly string[], tiesOf: Int32Array, strongTiesOf: Int32Array): Connector[] {
  const before = (a: number, b: number): boolean =>
    tiesOf[a] !== tiesOf[b] ? tiesOf[a]! > tiesOf[b]! : strongTiesOf[a] !== strongTiesOf[b] ? strongTiesOf[a]! > strongTiesOf[b]! : logins[a]! < logins[b]!;
  const best: number[] = [];
  for (let person = 0; person < tiesOf.length; person++) {
    if (tiesOf[person] === 0) continue;
    if (best.length === CONNECTORS && !before(person, best[CONNECTORS - 1]!)) continue;
    let place = best.length === CONNECTORS ? CONNECTORS - 1 : best.length;
    for (; place > 0 && before(person, best[place - 1]!); place--) best[place] = best[place - 1]!;
    best[place] = person;
  }
  return best.map((person) => ({ login: logins[person]!, ties: tiesOf[person]!, strongTies: strongTiesOf[person]! }));
}

/** Connected groups of people (union-find), for the size of the largest one joined by at least one tie. */
class Components {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;

  constructor(people: number, take: ScratchArrays) {
    this.parent = take.int32(people);
    for (let person = 0; person < people; person++) this.parent[person] = person;
    this.size = take.int32(people, 1);
  }

  join(a: number, b: number): void {
    let rootA = this.root(a);
    let rootB = this.root(b);
    if (rootA === rootB) return;
    if (this.size[rootA]! < this.size[rootB]!) [rootA, rootB] = [rootB, rootA];
    this.parent[rootB] = rootA;
    this.size[rootA]! += this.size[rootB]!;
  }

  /** Per person, 1 for the members of the largest group joined by at least one tie (the first found of equal size); none when nobody is joined. */
  largestMembers(): Uint8Array {
    const members = new Uint8Array(this.parent.length);
    let largest = -1;
    for (let person = 0; person < this.parent.length; person++) {
      if (this.parent[person] === person && this.size[person]! > 1 && (largest < 0 || this.size[person]! > this.size[largest]!)) largest = person;
    }
    if (largest < 0) return members;
    for (let person = 0; person < this.parent.length; person++) if (this.root(person) === largest) members[person] = 1;
    return members;
  }

  private root(person: number): number {
    let root = person;
    while (this.parent[root] !== root) root = this.parent[root]!;
    while (this.parent[person] !== root) {
      const next = this.parent[person]!;
      this.parent[person] = root;
      person = next;
    }
    return root;
  }
}
