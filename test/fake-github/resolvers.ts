import { bodyHTML, bodyText } from './bodies';
import { byPosition, paginate, type ConnectionArgs, type Ordering } from './connection';
import { GitHubResolverError } from './errors';
import type { LabelOrder } from './labels';
import { discussionOrdering, listDiscussions, type DiscussionFilter } from './listing';
import type { StoredActor, StoredCategory, StoredComment, StoredDiscussion, StoredLabel, StoredRepository } from './model';
import type { Viewer } from './permissions';
import type { FakeStore } from './store';

/**
 * Plain-object resolvers over the store: graphql-js's default field resolver reads a property, or calls
 * it with the field's arguments when it is a function. Abstract types (`Actor`, `Node`) resolve through
 * `__typename`. Fields the imported data lacks are served with GitHub-shaped defaults (see store.ts);
 * `viewer*` fields answer for the signed-in viewer (permissions.ts).
 */

export interface RequestContext {
  readonly viewer: Viewer;
  readonly rateLimit: { cost: number; nodeCount: number; limit: number; used: number; remaining: number; resetAt: string };
}

type LabelConnectionArgs = ConnectionArgs & { orderBy?: LabelOrder | null; query?: string | null };

/** Comments and replies in creation order, by their numeric id: a cursor keeps its place when a post is deleted. */
const BY_DATABASE_ID: Ordering<StoredComment> = { keyLength: 1, keyOf: (comment) => [comment.databaseId] };

export function createRoot(store: FakeStore, context: RequestContext): Record<string, unknown> {
  const views = new GitHubViews(context.viewer);
  return {
    repository: ({ owner, name }: { owner: string; name: string }) => {
      const repository = store.repository(`${owner}/${name}`);
      if (!repository) throw new GitHubResolverError('NOT_FOUND', `Could not resolve to a Repository with the name '${owner}/${name}'.`);
      return views.repository(repository);
    },
    node: ({ id }: { id: string }) => {
      const view = views.node(store, id);
      if (view instanceof Error) throw view;
      return view;
    },
    // A list item that is an Error becomes null plus an error at its index, as GitHub answers unknown ids.
    nodes: ({ ids }: { ids: readonly string[] }) => ids.map((id) => views.node(store, id)),
    viewer: () => views.actor({ typename: 'User', login: context.viewer.login }),
    rateLimit: () => ({ __typename: 'RateLimit', ...context.rateLimit }),
  };
}

export function notFoundNode(id: string): GitHubResolverError {
  return new GitHubResolverError('NOT_FOUND', `Could not resolve to a node with the global id of '${id}'`);
}

/** The GraphQL objects the fake answers with, as the viewer sees them. */
export class GitHubViews {
  constructor(private readonly viewer: Viewer) {}

  node(store: FakeStore, id: string): object | Error {
    const node = store.node(id);
    if (node?.kind === 'discussion' && node.discussion.repository.hasDiscussionsEnabled) return this.discussion(node.discussion);
    if (node?.kind === 'comment' && node.comment.discussion.repository.hasDiscussionsEnabled) return this.comment(node.comment);
    if (node?.kind === 'label') return this.label(node.repository, node.label);
    return notFoundNode(id);
  }

  repository(repository: StoredRepository): object {
    return {
      __typename: 'Repository',
      id: repository.id,
      name: repository.name,
      nameWithOwner: repository.nameWithOwner,
      owner: { __typename: 'User', login: repository.owner, url: `https://github.com/${repository.owner}` },
      url: repository.url,
      resourcePath: `/${repository.nameWithOwner}`,
      createdAt: repository.createdAt,
      hasDiscussionsEnabled: repository.hasDiscussionsEnabled,
      viewerPermission: () => this.viewer.permission(repository),
      discussions: (args: ConnectionArgs & DiscussionFilter) =>
        paginate(listDiscussions(repository, args), args, discussionOrdering(args.orderBy), (discussion) => this.discussion(discussion)),
      discussion: ({ number }: { number: number }) => {
        const discussion = repository.hasDiscussionsEnabled ? repository.byNumber.get(number) : undefined;
        if (!discussion) throw new GitHubResolverError('NOT_FOUND', `Could not resolve to a Discussion with the number of ${number}.`);
        return this.discussion(discussion);
      },
      discussionCategories: (args: ConnectionArgs) =>
        paginate(repository.hasDiscussionsEnabled ? repository.categories.all() : [], args, byPosition(), (category) => this.category(repository, category)),
      discussionCategory: ({ slug }: { slug: string }) => {
        const category = repository.categories.all().find((candidate) => candidate.slug === slug);
        return category ? this.category(repository, category) : null;
      },
      labels: (args: LabelConnectionArgs) => this.labels(repository, repository.labels.search(args.query), args),
      label: ({ name }: { name: string }) => {
        const label = repository.labels.all().find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
        return label ? this.label(repository, label) : null;
      },
    };
  }

  discussion(discussion: StoredDiscussion): object {
    const repository = discussion.repository;
    const resourcePath = `/${repository.nameWithOwner}/discussions/${discussion.number}`;
    const moderates = () => this.viewer.canModerate(discussion);
    return {
      __typename: 'Discussion',
      id: discussion.id,
      number: discussion.number,
      title: discussion.title,
      url: discussion.url,
      resourcePath,
      createdAt: discussion.createdAt,
      publishedAt: discussion.createdAt,
      updatedAt: discussion.updatedAt,
      lastEditedAt: discussion.lastEditedAt,
      closed: discussion.closed,
      closedAt: discussion.closedAt,
      stateReason: discussion.stateReason,
      locked: discussion.locked,
      activeLockReason: discussion.activeLockReason,
      author: this.actor(discussion.author),
      authorAssociation: discussion.authorAssociation,
      body: discussion.body,
      bodyText: () => bodyText(discussion, repository),
      bodyHTML: () => bodyHTML(discussion, repository),
      category: this.category(repository, discussion.category),
      labels: (args: LabelConnectionArgs) => this.labels(repository, discussion.labels, args),
      isAnswered: discussion.answer !== null,
      answer: discussion.answer && this.comment(discussion.answer),
      answerChosenAt: discussion.answer ? discussion.answerChosenAt : null,
      answerChosenBy: discussion.answer ? this.actor(discussion.answerChosenBy) : null,
      upvoteCount: discussion.upvoteCount,
      comments: (args: ConnectionArgs) => paginate(discussion.comments, args, BY_DATABASE_ID, (comment) => this.comment(comment)),
      repository: () => this.repository(repository),
      viewerDidAuthor: () => this.viewer.is(discussion.author),
      viewerCanUpdate: () => this.viewer.canUpdate(discussion, repository),
      viewerCanDelete: () => this.viewer.canDelete(discussion, repository),
      viewerCanClose: () => !discussion.closed && moderates(),
      viewerCanReopen: () => discussion.closed && moderates(),
      viewerCanLabel: () => this.viewer.canTriage(repository),
    };
  }

  comment(comment: StoredComment): object {
    const discussion = comment.discussion;
    const repository = discussion.repository;
    const anchor = `#discussioncomment-${comment.databaseId}`;
    const live = comment.deletedAt === null;
    return {
      __typename: 'DiscussionComment',
      id: comment.id,
      databaseId: comment.databaseId,
      url: `${discussion.url}${anchor}`,
      resourcePath: `/${repository.nameWithOwner}/discussions/${discussion.number}${anchor}`,
      createdAt: comment.createdAt,
      publishedAt: comment.createdAt,
      updatedAt: comment.updatedAt,
      lastEditedAt: comment.lastEditedAt,
      author: this.actor(comment.author),
      authorAssociation: comment.authorAssociation,
      body: comment.body,
      bodyText: () => bodyText(comment, repository),
      bodyHTML: () => bodyHTML(comment, repository),
      deletedAt: comment.deletedAt,
      isMinimized: comment.isMinimized,
      minimizedReason: comment.isMinimized ? 'off-topic' : null,
      upvoteCount: comment.upvoteCount,
      isAnswer: discussion.answer === comment,
      replyTo: comment.replyTo && this.comment(comment.replyTo),
      replies: (args: ConnectionArgs) => paginate(comment.replies, args, BY_DATABASE_ID, (reply) => this.comment(reply)),
      discussion: () => this.discussion(discussion),
      viewerDidAuthor: () => this.viewer.is(comment.author),
      viewerCanUpdate: () => live && this.viewer.canUpdate(comment, repository),
      viewerCanDelete: () => live && this.viewer.canDelete(comment, repository),
      viewerCanMarkAsAnswer: () => this.viewer.canMarkAsAnswer(comment),
      viewerCanUnmarkAsAnswer: () => discussion.answer === comment && this.viewer.canModerate(discussion),
    };
  }

  label(repository: StoredRepository, label: StoredLabel): object {
    const path = `/labels/${encodeURIComponent(label.name)}`;
    return {
      __typename: 'Label',
      ...label,
      url: `${repository.url}${path}`,
      resourcePath: `/${repository.nameWithOwner}${path}`,
      createdAt: repository.createdAt,
      updatedAt: repository.createdAt,
      repository: () => this.repository(repository),
    };
  }

  /** Null for a deleted account: GitHub shows it as "ghost" but answers `author: null`. */
  actor(actor: StoredActor | null): object | null {
    if (!actor) return null;
    return actor.typename === 'Bot' ? botView(actor) : userView(actor);
  }

  private labels(repository: StoredRepository, labels: readonly StoredLabel[], args: LabelConnectionArgs): object {
    return paginate(repository.labels.sorted(labels, args.orderBy), args, repository.labels.ordering(args.orderBy), (label) => this.label(repository, label));
  }

  private category(repository: StoredRepository, category: StoredCategory): object {
    return {
      __typename: 'DiscussionCategory',
      ...category,
      emojiHTML: `<div>${category.emoji}</div>`,
      description: null,
      createdAt: repository.createdAt,
      updatedAt: repository.createdAt,
      repository: () => this.repository(repository),
    };
  }
}

function userView(actor: StoredActor): object {
  return {
    __typename: 'User',
    id: `U_${Buffer.from(actor.login).toString('base64url')}`,
    login: actor.login,
    url: `https://github.com/${actor.login}`,
    resourcePath: `/${actor.login}`,
    avatarUrl: `https://avatars.githubusercontent.com/${actor.login}`,
  };
}

function botView(actor: StoredActor): object {
  return {
    __typename: 'Bot',
    id: `BOT_${Buffer.from(actor.login).toString('base64url')}`,
    login: actor.login,
    url: `https://github.com/apps/${actor.login}`,
    resourcePath: `/apps/${actor.login}`,
    avatarUrl: `https://avatars.githubusercontent.com/in/${actor.login}`,
  };
}
