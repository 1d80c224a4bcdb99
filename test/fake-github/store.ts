import { CategoryRegistry, FALLBACK_CATEGORY_SLUG } from './categories';
import { assertNameWithOwner, parseDiscussions, type ImportedDiscussion } from './dataset';
import { shortHash } from './hash';
import { LabelRegistry } from './labels';
import { formatGitHubTime, parseTime, type StoredActor, type StoredComment, type StoredDiscussion, type StoredNode, type StoredRepository } from './model';
import type { DiscussionPatch, FakeRepositoryInput, MarkAnswerOptions, NewDiscussionInput, NewPostInput, UpdateOptions } from './types';

type ImportedPost = NonNullable<ImportedDiscussion['comments']>['nodes'][number];
type ImportedActor = ImportedDiscussion['author'];

/**
 * The repositories the fake GitHub serves, their discussions, and the changes tests make to them.
 * Absent non-null fields get the documented defaults; `updatedAt` defaults to the latest activity.
 * New comments, replies and answers move the discussion's `updatedAt` to their time (never backwards).
 */
export class FakeStore {
  private readonly repositories = new Map<string, StoredRepository>();
  private readonly nodes = new Map<string, StoredNode>();
  private nextPostId = 1;
  /** GitHub's numeric ids of posts are global, increasing with creation. */
  private nextDatabaseId = 1;

  constructor(
    inputs: readonly FakeRepositoryInput[],
    private readonly now: () => number = Date.now,
  ) {
    for (const input of inputs) this.addRepository(input);
  }

  repository(nameWithOwner: string): StoredRepository | undefined {
    return this.repositories.get(nameWithOwner.toLowerCase());
  }

  node(id: string): StoredNode | undefined {
    return this.nodes.get(id);
  }

  addDiscussion(repo: string, input: NewDiscussionInput): { number: number; id: string } {
    const repository = this.requireRepository(repo);
    const categoryName = input.category ?? FALLBACK_CATEGORY_SLUG;
    const category = repository.categories.find(categoryName);
    if (!category) {
      const known = repository.categories
        .all()
        .map((c) => c.name)
        .join(', ');
      throw new Error(`${repo}: no discussion category "${categoryName}" (categories: ${known})`);
    }
    let number = 1;
    for (const existing of repository.byNumber.keys()) number = Math.max(number, existing + 1);
    const createdAt = this.timeOrNow(input.createdAt, `${repo} new discussion`);
    const createdAtMs = parseTime(createdAt, 'createdAt');
    const discussion: StoredDiscussion = {
      repository,
      id: `D_${repository.id}_${number}`,
      number,
      title: input.title,
      url: `${repository.url}/discussions/${number}`,
      createdAt,
      createdAtMs,
      updatedAt: createdAt,
      updatedAtMs: createdAtMs,
      body: input.body ?? '',
      lastEditedAt: null,
      closed: false,
      closedAt: null,
      stateReason: null,
      locked: false,
      activeLockReason: null,
      author: actor(input.author, input.typename),
      authorAssociation: input.authorAssociation ?? 'NONE',
      category,
      answer: null,
      answerChosenAt: null,
      answerChosenBy: null,
      upvoteCount: 0,
      comments: [],
      labels: [],
    };
    this.register(discussion);
    return { number, id: discussion.id };
  }

  addComment(repo: string, discussionNumber: number, input: NewPostInput): { id: string } {
    return { id: this.post(this.requireDiscussion(repo, discussionNumber), null, input).id };
  }

  /** A reply to a reply joins the thread of its top-level comment, as on GitHub. */
  addReply(repo: string, commentId: string, input: NewPostInput): { id: string } {
    const parent = this.requireComment(repo, commentId);
    const topLevel = parent.replyTo ?? parent;
    return { id: this.post(topLevel.discussion, topLevel, input).id };
  }

  markAnswer(repo: string, commentId: string, options: MarkAnswerOptions = {}): void {
    const comment = this.requireComment(repo, commentId);
    const discussion = comment.discussion;
    if (!discussion.category.isAnswerable) {
      throw new Error(`${repo}#${discussion.number}: category "${discussion.category.name}" is not answerable`);
    }
    const chosenAt = this.timeOrNow(options.chosenAt, `${repo}#${discussion.number} answer`);
    this.chooseAnswer(comment, options.chosenBy ? actor(options.chosenBy) : discussion.author, chosenAt);
  }

  // ── Changes the mutations make (mutations.ts checks who may make them) ──────────────────────────────────

  /** A new comment (`replyTo` null) or reply, its `createdAt` now unless given; `updatedAt` follows it. */
  post(discussion: StoredDiscussion, replyTo: StoredComment | null, input: NewPostInput): StoredComment {
    const createdAt = this.timeOrNow(input.createdAt, `${discussion.repository.nameWithOwner}#${discussion.number} new post`);
    const post: StoredComment = {
      id: this.freshPostId(),
      databaseId: this.nextDatabaseId++,
      discussion,
      replyTo,
      createdAt,
      updatedAt: createdAt,
      body: input.body ?? '',
      lastEditedAt: null,
      author: actor(input.author, input.typename),
      authorAssociation: input.authorAssociation ?? 'NONE',
      deletedAt: null,
      isMinimized: false,
      upvoteCount: 0,
      replies: [],
    };
    this.index(post.id, { kind: 'comment', comment: post });
    (replyTo ? replyTo.replies : discussion.comments).push(post);
    this.touch(discussion, parseTime(createdAt, 'createdAt'));
    return post;
  }

  chooseAnswer(comment: StoredComment, chosenBy: StoredActor | null, chosenAt: string): void {
    const discussion = comment.discussion;
    discussion.answer = comment;
    discussion.answerChosenAt = chosenAt;
    discussion.answerChosenBy = chosenBy;
    this.touch(discussion, parseTime(chosenAt, 'chosenAt'));
  }

  clearAnswer(discussion: StoredDiscussion): void {
    forgetAnswer(discussion);
    this.touchNow(discussion);
  }

  /** An edit: the new body, `lastEditedAt` and the post's and discussion's `updatedAt` now. */
  edit(post: StoredComment, body: string): void {
    const now = formatGitHubTime(this.now());
    post.body = body;
    post.lastEditedAt = now;
    post.updatedAt = now;
    this.touchNow(post.discussion);
  }

  /**
   * Removes a comment or reply (and an answer it was). A top-level comment with replies stays as a placeholder,
   * `deletedAt` set and its body gone, as on GitHub. The discussion's `updatedAt` does not move.
   */
  delete(post: StoredComment): void {
    const discussion = post.discussion;
    if (discussion.answer === post) forgetAnswer(discussion);
    if (post.replyTo === null && post.replies.length > 0) {
      post.deletedAt = formatGitHubTime(this.now());
      post.body = '';
    } else {
      const siblings = post.replyTo ? post.replyTo.replies : discussion.comments;
      siblings.splice(siblings.indexOf(post), 1);
      this.nodes.delete(post.id);
    }
    discussion.repository.version++;
  }

  /** After a change to the discussion itself (state, labels, lock): `updatedAt` moves to now, never backwards. */
  touchNow(discussion: StoredDiscussion): void {
    this.touch(discussion, this.now());
  }

  currentTime(): string {
    return formatGitHubTime(this.now());
  }

  /** With `bumpUpdatedAt` (default) `updatedAt` moves to now, and at least one second forward. */
  updateDiscussion(repo: string, discussionNumber: number, patch: DiscussionPatch, options: UpdateOptions = {}): void {
    const discussion = this.requireDiscussion(repo, discussionNumber);
    if (patch.title !== undefined) discussion.title = patch.title;
    if (patch.closed !== undefined) discussion.closed = patch.closed;
    if (patch.locked !== undefined) discussion.locked = patch.locked;
    if (options.bumpUpdatedAt ?? true) this.touch(discussion, Math.max(this.now(), discussion.updatedAtMs + 1000));
    else discussion.repository.version++;
  }

  private addRepository(input: FakeRepositoryInput): void {
    assertNameWithOwner(input.nameWithOwner, 'fake GitHub repository');
    if (this.repository(input.nameWithOwner)) throw new Error(`fake GitHub: repository ${input.nameWithOwner} given twice`);
    const [owner, name] = input.nameWithOwner.split('/') as [string, string];
    const key = shortHash(input.nameWithOwner.toLowerCase());
    const imported = parseDiscussions(input.nameWithOwner, input.discussions);
    const earliest = imported.reduce((min, d) => Math.min(min, Date.parse(d.createdAt)), Date.UTC(2020, 0, 1));
    const repository: StoredRepository = {
      id: `R_kgDO${key}`,
      owner,
      name,
      nameWithOwner: input.nameWithOwner,
      url: `https://github.com/${input.nameWithOwner}`,
      createdAt: formatGitHubTime(earliest),
      hasDiscussionsEnabled: input.hasDiscussionsEnabled ?? true,
      categories: new CategoryRegistry(`DIC_kwDO${key}`),
      labels: new LabelRegistry(`LA_kwDO${key}`),
      discussions: [],
      byNumber: new Map(),
      version: 0,
    };
    this.repositories.set(input.nameWithOwner.toLowerCase(), repository);
    for (const node of imported) this.register(this.importDiscussion(repository, node));
    for (const label of repository.labels.all()) this.index(label.id, { kind: 'label', label, repository });
  }

  private importDiscussion(repository: StoredRepository, node: ImportedDiscussion): StoredDiscussion {
    const where = `${repository.nameWithOwner}#${node.number}`;
    if (repository.byNumber.has(node.number)) throw new Error(`${where}: discussion number given twice`);
    const createdAtMs = parseTime(node.createdAt, `${where} createdAt`);
    const discussion: StoredDiscussion = {
      repository,
      id: node.id,
      number: node.number,
      title: node.title,
      url: node.url,
      createdAt: node.createdAt,
      createdAtMs,
      updatedAt: node.createdAt,
      updatedAtMs: createdAtMs,
      body: node.body ?? '',
      lastEditedAt: null,
      closed: node.closed ?? false,
      closedAt: node.closedAt ?? null,
      stateReason: node.stateReason ?? null,
      locked: node.locked ?? false,
      activeLockReason: node.activeLockReason ?? null,
      author: importActor(node.author),
      authorAssociation: node.authorAssociation ?? 'NONE',
      category: repository.categories.resolve(node.category),
      answer: null,
      answerChosenAt: node.answerChosenAt ?? null,
      answerChosenBy: importActor(node.answerChosenBy),
      upvoteCount: node.upvoteCount ?? 0,
      comments: [],
      labels: repository.labels.sorted(
        (node.labels?.nodes ?? []).map((label) => repository.labels.resolve(label)),
        undefined,
      ),
    };
    for (const commentNode of node.comments?.nodes ?? []) {
      const comment = this.importPost(discussion, null, commentNode);
      discussion.comments.push(comment);
      for (const replyNode of commentNode.replies?.nodes ?? []) comment.replies.push(this.importPost(discussion, comment, replyNode));
      if (commentNode.isAnswer === true || commentNode.id === node.answer?.id) discussion.answer = comment;
    }
    // Latest activity, as src/community/normalize.ts derives it when GitHub's updatedAt is absent.
    const latest = node.updatedAt ?? latestPostTime(discussion);
    if (latest !== undefined) {
      discussion.updatedAt = latest;
      discussion.updatedAtMs = parseTime(latest, `${where} updatedAt`);
    }
    return discussion;
  }

  private importPost(discussion: StoredDiscussion, replyTo: StoredComment | null, node: ImportedPost): StoredComment {
    return {
      id: node.id,
      databaseId: this.nextDatabaseId++,
      discussion,
      replyTo,
      createdAt: node.createdAt,
      updatedAt: node.createdAt,
      body: node.body ?? '',
      lastEditedAt: null,
      author: importActor(node.author),
      authorAssociation: node.authorAssociation ?? 'NONE',
      deletedAt: node.deletedAt ?? null,
      isMinimized: node.isMinimized ?? false,
      upvoteCount: node.upvoteCount ?? 0,
      replies: [],
    };
  }

  private register(discussion: StoredDiscussion): void {
    const repository = discussion.repository;
    this.index(discussion.id, { kind: 'discussion', discussion });
    for (const comment of discussion.comments) {
      this.index(comment.id, { kind: 'comment', comment });
      for (const reply of comment.replies) this.index(reply.id, { kind: 'comment', comment: reply });
    }
    repository.discussions.push(discussion);
    repository.byNumber.set(discussion.number, discussion);
    repository.version++;
  }

  private index(id: string, node: StoredNode): void {
    if (this.nodes.has(id)) throw new Error(`fake GitHub: node id ${id} is used twice`);
    this.nodes.set(id, node);
  }

  /** Moves `updatedAt` forward to `ms` (never backwards). */
  private touch(discussion: StoredDiscussion, ms: number): void {
    if (ms > discussion.updatedAtMs) {
      discussion.updatedAtMs = ms;
      discussion.updatedAt = formatGitHubTime(ms);
    }
    discussion.repository.version++;
  }

  private freshPostId(): string {
    let id: string;
    do id = `DC_kwDOfake${this.nextPostId++}`;
    while (this.nodes.has(id));
    return id;
  }

  private timeOrNow(value: string | undefined, what: string): string {
    return value === undefined ? formatGitHubTime(this.now()) : formatGitHubTime(parseTime(value, what));
  }

  private requireRepository(repo: string): StoredRepository {
    const repository = this.repository(repo);
    if (!repository) throw new Error(`fake GitHub: no repository ${repo}`);
    return repository;
  }

  private requireDiscussion(repo: string, number: number): StoredDiscussion {
    const discussion = this.requireRepository(repo).byNumber.get(number);
    if (!discussion) throw new Error(`fake GitHub: ${repo} has no discussion #${number}`);
    return discussion;
  }

  private requireComment(repo: string, commentId: string): StoredComment {
    const repository = this.requireRepository(repo);
    const node = this.nodes.get(commentId);
    if (node?.kind !== 'comment' || node.comment.discussion.repository !== repository) {
      throw new Error(`fake GitHub: ${repo} has no discussion comment ${commentId}`);
    }
    return node.comment;
  }
}

function actor(login: string, typename: StoredActor['typename'] = 'User'): StoredActor {
  return { typename, login };
}

function forgetAnswer(discussion: StoredDiscussion): void {
  discussion.answer = null;
  discussion.answerChosenAt = null;
  discussion.answerChosenBy = null;
}

function importActor(author: ImportedActor | undefined): StoredActor | null {
  if (!author) return null;
  return actor(author.login, author.__typename === 'Bot' ? 'Bot' : 'User');
}

function latestPostTime(discussion: StoredDiscussion): string | undefined {
  let latest: { ms: number; at: string } | undefined;
  for (const comment of discussion.comments) {
    for (const post of [comment, ...comment.replies]) {
      const ms = Date.parse(post.createdAt);
      if (!latest || ms > latest.ms) latest = { ms, at: post.createdAt };
    }
  }
  return latest?.at;
}
