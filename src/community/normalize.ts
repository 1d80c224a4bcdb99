import type { CommentNode, DiscussionNode, ReplyNode } from '../github/schemas';
import {
  ASSOCIATION_CODES,
  GHOST_LOGIN,
  POST_FLAGS,
  POST_KINDS,
  postAt,
  postsAt,
  type Category,
  type Community,
  type Discussion,
  type FirstPost,
  type Post,
  type PostKind,
  type PostTable,
} from './model';

/**
 * Turns GitHub-shaped discussion nodes into the domain model, applying the documented defaults for
 * absent fields: association NONE, not closed, not locked, not deleted, not minimized, zero upvotes,
 * no category (not answerable), null author = `ghost`.
 */
export function normalizeCommunity(repository: string, nodes: readonly DiscussionNode[]): Community {
  const persons = new PersonNumbering();
  const table = new PostTableWriter(countPosts(nodes), persons);
  const categories = new CategoryInterning();
  const discussions: Discussion[] = [];
  let latestActivityAt = -Infinity;
  for (const node of nodes) {
    const discussion = normalizeDiscussion(node, table, categories);
    discussions.push(discussion);
    if (discussion.latestActivityAt > latestActivityAt) latestActivityAt = discussion.latestActivityAt;
  }
  return { repository, logins: persons.logins, discussions, posts: table.posts, latestActivityAt, firstPosts: persons.firstPosts };
}

function countPosts(nodes: readonly DiscussionNode[]): number {
  let count = 0;
  for (const node of nodes) {
    count++;
    for (const comment of node.comments?.nodes ?? []) count += 1 + (comment.replies?.nodes.length ?? 0);
  }
  return count;
}

/** A comment or reply of one discussion before it gets its row: rows follow `createdAt`. */
interface PendingPost {
  readonly node: ReplyNode | CommentNode;
  readonly kind: PostKind;
  readonly isAnswer: boolean;
  readonly createdAt: number;
  /** For a reply, its comment's index among the discussion's pending posts; -1 otherwise. */
  readonly parent: number;
}

function normalizeDiscussion(node: DiscussionNode, table: PostTableWriter, categories: CategoryInterning): Discussion {
  const answerId = node.answer?.id;
  const firstRow = table.write(
    { id: node.id, createdAt: node.createdAt, author: node.author, authorAssociation: node.authorAssociation, upvoteCount: node.upvoteCount },
    'opening',
    false,
    Date.parse(node.createdAt),
    -1,
  );
  const pending: PendingPost[] = [];
  let answerPostId: string | null = answerId ?? null;
  for (const comment of node.comments?.nodes ?? []) {
    const isAnswer = comment.isAnswer === true || comment.id === answerId;
    if (isAnswer) answerPostId ??= comment.id;
    const parent = pending.push({ node: comment, kind: 'comment', isAnswer, createdAt: Date.parse(comment.createdAt), parent: -1 }) - 1;
    for (const reply of comment.replies?.nodes ?? []) {
      pending.push({ node: reply, kind: 'reply', isAnswer: reply.id === answerId, createdAt: Date.parse(reply.createdAt), parent });
    }
  }
  // Ascending time, ties in the order GitHub gave (Array.prototype.sort is stable).
  const order = pending.map((_, index) => index).sort((a, b) => pending[a]!.createdAt - pending[b]!.createdAt);
  const rowOf = new Int32Array(pending.length);
  order.forEach((index, position) => (rowOf[index] = firstRow + 1 + position));
  for (const index of order) {
    const post = pending[index]!;
    table.write(post.node, post.kind, post.isAnswer, post.createdAt, post.parent < 0 ? -1 : rowOf[post.parent]!);
  }
  const endRow = firstRow + 1 + pending.length;
  const createdAt = Date.parse(node.createdAt);
  const latestPost = endRow - 1 > firstRow ? table.posts.createdAt[endRow - 1]! : createdAt;
  const answerChosenAt = node.answerChosenAt ? Date.parse(node.answerChosenAt) : null;
  return new TableDiscussion(table.source, {
    id: node.id,
    number: node.number,
    title: node.title,
    url: node.url,
    createdAt,
    updatedAt: node.updatedAt ? Date.parse(node.updatedAt) : latestPost,
    closed: node.closed ?? false,
    locked: node.locked ?? false,
    category: node.category
      ? categories.of(node.category.name, node.category.slug ?? node.category.name.toLowerCase(), node.category.isAnswerable ?? false)
      : null,
    upvotes: node.upvoteCount ?? 0,
    answerChosenAt,
    answerId: answerPostId,
    firstRow,
    endRow,
    latestActivityAt: Math.max(createdAt, latestPost, answerChosenAt ?? -Infinity),
  });
}

/** A discussion's own fields: its posts, the opening post included, are rows of the table. */
type DiscussionFields = Omit<Discussion, 'posts' | 'opening'>;

/** A discussion made from its own fields whose posts are rows of `source` (the community image decodes into it). */
export function tableDiscussion(source: TableSource, fields: DiscussionFields): Discussion {
  return new TableDiscussion(source, fields);
}

/**
 * A discussion whose comments and replies stay in the community's table until asked for. Its fields are assigned one
 * by one, in this order, rather than copied from `fields` as a whole: every discussion then has the same hidden class,
 * whichever caller made it (normalize, the image's decode), and the metrics' loops over them stay monomorphic.
 */
class TableDiscussion implements Discussion {
  readonly id: string;
  readonly number: number;
  readonly title: string;
  readonly url: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly closed: boolean;
  readonly locked: boolean;
  readonly category: Category | null;
  readonly upvotes: number;
  readonly answerChosenAt: number | null;
  readonly answerId: string | null;
  readonly firstRow: number;
  readonly endRow: number;
  readonly latestActivityAt: number;
  // Private, so that the table is neither enumerated nor serialized with the discussion.
  readonly #source: TableSource;
  /** Made when first asked for (the metrics read the table): an object and a boxed time fewer per discussion held. */
  #opening: Post | undefined;

  constructor(source: TableSource, fields: DiscussionFields) {
    this.#source = source;
    this.id = fields.id;
    this.number = fields.number;
    this.title = fields.title;
    this.url = fields.url;
    this.createdAt = fields.createdAt;
    this.updatedAt = fields.updatedAt;
    this.closed = fields.closed;
    this.locked = fields.locked;
    this.category = fields.category;
    this.upvotes = fields.upvotes;
    this.answerChosenAt = fields.answerChosenAt;
    this.answerId = fields.answerId;
    this.firstRow = fields.firstRow;
    this.endRow = fields.endRow;
    this.latestActivityAt = fields.latestActivityAt;
  }

  get opening(): Post {
    return (this.#opening ??= postAt(this.#source, this.firstRow, null));
  }

  get posts(): readonly Post[] {
    return postsAt(this.#source, this.firstRow, this.endRow);
  }
}

type TableSource = Pick<Community, 'posts' | 'logins'>;

/**
 * One object per distinct category (name, slug, answerable), shared by its discussions: a community of 200,000
 * discussions holds a handful of categories, not 200,000 copies of them.
 */
class CategoryInterning {
  private readonly known = new Map<string, Category>();

  of(name: string, slug: string, answerable: boolean): Category {
    const key = `${answerable ? 1 : 0}${slug}\u0000${name}`;
    let category = this.known.get(key);
    if (category === undefined) {
      category = { name, slug, answerable };
      this.known.set(key, category);
    }
    return category;
  }
}

/** Writes posts row after row into columns sized for them all. */
class PostTableWriter {
  readonly posts: PostTable;
  readonly source: TableSource;
  private next = 0;

  constructor(
    length: number,
    private readonly persons: PersonNumbering,
  ) {
    this.posts = {
      length,
      createdAt: new Float64Array(length),
      author: new Int32Array(length),
      inReplyTo: new Int32Array(length),
      upvotes: new Int32Array(length),
      flags: new Uint8Array(length),
      association: new Uint8Array(length),
    };
    this.source = { posts: this.posts, logins: persons.logins };
  }

  /** Writes the next row; returns it. */
  write(node: ReplyNode | CommentNode, kind: PostKind, isAnswer: boolean, createdAt: number, inReplyTo: number): number {
    const row = this.next++;
    const author = this.persons.idOf(node.author?.login ?? GHOST_LOGIN);
    this.persons.sawPost(author, createdAt, node.id);
    const { posts } = this;
    posts.createdAt[row] = createdAt;
    posts.author[row] = author;
    posts.inReplyTo[row] = inReplyTo;
    posts.upvotes[row] = node.upvoteCount ?? 0;
    posts.association[row] = ASSOCIATION_CODES[node.authorAssociation ?? 'NONE'];
    posts.flags[row] =
      POST_KINDS.indexOf(kind) |
      (node.deletedAt != null ? POST_FLAGS.deleted : 0) |
      (node.isMinimized === true ? POST_FLAGS.minimized : 0) |
      (isAnswer ? POST_FLAGS.answer : 0) |
      (node.author?.__typename === 'Bot' ? POST_FLAGS.botActor : 0);
    return row;
  }
}

/**
 * Person ids, one per distinct login (compared exactly, as GitHub returns them), in order of first
 * appearance. A login is looked up here once per post at load; afterwards every metric indexes arrays
 * by person id. Each person's earliest post is noted on the way.
 */
class PersonNumbering {
  readonly logins: string[] = [];
  readonly firstPosts: FirstPost[] = [];
  private readonly ids = new Map<string, number>();

  idOf(login: string): number {
    let id = this.ids.get(login);
    if (id === undefined) {
      id = this.logins.push(login) - 1;
      this.ids.set(login, id);
    }
    return id;
  }

  sawPost(person: number, createdAt: number, postId: string): void {
    const known = this.firstPosts[person];
    if (known === undefined || createdAt < known.at) this.firstPosts[person] = { id: postId, at: createdAt };
  }
}
