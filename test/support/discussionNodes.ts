import type { CommentNode, DiscussionNode, ReplyNode } from '../../src/github/schemas';

/**
 * Terse builders of GitHub-shaped discussion nodes for tests. Times are given as hours after
 * 2024-01-01T00:00:00Z so a test reads as a timeline.
 */
export const T0 = Date.parse('2024-01-01T00:00:00Z');

export function at(hours: number): string {
  return new Date(T0 + hours * 3_600_000).toISOString();
}

type PostOptions = Partial<Pick<ReplyNode, 'authorAssociation' | 'deletedAt' | 'isMinimized' | 'upvoteCount'>> & {
  bot?: boolean;
};

let sequence = 0;

export function reply(author: string | null, hours: number, options: PostOptions = {}): ReplyNode {
  const { bot, ...rest } = options;
  return {
    id: `R_${++sequence}`,
    createdAt: at(hours),
    author: author === null ? null : { __typename: bot ? 'Bot' : 'User', login: author },
    ...rest,
  };
}

export function comment(author: string | null, hours: number, options: PostOptions & { isAnswer?: boolean; replies?: ReplyNode[] } = {}): CommentNode {
  const { replies, isAnswer, ...rest } = options;
  return { ...reply(author, hours, rest), isAnswer: isAnswer ?? false, replies: { nodes: replies ?? [] } };
}

export function discussion(
  number: number,
  author: string | null,
  hours: number,
  options: Partial<Omit<DiscussionNode, 'comments' | 'author' | 'category'>> & {
    comments?: CommentNode[];
    category?: 'Q&A' | 'General' | null;
    bot?: boolean;
  } = {},
): DiscussionNode {
  const { comments, category = 'Q&A', bot, ...rest } = options;
  const answer = comments?.find((c) => c.isAnswer);
  return {
    id: `D_${number}`,
    number,
    title: `Discussion ${number}`,
    url: `https://github.com/octo/repo/discussions/${number}`,
    createdAt: at(hours),
    author: author === null ? null : { __typename: bot ? 'Bot' : 'User', login: author },
    category: category === null ? null : { name: category, slug: category.toLowerCase(), isAnswerable: category === 'Q&A' },
    answer: answer ? { id: answer.id } : null,
    answerChosenAt: answer ? answer.createdAt : null,
    comments: { nodes: comments ?? [] },
    ...rest,
  };
}
