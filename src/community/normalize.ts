import type { CommentNode, DiscussionNode, ReplyNode } from '../github/schemas';
import { GHOST_LOGIN, latestEventOf, type Community, type Discussion, type Post, type PostKind } from './model';

/**
 * Turns GitHub-shaped discussion nodes into the domain model, applying the documented defaults for
 * absent fields: association NONE, not closed, not locked, not deleted, not minimized, zero upvotes,
 * no category (not answerable), null author = `ghost`.
 */
export function normalizeCommunity(repository: string, nodes: readonly DiscussionNode[]): Community {
  const persons = new PersonNumbering();
  const discussions = nodes.map((node) => normalizeDiscussion(node, persons));
  const latestActivityAt = discussions.reduce((latest, discussion) => Math.max(latest, discussion.latestActivityAt), -Infinity);
  return { repository, logins: persons.logins, discussions, latestActivityAt };
}

function normalizeDiscussion(node: DiscussionNode, persons: PersonNumbering): Discussion {
  const toPost = (post: ReplyNode | CommentNode, kind: PostKind, isAnswer: boolean, inReplyTo: Post | null = null): Post =>
    postOf(post, kind, isAnswer, inReplyTo, persons);
  // The opening post first, so people are numbered in the order they appear in the data.
  const opening = toPost(
    {
      id: node.id,
      createdAt: node.createdAt,
      author: node.author,
      authorAssociation: node.authorAssociation,
      upvoteCount: node.upvoteCount,
    },
    'opening',
    false,
  );
  const createdAt = Date.parse(node.createdAt);
  const posts: Post[] = [];
  for (const comment of node.comments?.nodes ?? []) {
    const commentPost = toPost(comment, 'comment', comment.isAnswer === true || comment.id === node.answer?.id);
    posts.push(commentPost);
    for (const reply of comment.replies?.nodes ?? []) posts.push(toPost(reply, 'reply', reply.id === node.answer?.id, commentPost));
  }
  posts.sort((a, b) => a.createdAt - b.createdAt);
  const latestActivity = posts.at(-1)?.createdAt ?? createdAt;
  const answerChosenAt = node.answerChosenAt ? Date.parse(node.answerChosenAt) : null;
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
    answerChosenAt,
    answerId: node.answer?.id ?? null,
    opening,
    posts,
    latestActivityAt: latestEventOf({ createdAt, posts, answerChosenAt }),
  };
}

function postOf(node: ReplyNode | CommentNode, kind: PostKind, isAnswer: boolean, inReplyTo: Post | null, persons: PersonNumbering): Post {
  const authorId = persons.idOf(node.author?.login ?? GHOST_LOGIN);
  return {
    id: node.id,
    kind,
    author: persons.logins[authorId]!,
    authorId,
    authorIsBotActor: node.author?.__typename === 'Bot',
    association: node.authorAssociation ?? 'NONE',
    createdAt: Date.parse(node.createdAt),
    deleted: node.deletedAt != null,
    minimized: node.isMinimized ?? false,
    upvotes: node.upvoteCount ?? 0,
    isAnswer,
    inReplyTo,
  };
}

/**
 * Person ids, one per distinct login (compared exactly, as GitHub returns them), in order of first
 * appearance. A login is looked up here once per post at load; afterwards every metric indexes arrays
 * by `Post.authorId`. Posts share the one login string of their author, which also keeps memory down.
 */
class PersonNumbering {
  readonly logins: string[] = [];
  private readonly ids = new Map<string, number>();

  idOf(login: string): number {
    let id = this.ids.get(login);
    if (id === undefined) {
      id = this.logins.push(login) - 1;
      this.ids.set(login, id);
    }
    return id;
  }
}
