import { GitHubResolverError } from './errors';

/** The arguments of every GitHub connection field. `first`/`last` bounds are checked before execution (cost.ts). */
export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

/**
 * A position in an ordering, compared element by element, ascending. Orderings that run descending
 * negate their values, so one comparison serves every ordering.
 */
export type CursorKey = readonly number[];

/** How a list is ordered: each item's key (ascending) and the key's length, to reject foreign cursors. */
export interface Ordering<T> {
  readonly keyLength: number;
  keyOf(item: T, index: number): CursorKey;
}

/** Lists that only grow at the end (comments, replies, categories) are ordered by position. */
const BY_POSITION: Ordering<unknown> = { keyLength: 1, keyOf: (_item, index) => [index] };
export function byPosition<T>(): Ordering<T> {
  return BY_POSITION;
}

export interface ConnectionView<V> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  nodes: () => V[];
  edges: () => { cursor: string; node: V }[];
}

const CURSOR_PREFIX = 'cursor:v2:';

/** Opaque like GitHub's (base64 of a versioned key), and keyset-based: a cursor stays valid when items move. */
export function encodeCursor(key: CursorKey): string {
  return Buffer.from(CURSOR_PREFIX + JSON.stringify(key)).toString('base64');
}

export function decodeCursor(cursor: string, keyLength: number): CursorKey {
  const text = Buffer.from(cursor, 'base64').toString('utf8');
  if (text.startsWith(CURSOR_PREFIX)) {
    try {
      const key: unknown = JSON.parse(text.slice(CURSOR_PREFIX.length));
      if (Array.isArray(key) && key.length === keyLength && key.every((part) => typeof part === 'number')) return key;
    } catch {
      // Falls through to GitHub's error below.
    }
  }
  throw new GitHubResolverError('INVALID_CURSOR_ARGUMENTS', `\`${cursor}\` does not appear to be a valid cursor.`);
}

function compareKeys(a: CursorKey, b: CursorKey): number {
  for (let index = 0; index < a.length; index++) {
    const difference = a[index]! - b[index]!;
    if (difference !== 0) return difference;
  }
  return 0;
}

/** The first index whose key is after `key` (`strictly`) or at/after it, in items sorted by key. */
function boundary<T>(items: readonly T[], keyOf: (item: T, index: number) => CursorKey, key: CursorKey, strictly: boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const order = compareKeys(keyOf(items[middle]!, middle), key);
    if (order < 0 || (strictly && order === 0)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * One page of `items` (sorted ascending by `keyOf`) as a GitHub connection: `after`/`before` narrow the
 * range, then `first` takes from its start and `last` from its end (Relay's algorithm).
 */
export function paginate<T, V>(items: readonly T[], args: ConnectionArgs, ordering: Ordering<T>, view: (item: T) => V): ConnectionView<V> {
  const { keyOf, keyLength } = ordering;
  let start = 0;
  let end = items.length;
  if (args.after != null) start = boundary(items, keyOf, decodeCursor(args.after, keyLength), true);
  if (args.before != null) end = Math.max(start, boundary(items, keyOf, decodeCursor(args.before, keyLength), false));
  if (args.first != null) end = Math.min(end, start + args.first);
  if (args.last != null) start = Math.max(start, end - args.last);
  const page = items.slice(start, end);
  const cursorOf = (offset: number) => encodeCursor(keyOf(page[offset]!, start + offset));
  return {
    totalCount: items.length,
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: page.length > 0 ? cursorOf(0) : null,
      endCursor: page.length > 0 ? cursorOf(page.length - 1) : null,
    },
    nodes: () => page.map(view),
    edges: () => page.map((item, offset) => ({ cursor: cursorOf(offset), node: view(item) })),
  };
}
