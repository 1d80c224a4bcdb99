import type { CommentNode, DiscussionNode, ReplyNode } from '../github/schemas';
import { GHOST_LOGIN, type Community, type Discussion, type Post, type PostKind } from './model';

/**
 * Turns GitHub-shaped discussion nodes into the domain model, applying the documented defaults for
 * absent fields: association NONE, not closed, not locked, not deleted, not minimized, zero upvotes,
 * no category (not answerable), null author = `ghost`.
 */
export function normalizeCommunity(repository: string, nodes: readonly DiscussionNode[]): Community {
  const logins = new Map<string, string>();
  return { repository, discussions: nodes.map((node) => normalizeDiscussion(node, logins)) };
}

/**
 * `logins` interns author logins: a few thousand people write hundreds of thousands of posts, and one
 * string per person keeps memory down and makes the per-login lookups of every metric hit a cached hash.
 */
export function normalizeDiscussion(node: DiscussionNode, logins = new Map<string, string>()): Discussion {
  const toPost = (post: ReplyNode | CommentNode, kind: PostKind, isAnswer: boolean): Post => postOf(post, kind, isAnswer, logins);
  const createdAt = Date.parse(node.createdAt);
  const posts: Post[] = [];
  for (const comment of node.comments?.nodes ?? []) {
    posts.push(toPost(comment, 'comment', comment.isAnswer === true || comment.id === node.answer?.id));
    for (const reply of comment.replies?.nodes ?? []) posts.push(toPost(reply, 'reply', false));
  }
  posts.sort((a, b) => a.createdAt - b.createdAt);
  const latestActivity = posts.length > 0 ? posts[posts.length - 1]!.createdAt : createdAt;
  return {
    id: node.id,
    number: node.number,
    title: node.title,
    url: node.url,
    createdAt,
    updatedAt: node.updatedAt ? Date.parse(node.updatedAt) : latestActivity,
    closed: node.closed ?? false,
    locked: node.locked ?? false,
    category: node.category
      ? {
          name: node.category.name,
          slug: node.category.slug ?? node.category.name.toLowerCase(),
          answerable: node.category.isAnswerable ?? false,
        }
      : null,
    upvotes: node.upvoteCount ?? 0,
    answerChosenAt: node.answerChosenAt ? Date.parse(node.answerChosenAt) : null,
    answerId: node.answer?.id ?? null,
    opening: toPost(
      {
        id: node.id,
        createdAt: node.createdAt,
        author: node.author,
        authorAssociation: node.authorAssociation,
        upvoteCount: node.upvoteCount,
      },
      'opening',
      false,
    ),
    posts,
  };
}

function postOf(node: ReplyNode | CommentNode, kind: PostKind, isAnswer: boolean, logins: Map<string, string>): Post {
  const login = node.author?.login ?? GHOST_LOGIN;
  let author = logins.get(login);
  if (author === undefined) {
    author = login;
    logins.set(login, login);
  }
  return {
    id: node.id,
    kind,
    author,
    authorIsBotActor: node.author?.__typename === 'Bot',
    association: node.authorAssociation ?? 'NONE',
    createdAt: Date.parse(node.createdAt),
    deleted: node.deletedAt != null,
    minimized: node.isMinimized ?? false,
    upvotes: node.upvoteCount ?? 0,
    isAnswer,
  };
}
