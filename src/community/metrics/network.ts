import type { CategoryNetwork, Connector, Network } from '../reportSchema';
import { NO_CATEGORY } from './categories';
import { explainNulls, NOBODY_POSTED } from './explain';
import { rowsOfDays, type CommunityFacts } from './facts';
import { rate } from './stats';
import type { Window } from './window';

const CONNECTORS = 10;
const STRONG = 2;
const NO_TIES = 'nobody answered another person in the window: there are no ties';

/**
 * Who knows whom (docs/metrics.md "Network"): the ties between people who answered each other in the
 * window, how many are strong (met in two discussions or more), the core those hold together, the best
 * connected people, and the same per category, within its discussions alone.
 */
export function network(facts: CommunityFacts, window: Window): Network {
  const people = facts.logins.length;
  const { author: authorOf, answers: answersOf, discussion: discussionOf, categoryRows, interactions } = windowPostsByDiscussion(facts, window);
  const ties = new TieTable(interactions);
  const isParticipant = new Uint8Array(people);
  // Per person, the last category they were seen posting in and knowing someone in (categories are
  // visited one after another, so a marker per person serves every category).
  const inCategory = new Int32Array(people).fill(-1);
  const knowsInCategory = new Int32Array(people).fill(-1);
  const categories: CategoryNetwork[] = [];
  for (let category = 0; category < facts.categories.length; category++) {
    const first = categoryRows[category]!;
    const end = categoryRows[category + 1]!;
    let participants = 0;
    for (let at = first; at < end; at++) {
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
    for (let at = first; at < end; at++) {
      const from = authorOf[at]!;
      const to = answersOf[at]!;
      if (!isInteraction(from, to, facts.ghost)) continue;
      const tie = ties.interaction(from, to, discussionOf[at]!, category);
      if (tie === NOT_NEW) continue;
      if (tie === NEW_IN_CATEGORY) categoryTies++;
      else if (tie === STRONG_IN_CATEGORY) {
        categoryStrongTies++;
        knows(from);
        knows(to);
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
const ANOTHER_DISCUSSION = 3;

// A tie's fields, side by side in one Int32Array (a record of `TIE_FIELDS` per tie), so that an
// interaction touches one cache line for its tie instead of one per field in separate columns.
const LOW = 0;
const HIGH = 1;
const STRENGTH = 2;
/** Bit 1: low answered high; bit 2: high answered low. */
const DIRECTIONS = 3;
const LAST_DISCUSSION = 4;
const LAST_CATEGORY = 5;
const CATEGORY_STRENGTH = 6;
const TIE_FIELDS = 8;

/**
 * Every tie once, found by its pair of person ids (low, high) in an open-addressing hash table of tie
 * numbers (a Map keyed by numbers past 2³¹ costs about twice as much per interaction), with its strength
 * overall and within the category being visited, and which ways its interactions went.
 * Interactions must arrive discussion by discussion, and category by category, for the counts to be distinct.
 */
class TieTable {
  count = 0;
  private readonly fields: Int32Array;
  /** Tie number + 1 per slot, 0 for an empty slot; at most half full. */
  private readonly slots: Int32Array;
  private readonly slotMask: number;

  /** `capacity`: at most one new tie per interaction, so their number bounds it. */
  constructor(capacity: number) {
    const slotCount = 2 ** Math.ceil(Math.log2(2 * capacity + 2));
    this.slots = new Int32Array(slotCount);
    this.slotMask = slotCount - 1;
    this.fields = new Int32Array(capacity * TIE_FIELDS);
  }

  low(tie: number): number {
    return this.fields[tie * TIE_FIELDS + LOW]!;
  }

  high(tie: number): number {
    return this.fields[tie * TIE_FIELDS + HIGH]!;
  }

  strength(tie: number): number {
    return this.fields[tie * TIE_FIELDS + STRENGTH]!;
  }

  reciprocal(tie: number): boolean {
    return this.fields[tie * TIE_FIELDS + DIRECTIONS] === 3;
  }

  interaction(from: number, to: number, discussion: number, category: number): number {
    const low = from < to ? from : to;
    const high = from < to ? to : from;
    const { fields } = this;
    let tie = this.find(low, high);
    if (tie < 0) {
      const slot = ~tie;
      tie = this.count++;
      this.slots[slot] = tie + 1;
      const at = tie * TIE_FIELDS;
      fields[at + LOW] = low;
      fields[at + HIGH] = high;
      fields[at + LAST_DISCUSSION] = -1;
      fields[at + LAST_CATEGORY] = -1;
    }
    const at = tie * TIE_FIELDS;
    fields[at + DIRECTIONS]! |= from === low ? 1 : 2;
    if (fields[at + LAST_DISCUSSION] === discussion) return NOT_NEW;
    fields[at + LAST_DISCUSSION] = discussion;
    fields[at + STRENGTH]!++;
    if (fields[at + LAST_CATEGORY] !== category) {
      fields[at + LAST_CATEGORY] = category;
      fields[at + CATEGORY_STRENGTH] = 1;
      return NEW_IN_CATEGORY;
    }
    return ++fields[at + CATEGORY_STRENGTH]! === STRONG ? STRONG_IN_CATEGORY : ANOTHER_DISCUSSION;
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

/** The window's posts as `windowPostsByDiscussion` orders them: author, person answered, discussion. */
interface GroupedPosts {
  readonly author: Int32Array;
  readonly answers: Int32Array;
  readonly discussion: Int32Array;
  /** Category c's posts are `categoryRows[c]` to `categoryRows[c + 1]`. */
  readonly categoryRows: Int32Array;
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
  const grouped = { author: new Int32Array(length), answers: new Int32Array(length), discussion: new Int32Array(length) };
  const nextRow = rowStart.slice(0, discussions);
  for (let row = first; row < end; row++) {
    if (!counts(row)) continue;
    const discussion = posts.discussion[row]!;
    const at = nextRow[rank[discussion]!]!++;
    grouped.author[at] = posts.author[row]!;
    grouped.answers[at] = posts.answers[row]!;
    grouped.discussion[at] = discussion;
  }
  const categoryRows = new Int32Array(categoryCount + 1);
  for (let c = 0; c <= categoryCount; c++) categoryRows[c] = rowStart[categoryStart[c]!]!;
  return { ...grouped, categoryRows, interactions };
}

function summarize(facts: CommunityFacts, ties: TieTable, isParticipant: Uint8Array, categories: CategoryNetwork[]): Network {
  const people = facts.logins.length;
  const tiesOf = new Int32Array(people);
  const strongTiesOf = new Int32Array(people);
  const core = new Components(people);
  let strongTies = 0;
  let reciprocalTies = 0;
  for (let tie = 0; tie < ties.count; tie++) {
    const low = ties.low(tie);
    const high = ties.high(tie);
    tiesOf[low]!++;
    tiesOf[high]!++;
    if (ties.reciprocal(tie)) reciprocalTies++;
    if (ties.strength(tie) < STRONG) continue;
    strongTies++;
    strongTiesOf[low]!++;
    strongTiesOf[high]!++;
    core.join(low, high);
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
  return explainNulls(
    {
      participants,
      connectedParticipants,
      ties: ties.count,
      strongTies,
      reciprocalTies,
      density: connected < 2 ? null : ties.count / ((connected * (connected - 1)) / 2),
      meanTies: connected === 0 ? null : (2 * ties.count) / connected,
      knowSomeoneRate: rate(knowSomeone, participants),
      coreSize: core.largest(),
      connectors: connectors(facts.logins, tiesOf, strongTiesOf),
      categories: categories.sort((a, b) => b.participants - a.participants || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    },
    { density: NO_TIES, meanTies: NO_TIES, knowSomeoneRate: NOBODY_POSTED },
  );
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

  /** 0 when nobody is joined to anybody. */
  largest(): number {
    let largest = 0;
    for (let person = 0; person < this.parent.length; person++) {
      if (this.parent[person] === person && this.size[person]! > 1) largest = Math.max(largest, this.size[person]!);
    }
    return largest;
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
