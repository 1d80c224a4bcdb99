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

/**
 * Each person's ties in the window, by login (null for a login not in the data). The network is computed
 * on the first question, not before: only the People view asks.
 */
export function peopleTies(facts: CommunityFacts, window: Window): (login: string) => PersonTies | null {
  let ties: ((login: string) => PersonTies | null) | undefined;
  return (login) => (ties ??= tiesByLogin(facts, interactionNetwork(facts, window)))(login);
}

function tiesByLogin(facts: CommunityFacts, found: InteractionNetwork): (login: string) => PersonTies | null {
  const connectors = new Set(found.section.connectors.map((connector) => connector.login));
  const idOf = new Map(facts.logins.map((login, person) => [login, person]));
  return (login) => {
    const person = idOf.get(login);
    if (person === undefined) return null;
    return { ties: found.tiesOf[person]!, strongTies: found.strongTiesOf[person]!, connector: connectors.has(login) };
  };
}

/**
 * Who knows whom (docs/metrics.md "Network"): the ties between people who answered each other in the
 * window, how many are strong (met in two discussions or more), the core those hold together, the best
 * connected people, and the same per category, within its discussions alone.
 */
export function interactionNetwork(facts: CommunityFacts, window: Window): InteractionNetwork {
  const people = facts.logins.length;
  const { from: fromOf, to: toOf, rowStart, categoryStart, participation } = windowInteractions(facts, window);
  const ties = new TieTable();
  // Per person, the last category they were found to know someone in (categories are visited one after
  // another, so a marker per person serves every category).
  const knowsInCategory = new Int32Array(people).fill(-1);
  const categories: CategoryNetwork[] = [];
  for (let category = 0; category < facts.categories.length; category++) {
    const participants = participation.participants[category]!;
    if (participants === 0) continue;
    const firstRank = categoryStart[category]!;
    let knowing = 0;
    const knows = (person: number): void => {
      if (knowsInCategory[person] !== category && participation.postedIn(person, category)) {
        knowsInCategory[person] = category;
        knowing++;
      }
    };
    let categoryTies = 0;
    let categoryStrongTies = 0;
    for (let rank = firstRank; rank < categoryStart[category + 1]!; rank++) {
      for (let at = rowStart[rank]!, end = rowStart[rank + 1]!; at < end; at++) {
        const from = fromOf[at]!;
        const to = toOf[at]!;
        const change = ties.interaction(from, to, rank, firstRank);
        if (change === NEW_IN_CATEGORY) categoryTies++;
        else if (change === STRONG_IN_CATEGORY) {
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
  return summarize(facts, ties, participation.isParticipant, categories);
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
/** The rank (`WindowInteractions`) of the last discussion the tie was seen in: discussions of one category have consecutive ranks. */
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
 * overall and within the category being visited, and which ways its interactions went. It grows as ties
 * are found, doubling (there are far fewer ties than interactions, and large typed arrays made and
 * dropped at each report push the garbage collector into full collections of the whole heap).
 * Interactions must arrive discussion by discussion, and category by category, for the counts to be distinct.
 */
class TieTable {
  count = 0;
  private capacity = 1024;
  private fields = new Int32Array(this.capacity * TIE_FIELDS);
  /** Tie number + 1 per slot, 0 for an empty slot; at most half full. */
  private slots = new Int32Array(this.capacity * 2);

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
    const at = this.recordOf(low, high);
    const { fields } = this;
    let counts = fields[at + COUNTS]! | (from === low ? 1 : 2);
    const last = fields[at + LAST_RANK]!;
    let change = NOT_NEW;
    if (last !== rank) {
      fields[at + LAST_RANK] = rank;
      counts += STRENGTH_UNIT;
      if (last < categoryFirstRank) {
        counts = (counts & ~CATEGORY_STRENGTH) | ONE_IN_CATEGORY;
        change = NEW_IN_CATEGORY;
      } else if ((counts & CATEGORY_STRENGTH) === ONE_IN_CATEGORY) {
        counts += ONE_IN_CATEGORY;
        change = STRONG_IN_CATEGORY;
      }
    }
    fields[at + COUNTS] = counts;
    return change;
  }

  /** Where the record of the tie (low, high) starts in `fields`, made when new (linear probing). */
  private recordOf(low: number, high: number): number {
    const mask = this.slots.length - 1;
    let slot = slotOf(low, high, mask);
    for (let entry = this.slots[slot]!; entry !== 0; entry = this.slots[slot]!) {
      const at = (entry - 1) * TIE_FIELDS;
      if (this.fields[at + LOW] === low && this.fields[at + HIGH] === high) return at;
      slot = (slot + 1) & mask;
    }
    if (this.count === this.capacity) return this.grow(low, high);
    return this.add(slot, low, high);
  }

  private add(slot: number, low: number, high: number): number {
    const at = this.count * TIE_FIELDS;
    this.slots[slot] = ++this.count;
    this.fields[at + LOW] = low;
    this.fields[at + HIGH] = high;
    this.fields[at + LAST_RANK] = -1;
    return at;
  }

  /** Doubles the table, then adds the tie (low, high). */
  private grow(low: number, high: number): number {
    this.capacity *= 2;
    const fields = new Int32Array(this.capacity * TIE_FIELDS);
    fields.set(this.fields);
    this.fields = fields;
    this.slots = new Int32Array(this.capacity * 2);
    const mask = this.slots.length - 1;
    for (let tie = 0; tie < this.count; tie++) {
      let slot = slotOf(fields[tie * TIE_FIELDS + LOW]!, fields[tie * TIE_FIELDS + HIGH]!, mask);
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = tie + 1;
    }
    let slot = slotOf(low, high, mask);
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    return this.add(slot, low, high);
  }
}

function slotOf(low: number, high: number, mask: number): number {
  return (Math.imul(low, 0x9e3779b1) ^ Math.imul(high, 0x85ebca77)) & mask;
}

/**
 * The window's interactions (a post answering another person: `PostColumns.answers`, neither oneself,
 * nobody nor `ghost`) grouped by discussion, the discussions numbered by rank: grouped by category,
 * category c's are ranks `categoryStart[c]` to `categoryStart[c + 1]`; the interactions of rank r are
 * `from[i]` answering `to[i]` for i from `rowStart[r]` to `rowStart[r + 1]`. With who posted in the window.
 */
interface WindowInteractions {
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly rowStart: Int32Array;
  readonly categoryStart: Int32Array;
  readonly participation: Participation;
}

/**
 * Two passes over the window's rows and a counting sort, no per-post allocation: the interactions are
 * copied in the order the ties are counted in, so that they are read sequentially.
 */
function windowInteractions(facts: CommunityFacts, window: Window): WindowInteractions {
  const { perDiscussion, posts, ghost } = facts;
  const { since, until } = window;
  const { createdAt, author, answers, discussion: discussionOf } = posts;
  const categoryOf = perDiscussion.category;
  const discussions = perDiscussion.length;
  const categoryCount = facts.categories.length;
  const categoryStart = new Int32Array(categoryCount + 1);
  for (let d = 0; d < discussions; d++) categoryStart[categoryOf[d]! + 1]!++;
  for (let c = 0; c < categoryCount; c++) categoryStart[c + 1]! += categoryStart[c]!;
  const rank = new Int32Array(discussions);
  const nextRank = categoryStart.slice(0, categoryCount);
  for (let d = 0; d < discussions; d++) rank[d] = nextRank[categoryOf[d]!]!++;
  const participation = new Participation(facts.logins.length, categoryCount);
  const rowStart = new Int32Array(discussions + 1);
  const { first, end } = rowsOfDays(facts, since, until);
  for (let row = first; row < end; row++) {
    const at = createdAt[row]!;
    const from = author[row]!;
    if (at < since || at >= until || from === ghost) continue;
    participation.posted(from, categoryOf[discussionOf[row]!]!);
    if (isInteraction(from, answers[row]!, ghost)) rowStart[rank[discussionOf[row]!]! + 1]!++;
  }
  for (let r = 0; r < discussions; r++) rowStart[r + 1]! += rowStart[r]!;
  const interactions = rowStart[discussions]!;
  const grouped = { from: new Int32Array(interactions), to: new Int32Array(interactions) };
  const nextRow = rowStart.slice(0, discussions);
  for (let row = first; row < end; row++) {
    const at = createdAt[row]!;
    const from = author[row]!;
    const to = answers[row]!;
    if (at < since || at >= until || from === ghost || !isInteraction(from, to, ghost)) continue;
    const place = nextRow[rank[discussionOf[row]!]!]!++;
    grouped.from[place] = from;
    grouped.to[place] = to;
  }
  return { ...grouped, rowStart, categoryStart, participation };
}

/** Who posted in the window (ghost left out), and in which categories: a bit per person and category. */
class Participation {
  readonly isParticipant: Uint8Array;
  /** Per category, its distinct participants. */
  readonly participants: Int32Array;
  private readonly words: number;
  private readonly bits: Uint32Array;

  constructor(people: number, categories: number) {
    this.isParticipant = new Uint8Array(people);
    this.participants = new Int32Array(categories);
    this.words = Math.ceil(categories / 32);
    this.bits = new Uint32Array(people * this.words);
  }

  posted(person: number, category: number): void {
    const word = person * this.words + (category >>> 5);
    const bit = 1 << (category & 31);
    if ((this.bits[word]! & bit) !== 0) return;
    this.bits[word]! |= bit;
    this.participants[category]!++;
    this.isParticipant[person] = 1;
  }

  postedIn(person: number, category: number): boolean {
    return (this.bits[person * this.words + (category >>> 5)]! & (1 << (category & 31))) !== 0;
  }
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
