import { AUTHOR_ASSOCIATIONS, POST_FLAGS, POST_KINDS, type Category, type Community, type Discussion, type FirstPost, type PostTable } from './model';
import { normalizeCommunity, tableDiscussion } from './normalize';

/**
 * The community image's body: a `Community` as bytes, decoded straight back into one without a post object or any
 * JSON of posts (docs/architecture.md, "Snapshot format"). Two sections, each read into its own buffer:
 * - the discussions: a 4-byte length, JSON of the strings (`ImageStrings`), then raw columns in `DISCUSSION_COLUMNS`
 *   order, then each person's first-post time; read once and let go;
 * - the posts: the table's columns in `POST_COLUMNS` order, which the community keeps as views of these bytes.
 * Each column starts at a multiple of 8 bytes and is in the machine's byte order: the image is a local cache, made
 * again wherever it is not understood.
 */

/** Bump whenever what `encodeCommunity` writes changes meaning: an image of another version is rebuilt. */
const COMMUNITY_IMAGE_VERSION = 1;

/** What the store needs to keep a community as an image beside the snapshot (`store/snapshotImage.ts`, ImageCodec). */
export const COMMUNITY_IMAGE = {
  version: COMMUNITY_IMAGE_VERSION,
  build: normalizeCommunity,
  encode: encodeCommunity,
  decode: decodeCommunity,
};

/** An image that cannot be what `encodeCommunity` wrote: truncated, overwritten or of another layout. */
export class CommunityImageError extends Error {}

interface ImageStrings {
  readonly repository: string;
  readonly posts: number;
  /** Each distinct category once; discussions refer to it by index (`category` column, -1: none). */
  readonly categories: Category[];
  readonly ids: string[];
  readonly titles: string[];
  readonly urls: string[];
  readonly answerIds: (string | null)[];
  readonly logins: string[];
  readonly firstPostIds: string[];
}

type Column = Float64Array | Int32Array | Uint8Array;
interface ColumnType<C extends Column> {
  readonly BYTES_PER_ELEMENT: number;
  new (buffer: ArrayBuffer, byteOffset?: number, length?: number): C;
}
/** Each column starts at a multiple of the largest element size in the image (Float64Array's). */
const COLUMN_ALIGNMENT = 8;

/** The discussions' numeric fields, one column each. */
interface DiscussionColumns {
  readonly number: Int32Array;
  readonly createdAt: Float64Array;
  readonly updatedAt: Float64Array;
  /** NaN: null. */
  readonly answerChosenAt: Float64Array;
  readonly latestActivityAt: Float64Array;
  readonly upvotes: Int32Array;
  readonly firstRow: Int32Array;
  readonly endRow: Int32Array;
  readonly category: Int32Array;
  /** `STATE_FLAGS`. */
  readonly state: Uint8Array;
}

const STATE_FLAGS = { closed: 1, locked: 2 } as const;

const DISCUSSION_COLUMNS: { readonly [Name in keyof DiscussionColumns]: ColumnType<DiscussionColumns[Name]> } = {
  number: Int32Array,
  createdAt: Float64Array,
  updatedAt: Float64Array,
  answerChosenAt: Float64Array,
  latestActivityAt: Float64Array,
  upvotes: Int32Array,
  firstRow: Int32Array,
  endRow: Int32Array,
  category: Int32Array,
  state: Uint8Array,
};

type PostColumns = Omit<PostTable, 'length'>;
const POST_COLUMNS: { readonly [Name in keyof PostColumns]: ColumnType<PostColumns[Name]> } = {
  createdAt: Float64Array,
  author: Int32Array,
  inReplyTo: Int32Array,
  upvotes: Int32Array,
  flags: Uint8Array,
  association: Uint8Array,
};

/** The community's two sections, each as chunks to write one after another; the post columns are the table's own bytes. */
export function encodeCommunity(community: Community): Uint8Array[][] {
  const { discussions, posts } = community;
  const count = discussions.length;
  const columns = mapColumns(DISCUSSION_COLUMNS, (Type) => new Type(new ArrayBuffer(count * Type.BYTES_PER_ELEMENT)));
  const categories: Category[] = [];
  const categoryIndex = new Map<Category, number>();
  discussions.forEach((discussion, index) => {
    columns.number[index] = discussion.number;
    columns.createdAt[index] = discussion.createdAt;
    columns.updatedAt[index] = discussion.updatedAt;
    columns.answerChosenAt[index] = discussion.answerChosenAt ?? NaN;
    columns.latestActivityAt[index] = discussion.latestActivityAt;
    columns.upvotes[index] = discussion.upvotes;
    columns.firstRow[index] = discussion.firstRow;
    columns.endRow[index] = discussion.endRow;
    columns.state[index] = (discussion.closed ? STATE_FLAGS.closed : 0) | (discussion.locked ? STATE_FLAGS.locked : 0);
    columns.category[index] = discussion.category ? indexOf(discussion.category, categories, categoryIndex) : -1;
  });
  const strings: ImageStrings = {
    repository: community.repository,
    posts: posts.length,
    categories,
    ids: discussions.map((discussion) => discussion.id),
    titles: discussions.map((discussion) => discussion.title),
    urls: discussions.map((discussion) => discussion.url),
    answerIds: discussions.map((discussion) => discussion.answerId),
    logins: [...community.logins],
    firstPostIds: community.firstPosts.map((first) => first.id),
  };
  const json = new TextEncoder().encode(JSON.stringify(strings));
  const length = new Uint8Array(4);
  new DataView(length.buffer).setUint32(0, json.byteLength, true);
  const firstPostAt = Float64Array.from(community.firstPosts, (first) => first.at);
  return [
    alignedChunks([
      concatenated(length, json),
      ...Object.keys(DISCUSSION_COLUMNS).map((name) => bytesOf(columns[name as keyof DiscussionColumns])),
      bytesOf(firstPostAt),
    ]),
    alignedChunks(Object.keys(POST_COLUMNS).map((name) => bytesOf(posts[name as keyof PostColumns]))),
  ];
}

function concatenated(first: Uint8Array, second: Uint8Array): Uint8Array {
  const joined = new Uint8Array(first.byteLength + second.byteLength);
  joined.set(first);
  joined.set(second, first.byteLength);
  return joined;
}

/** Zero bytes after each chunk up to a multiple of `COLUMN_ALIGNMENT`, so each column starts where a view of it may. */
function alignedChunks(chunks: readonly Uint8Array[]): Uint8Array[] {
  const aligned: Uint8Array[] = [];
  for (const chunk of chunks) {
    aligned.push(chunk);
    const padding = paddingAfter(chunk.byteLength);
    if (padding > 0) aligned.push(new Uint8Array(padding));
  }
  return aligned;
}

function paddingAfter(byteLength: number): number {
  return (COLUMN_ALIGNMENT - (byteLength % COLUMN_ALIGNMENT)) % COLUMN_ALIGNMENT;
}

/** The community `encodeCommunity` wrote, from its sections; throws CommunityImageError when they cannot be it. */
export function decodeCommunity(sections: readonly Uint8Array[]): Community {
  const [bytes, postBytes] = sections;
  if (sections.length !== 2 || !bytes || !postBytes) throw new CommunityImageError(`it has ${sections.length} sections, not 2`);
  if (bytes.byteLength < 4) throw new CommunityImageError('it is shorter than its header');
  const jsonLength = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true);
  if (4 + jsonLength > bytes.byteLength) throw new CommunityImageError('it ends inside its strings');
  const strings = parseStrings(new TextDecoder().decode(bytes.subarray(4, 4 + jsonLength)));
  const count = strings.ids.length;
  const persons = strings.logins.length;
  const reader = new ColumnReader(bytes, 4 + jsonLength + paddingAfter(4 + jsonLength));
  const columns = mapColumns(DISCUSSION_COLUMNS, (Type) => reader.next(Type, count));
  const firstPostAt = reader.next(Float64Array, persons);
  reader.end();
  const postReader = new ColumnReader(postBytes, 0);
  const posts: PostTable = { length: strings.posts, ...mapColumns(POST_COLUMNS, (Type) => postReader.next(Type, strings.posts)) };
  postReader.end();
  checkRows(columns, posts, persons, strings.categories.length);

  const source = { posts, logins: strings.logins };
  const discussions: Discussion[] = new Array<Discussion>(count);
  let latestActivityAt = -Infinity;
  for (let index = 0; index < count; index++) {
    const firstRow = columns.firstRow[index]!;
    const category = columns.category[index]!;
    const answerChosenAt = columns.answerChosenAt[index]!;
    const state = columns.state[index]!;
    const discussion = tableDiscussion(source, {
      id: strings.ids[index]!,
      number: columns.number[index]!,
      title: strings.titles[index]!,
      url: strings.urls[index]!,
      createdAt: columns.createdAt[index]!,
      updatedAt: columns.updatedAt[index]!,
      closed: (state & STATE_FLAGS.closed) !== 0,
      locked: (state & STATE_FLAGS.locked) !== 0,
      category: category < 0 ? null : strings.categories[category]!,
      upvotes: columns.upvotes[index]!,
      answerChosenAt: Number.isNaN(answerChosenAt) ? null : answerChosenAt,
      answerId: strings.answerIds[index]!,
      firstRow,
      endRow: columns.endRow[index]!,
      latestActivityAt: columns.latestActivityAt[index]!,
    });
    discussions[index] = discussion;
    if (discussion.latestActivityAt > latestActivityAt) latestActivityAt = discussion.latestActivityAt;
  }
  const firstPosts: FirstPost[] = strings.firstPostIds.map((id, person) => ({ id, at: firstPostAt[person]! }));
  return { repository: strings.repository, logins: strings.logins, discussions, posts, latestActivityAt, firstPosts };
}

/**
 * The category's index among those written, by identity: a community holds one object per category (normalize.ts
 * shares it among its discussions, `decodeCommunity` among those of an index), so each is written once.
 */
function indexOf(category: Category, categories: Category[], known: Map<Category, number>): number {
  let index = known.get(category);
  if (index === undefined) {
    index = categories.push({ name: category.name, slug: category.slug, answerable: category.answerable }) - 1;
    known.set(category, index);
  }
  return index;
}

/** Each column of `spec` made by `make`, in `spec`'s order (the order they are written in). */
function mapColumns<Shape extends Record<string, Column>>(
  spec: { readonly [Name in keyof Shape]: ColumnType<Shape[Name]> },
  make: <C extends Column>(Type: ColumnType<C>) => C,
): Shape {
  const columns: Partial<Shape> = {};
  for (const name of Object.keys(spec) as (keyof Shape)[]) columns[name] = make(spec[name]);
  return columns as Shape;
}

function bytesOf(column: Column): Uint8Array {
  return new Uint8Array(column.buffer, column.byteOffset, column.byteLength);
}

/**
 * Reads columns one after another, each a view of the section's bytes (no copy, no new memory: copying 2.3 million
 * posts' columns took longer than the rest of the decoding, in the collector mostly), or a copy where the bytes do not
 * start at a multiple of the column's element size (a small buffer from Node's pool).
 */
class ColumnReader {
  constructor(
    private readonly bytes: Uint8Array,
    private offset: number,
  ) {}

  next<C extends Column>(Type: ColumnType<C>, length: number): C {
    const byteLength = length * Type.BYTES_PER_ELEMENT;
    if (this.offset + byteLength > this.bytes.byteLength) throw new CommunityImageError('it ends inside its columns');
    const start = this.offset;
    this.offset += byteLength + paddingAfter(byteLength);
    const { buffer, byteOffset } = this.bytes;
    if ((byteOffset + start) % Type.BYTES_PER_ELEMENT === 0) return new Type(buffer as ArrayBuffer, byteOffset + start, length);
    const column = new Type(new ArrayBuffer(byteLength));
    new Uint8Array(column.buffer).set(this.bytes.subarray(start, start + byteLength));
    return column;
  }

  end(): void {
    if (this.offset !== this.bytes.byteLength)
      throw new CommunityImageError(`it is ${this.bytes.byteLength} bytes long where its columns end at ${this.offset}`);
  }
}

function parseStrings(text: string): ImageStrings {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CommunityImageError(`its strings are not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const strings = json as Partial<ImageStrings> | null;
  const count = strings?.ids?.length;
  const valid =
    typeof strings?.repository === 'string' &&
    Number.isInteger(strings.posts) &&
    isStrings(strings.ids) &&
    isStrings(strings.titles, count) &&
    isStrings(strings.urls, count) &&
    Array.isArray(strings.answerIds) &&
    strings.answerIds.length === count &&
    strings.answerIds.every((id) => id === null || typeof id === 'string') &&
    isStrings(strings.logins) &&
    isStrings(strings.firstPostIds, strings.logins.length) &&
    Array.isArray(strings.categories) &&
    strings.categories.every((category) => typeof category?.name === 'string' && typeof category.slug === 'string' && typeof category.answerable === 'boolean');
  if (!valid) throw new CommunityImageError('its strings are not those of a community');
  return strings as ImageStrings;
}

function isStrings(value: unknown, length?: number): value is string[] {
  return Array.isArray(value) && (length === undefined || value.length === length) && value.every((each) => typeof each === 'string');
}

/** Every index a column holds points inside what it indexes, so no later read of the community goes out of range. */
function checkRows(columns: DiscussionColumns, posts: PostTable, persons: number, categories: number): void {
  const { firstRow, endRow, category } = columns;
  for (let index = 0; index < firstRow.length; index++) {
    const first = firstRow[index]!;
    const end = endRow[index]!;
    if (first < 0 || end <= first || end > posts.length || category[index]! < -1 || category[index]! >= categories) {
      throw new CommunityImageError(`discussion ${index} points outside the community`);
    }
  }
  // Locals, not module bindings or properties: this runs for each of millions of posts.
  const { length, author, inReplyTo, flags, association } = posts;
  const kindMask = POST_FLAGS.kindMask;
  const kinds = POST_KINDS.length;
  const associations = AUTHOR_ASSOCIATIONS.length;
  for (let row = 0; row < length; row++) {
    const person = author[row]!;
    const parent = inReplyTo[row]!;
    if (person < 0 || person >= persons || parent < -1 || parent >= length) throw new CommunityImageError(`post ${row} points outside the community`);
    if ((flags[row]! & kindMask) >= kinds || association[row]! >= associations) throw new CommunityImageError(`post ${row} has an unknown kind or association`);
  }
}
