import { byPosition, paginate, type ConnectionArgs } from './connection';
import { GitHubResolverError } from './errors';
import { discussionOrdering, listDiscussions, type DiscussionFilter } from './listing';
import type { StoredActor, StoredCategory, StoredComment, StoredDiscussion, StoredRepository } from './model';
import type { FakeStore } from './store';

/**
 * Plain-object resolvers over the store: graphql-js's default field resolver reads a property, or calls
 * it with the field's arguments when it is a function. Abstract types (`Actor`, `Node`) resolve through
 * `__typename`. Fields the imported data lacks are served with GitHub-shaped defaults (see store.ts).
 */

export interface RequestContext {
  readonly viewerLogin: string;
  readonly rateLimit: { cost: number; nodeCount: number; limit: number; used: number; remaining: number; resetAt: string };
}

export function createRoot(store: FakeStore, context: RequestContext): Record<string, unknown> {
  return {
    repository: ({ owner, name }: { owner: string; name: string }) => {
      const repository = store.repository(`${owner}/${name}`);
      if (!repository) throw new GitHubResolverError('NOT_FOUND', `Could not resolve to a Repository with the name '${owner}/${name}'.`);
      return repositoryView(repository);
    },
    node: ({ id }: { id: string }) => {
      const view = nodeView(store, id);
      if (view instanceof Error) throw view;
      return view;
    },
    // A list item that is an Error becomes null plus an error at its index, as GitHub answers unknown ids.
    nodes: ({ ids }: { ids: readonly string[] }) => ids.map((id) => nodeView(store, id)),
    viewer: () => userView({ typename: 'User', login: context.viewerLogin }),
    rateLimit: () => ({ __typename: 'RateLimit', ...context.rateLimit }),
  };
}

function nodeView(store: FakeStore, id: string): object | Error {
  const node = store.node(id);
  if (node?.kind === 'discussion' && node.discussion.repository.hasDiscussionsEnabled) return discussionView(node.discussion);
  if (node?.kind === 'comment' && node.comment.discussion.repository.hasDiscussionsEnabled) return commentView(node.comment);
  return new GitHubResolverError('NOT_FOUND', `Could not resolve to a node with the global id of '${id}'`);
}

function repositoryView(repository: StoredRepository): object {
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
    discussions: (args: ConnectionArgs & DiscussionFilter) =>
      paginate(listDiscussions(repository, args), args, discussionOrdering(args.orderBy), discussionView),
    discussion: ({ number }: { number: number }) => {
      const discussion = repository.hasDiscussionsEnabled ? repository.byNumber.get(number) : undefined;
      if (!discussion) throw new GitHubResolverError('NOT_FOUND', `Could not resolve to a Discussion with the number of ${number}.`);
      return discussionView(discussion);
    },
    discussionCategories: (args: ConnectionArgs) =>
      paginate(repository.hasDiscussionsEnabled ? repository.categories.all() : [], args, byPosition(), (category) => categoryView(repository, category)),
    discussionCategory: ({ slug }: { slug: string }) => {
      const category = repository.categories.all().find((candidate) => candidate.slug === slug);
      return category ? categoryView(repository, category) : null;
    },
  };
}

function categoryView(repository: StoredRepository, category: StoredCategory): object {
  return {
    __typename: 'DiscussionCategory',
    ...category,
    emojiHTML: `<div>${category.emoji}</div>`,
    description: null,
    createdAt: repository.createdAt,
    updatedAt: repository.createdAt,
    repository: () => repositoryView(repository),
  };
}

function discussionView(discussion: StoredDiscussion): object {
  const resourcePath = `/${discussion.repository.nameWithOwner}/discussions/${discussion.number}`;
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
    lastEditedAt: null,
    closed: discussion.closed,
    locked: discussion.locked,
    author: actorView(discussion.author),
    authorAssociation: discussion.authorAssociation,
    // Message bodies are never imported; GitHub's non-null body fields are served empty.
    body: '',
    bodyText: '',
    bodyHTML: '',
    category: categoryView(discussion.repository, discussion.category),
    isAnswered: discussion.answer !== null,
    answer: discussion.answer && commentView(discussion.answer),
    answerChosenAt: discussion.answer ? discussion.answerChosenAt : null,
    answerChosenBy: discussion.answer ? actorView(discussion.answerChosenBy) : null,
    upvoteCount: discussion.upvoteCount,
    comments: (args: ConnectionArgs) => paginate(discussion.comments, args, byPosition(), commentView),
    repository: () => repositoryView(discussion.repository),
    viewerDidAuthor: false,
  };
}

function commentView(comment: StoredComment): object {
  const discussion = comment.discussion;
  return {
    __typename: 'DiscussionComment',
    id: comment.id,
    url: `${discussion.url}#discussioncomment-${comment.id}`,
    resourcePath: `/${discussion.repository.nameWithOwner}/discussions/${discussion.number}#discussioncomment-${comment.id}`,
    createdAt: comment.createdAt,
    publishedAt: comment.createdAt,
    updatedAt: comment.createdAt,
    lastEditedAt: null,
    author: actorView(comment.author),
    authorAssociation: comment.authorAssociation,
    body: '',
    bodyText: '',
    bodyHTML: '',
    deletedAt: comment.deletedAt,
    isMinimized: comment.isMinimized,
    minimizedReason: comment.isMinimized ? 'off-topic' : null,
    upvoteCount: comment.upvoteCount,
    isAnswer: discussion.answer === comment,
    replyTo: comment.replyTo && commentView(comment.replyTo),
    replies: (args: ConnectionArgs) => paginate(comment.replies, args, byPosition(), commentView),
    discussion: () => discussionView(discussion),
    viewerDidAuthor: false,
  };
}

/** Null for a deleted account: GitHub shows it as "ghost" but answers `author: null`. */
function actorView(actor: StoredActor | null): object | null {
  if (!actor) return null;
  return actor.typename === 'Bot' ? botView(actor) : userView(actor);
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
