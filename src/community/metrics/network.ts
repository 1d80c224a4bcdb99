import type { CategoryNetwork, Connector, CorePicture, CoreTie, Network } from '../reportSchema';
import { NO_CATEGORY } from './categories';
import { explainNulls, NOBODY_POSTED } from './explain';
import { rowsOfDays, type CommunityFacts } from './facts';
import { rate } from './stats';
import type { Window } from './window';

const CONNECTORS = 10;
const STRONG = 2;
const NO_TIES = 'nobody answered another person in the window: there are no ties';

export const CORE_PICTURE_LIMIT = 150;

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

/** Each person's ties in the window, by login (null for a login not in the data). */
export function peopleTies(facts: CommunityFacts, window: Window): (login: string) => PersonTies | null {
  const found = interactionNetwork(facts, window);
  const connectors = new Set(found.section.connectors.map((connector) => connector.login));
  const idOf = new Map(facts.logins.map((login, person) => [login, person]));
  return (login) => {
    const person = idOf.get(login);
    if (person === undefined) return null;
    return { ties: found.tiesOf[person]!, strongTies: found.strongTiesOf[person]!, connector: connectors.has(login) };
  };
}

/**
 * The last networks computed per facts: a report asks for its window and the previous one, then the People
 * view for the report's window again.
 */
const latest = new WeakMap<CommunityFacts, { readonly since: number; readonly until: number; readonly network: InteractionNetwork }[]>();
const REMEMBERED = 2;

/**
 * Who knows whom (docs/metrics.md "Network"): the ties between people who answered each other in the
 * window, how many are strong (met in two discussions or more), the core those hold together, the best
 * connected people, and the same per category, within its discussions alone.
 */
export function interactionNetwork(facts: CommunityFacts, window: Window): InteractionNetwork {
  const remembered = latest.get(facts) ?? [];
  const known = remembered.find((entry) => entry.since === window.since && entry.until === window.until);
  if (known) return known.network;
  const computed = computeNetwork(facts, window);
  latest.set(facts, [{ since: window.since, until: window.until, network: computed }, ...remembered].slice(0, REMEMBERED));
  return computed;
}

function computeNetwork(facts: CommunityFacts, window: Window): InteractionNetwork {
  const people = facts.logins.length;
  const grouped = windowPostsByDiscussion(facts, window);
  const { author: authorOf, answers: answersOf, rowStart, categoryStart } = grouped;
  const ties = new TieTable(grouped.interactions);
  const isParticipant = new Uint8Array(people);
  // Per person, the last category they were seen posting in and knowing someone in (categories are
  // visited one after another, so a marker per person serves every category).
  const inCategory = new Int32Array(people).fill(-1);
  const knowsInCategory = new Int32Array(people).fill(-1);
  const categories: CategoryNetwork[] = [];
  for (let category = 0; category < facts.categories.length; category++) {
    const firstRank = categoryStart[category]!;
    const endRank = categoryStart[category + 1]!;
    let participants = 0;
    for (let at = rowStart[firstRank]!; at < rowStart[endRank]!; at++) {
      const author = authorOf[at]!;
      isParticipant[author] = 1;
      if (inCategory[author] !== category) {
        inCategory[author] = category;
        participants++;
      }
    }
    if (participants === 0) continue;
    let knowing = 0;
    const knows = (person: number): void => {
      if (inCategory[person] === category && knowsInCategory[person] !== category) {
        knowsInCategory[person] = category;
        knowing++;
      }
    };
    let categoryTies = 0;
    let categoryStrongTies = 0;
    for (let rank = firstRank; rank < endRank; rank++) {
      for (let at = rowStart[rank]!; at < rowStart[rank + 1]!; at++) {
        const from = authorOf[at]!;
        const to = answersOf[at]!;
        if (!isInteraction(from, to, facts.ghost)) continue;
        const tie = ties.interaction(from, to, rank, firstRank);
        if (tie === NEW_IN_CATEGORY) categoryTies++;
        else if (tie === STRONG_IN_CATEGORY) {
          categoryStrongTies++;
          knows(from);
          knows(to);
        }
      }
    }
    categories.push({
      name: facts.categories[category]?.name ?? NO_CATEGORY,
      participants,
      ties: categoryTies,
      strongTies: categoryStrongTies,
      knowSomeoneRate: knowing / participants,
    });
  }
  return summarize(facts, ties, isParticipant, categories);
}

/** Whether a post by `from` answering `to` (`PostColumns.answers`) is an interaction: none with oneself, nobody or `ghost`. */
function isInteraction(from: number, to: number, ghost: number): boolean {
  return to >= 0 && to !== from && to !== ghost;
}

/** What one interaction changed within its category: nothing new, a new tie there, or the tie's second discussion there. */
const NOT_NEW = 0;
const NEW_IN_CATEGORY = 1;
const STRONG_IN_CATEGORY = 2;

// A tie's fields, side by side in one Int32Array (a record of `TIE_FIELDS` per tie), so that an
// interaction touches one cache line for its tie instead of one per field in separate columns.
const LOW = 0;
const HIGH = 1;
/** The rank (`GroupedPosts`) of the last discussion the tie was seen in: discussions of one category have consecutive ranks. */
const LAST_RANK = 2;
/** Packed: strength << 4 | strength within the category being visited, counted up to 2 << 2 | directions. */
const COUNTS = 3;
const TIE_FIELDS = 4;
/** Directions bits: 1, low answered high; 2, high answered low. */
const BOTH_WAYS = 3;
const CATEGORY_STRENGTH = 0b1100;
const ONE_IN_CATEGORY = 0b0100;
const STRENGTH_UNIT = 0b10000;

/**
 * Every tie once, found by its pair of person ids (low, high) in an open-addressing hash table of tie
 * numbers (a Map keyed by numbers past 2³¹ costs about twice as much per interaction), with its strength
 * overall and within the category being visited, and which ways its interactions went. Its records grow
 * as ties are found (there are far fewer ties than interactions): large typed arrays made and dropped at
 * each report push the garbage collector into full collections of the whole heap.
 * Interactions must arrive discussion by discussion, and category by category, for the counts to be distinct.
 */
class TieTable {
  count = 0;
  private fields = new Int32Array(1024 * TIE_FIELDS);
  /** Tie number + 1 per slot, 0 for an empty slot; at most half full. */
  private readonly slots: Int32Array;
  private readonly slotMask: number;

  /** `interactions`: at most one new tie per interaction, so their number bounds the ties. */
  constructor(interactions: number) {
    const slotCount = 2 ** Math.ceil(Math.log2(2 * interactions + 2));
    this.slots = new Int32Array(slotCount);
    this.slotMask = slotCount - 1;
  }

  low(tie: number): number {
    return this.fields[tie * TIE_FIELDS + LOW]!;
  }

  high(tie: number): number {
    return this.fields[tie * TIE_FIELDS + HIGH]!;
  }

  strength(tie: number): number {
    return this.fields[tie * TIE_FIELDS + COUNTS]! >>> 4;
  }

  reciprocal(tie: number): boolean {
    return (this.fields[tie * TIE_FIELDS + COUNTS]! & BOTH_WAYS) === BOTH_WAYS;
  }

  /** `rank`: the discussion's; `categoryFirstRank`: the first rank of its category. */
  interaction(from: number, to: number, rank: number, categoryFirstRank: number): number {
    const low = from < to ? from : to;
    const high = from < to ? to : from;
    let tie = this.find(low, high);
    if (tie < 0) tie = this.add(~tie, low, high);
    const { fields } = this;
    const at = tie * TIE_FIELDS;
    let counts = fields[at + COUNTS]! | (from === low ? 1 : 2);
    const last = fields[at + LAST_RANK]!;
    if (last === rank) {
      fields[at + COUNTS] = counts;
      return NOT_NEW;
    }
    fields[at + LAST_RANK] = rank;
    counts += STRENGTH_UNIT;
    let result = NOT_NEW;
    if (last < categoryFirstRank) {
      counts = (counts & ~CATEGORY_STRENGTH) | ONE_IN_CATEGORY;
      result = NEW_IN_CATEGORY;
    } else if ((counts & CATEGORY_STRENGTH) === ONE_IN_CATEGORY) {
      counts += ONE_IN_CATEGORY;
      result = STRONG_IN_CATEGORY;
    }
    fields[at + COUNTS] = counts;
    return result;
  }

  private add(slot: number, low: number, high: number): number {
    const tie = this.count++;
    if (this.count * TIE_FIELDS > this.fields.length) {
      const grown = new Int32Array(this.fields.length * 2);
      grown.set(this.fields);
      this.fields = grown;
    }
    this.slots[slot] = tie + 1;
    const at = tie * TIE_FIELDS;
    this.fields[at + LOW] = low;
    this.fields[at + HIGH] = high;
    this.fields[at + LAST_RANK] = -1;
    return tie;
  }

  /** The tie of (low, high), or ~slot of the empty slot where it belongs (linear probing). */
  private find(low: number, high: number): number {
    let slot = (Math.imul(low, 0x9e3779b1) ^ Math.imul(high, 0x85ebca77)) & this.slotMask;
    for (;;) {
      const entry = this.slots[slot]!;
      if (entry === 0) return ~slot;
      const at = (entry - 1) * TIE_FIELDS;
      if (this.fields[at + LOW] === low && this.fields[at + HIGH] === high) return entry - 1;
      slot = (slot + 1) & this.slotMask;
    }
  }
}

/**
 * The window's posts as `windowPostsByDiscussion` orders them, the author and the person answered of
 * each. Discussions are numbered by rank: grouped by category, category c's are ranks `categoryStart[c]`
 * to `categoryStart[c + 1]`; the posts of rank r are rows `rowStart[r]` to `rowStart[r + 1]`.
 */
interface GroupedPosts {
  readonly author: Int32Array;
  readonly answers: Int32Array;
  readonly rowStart: Int32Array;
  readonly categoryStart: Int32Array;
  readonly interactions: number;
}

/**
 * The window's posts (not `ghost`'s: a deleted account is nobody one can know) grouped by discussion, the
 * discussions grouped by category, and how many of them are interactions. Two counting sorts, no per-post
 * allocation; the columns read are copied in that order, so the ties are counted in one sequential read.
 */
function windowPostsByDiscussion(facts: CommunityFacts, window: Window): GroupedPosts {
  const { perDiscussion, posts, ghost } = facts;
  const discussions = perDiscussion.length;
  const categoryCount = facts.categories.length;
  const categoryStart = new Int32Array(categoryCount + 1);
  for (let d = 0; d < discussions; d++) categoryStart[perDiscussion.category[d]! + 1]!++;
  for (let c = 0; c < categoryCount; c++) categoryStart[c + 1]! += categoryStart[c]!;
  const rank = new Int32Array(discussions);
  const nextRank = categoryStart.slice(0, categoryCount);
  for (let d = 0; d < discussions; d++) rank[d] = nextRank[perDiscussion.category[d]!]!++;
  const rowStart = new Int32Array(discussions + 1);
  const { first, end } = rowsOfDays(facts, window.since, window.until);
  const counts = (row: number): boolean => {
    const at = posts.createdAt[row]!;
    return at >= window.since && at < window.until && posts.author[row] !== ghost;
  };
  let interactions = 0;
  for (let row = first; row < end; row++) {
    if (!counts(row)) continue;
    rowStart[rank[posts.discussion[row]!]! + 1]!++;
    if (isInteraction(posts.author[row]!, posts.answers[row]!, ghost)) interactions++;
  }
  for (let r = 0; r < discussions; r++) rowStart[r + 1]! += rowStart[r]!;
  const length = rowStart[discussions]!;
  const grouped = { author: new Int32Array(length), answers: new Int32Array(length) };
  const nextRow = rowStart.slice(0, discussions);
  for (let row = first; row < end; row++) {
    if (!counts(row)) continue;
    const at = nextRow[rank[posts.discussion[row]!]!]!++;
    grouped.author[at] = posts.author[row]!;
    grouped.answers[at] = posts.answers[row]!;
  }
  return { ...grouped, rowStart, categoryStart, interactions };
}

function summarize(facts: CommunityFacts, ties: TieTable, isParticipant: Uint8Array, categories: CategoryNetwork[]): InteractionNetwork {
  const people = facts.logins.length;
  const tiesOf = new Int32Array(people);
  const strongTiesOf = new Int32Array(people);
  const groups = new Components(people);
  const strong: number[] = [];
  let reciprocalTies = 0;
  for (let tie = 0; tie < ties.count; tie++) {
    const low = ties.low(tie);
    const high = ties.high(tie);
    tiesOf[low]!++;
    tiesOf[high]!++;
    if (ties.reciprocal(tie)) reciprocalTies++;
    const strength = ties.strength(tie);
    if (strength < STRONG) continue;
    strong.push(low, high, strength);
    strongTiesOf[low]!++;
    strongTiesOf[high]!++;
    groups.join(low, high);
  }
  let participants = 0;
  let connectedParticipants = 0;
  let knowSomeone = 0;
  let connected = 0;
  for (let person = 0; person < people; person++) {
    if (tiesOf[person]! > 0) connected++;
    if (isParticipant[person] === 0) continue;
    participants++;
    if (tiesOf[person]! > 0) connectedParticipants++;
    if (strongTiesOf[person]! > 0) knowSomeone++;
  }
  const inCore = groups.largestMembers();
  const section = explainNulls(
    {
      participants,
      connectedParticipants,
      ties: ties.count,
      strongTies: strong.length / 3,
      reciprocalTies,
      density: connected < 2 ? null : ties.count / ((connected * (connected - 1)) / 2),
      meanTies: connected === 0 ? null : (2 * ties.count) / connected,
      knowSomeoneRate: rate(knowSomeone, participants),
      coreSize: inCore.reduce((sum, member) => sum + member, 0),
      connectors: connectors(facts.logins, tiesOf, strongTiesOf),
      categories: categories.sort((a, b) => b.participants - a.participants || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    },
    { density: NO_TIES, meanTies: NO_TIES, knowSomeoneRate: NOBODY_POSTED },
  );
  return { section, tiesOf, strongTiesOf, strongTies: Int32Array.from(strong), inCore };
}

/**
 * The core's picture in the window: its `CORE_PICTURE_LIMIT` best-connected people (most strong ties, then
 * most ties, then by login) with their role (`leaders`: the logins of the window's leader candidates), and
 * the strong ties among them.
 */
export function corePicture(facts: CommunityFacts, window: Window, leaders: ReadonlySet<string>): CorePicture {
  const { logins, isMaintainer } = facts;
  const { tiesOf, strongTiesOf, strongTies, inCore } = interactionNetwork(facts, window);
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

  constructor(people: number) {
    this.parent = new Int32Array(people);
    for (let person = 0; person < people; person++) this.parent[person] = person;
    this.size = new Int32Array(people).fill(1);
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
