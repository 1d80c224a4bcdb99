/**
 * The GraphQL documents of the sync and the page sizes they use.
 *
 * GitHub charges a query the requests it implies, divided by 100 and rounded (at least 1 point): each
 * connection counts one request per item its parent connections can return. A page of
 * `discussions(first: 100)` with `comments(first: C)` and `replies(first: R)` inside implies
 * 1 + 100 + 100·C requests, i.e. 1 + C points. The reply page size costs nothing (its parent count,
 * 100·C, does not depend on R), so replies are fetched generously; the comment page size is the price
 * of every page and is kept small. The few threads with more comments or replies than that are
 * completed by follow-up `node(id:)` queries that ask for exactly the remainder, several per query.
 */
export const PAGE_SIZES = {
  discussions: 100,
  comments: 7,
  replies: 30,
} as const;

/** A follow-up query asks for at most this many implied requests: the most that still costs a single point. */
export const FOLLOW_UP_REQUEST_BUDGET = 149;

/** GitHub's largest `first:`. */
export const MAX_PAGE_SIZE = 100;

/** Points GitHub charges for a query implying this many requests. */
export function pointsFor(requests: number): number {
  return Math.max(1, Math.round(requests / 100));
}

/** The points of one page of discussions with the inline sizes above: the lower bound per page. */
export function discussionPagePoints(): number {
  const { discussions, comments } = PAGE_SIZES;
  return pointsFor(1 + discussions + discussions * comments);
}

const RATE_LIMIT = 'rateLimit { cost remaining resetAt }';
const PAGE_INFO = 'pageInfo { hasNextPage endCursor }';

const REPLY_FRAGMENT = `
fragment ReplyFields on DiscussionComment {
  id createdAt author { __typename login } authorAssociation deletedAt isMinimized upvoteCount
}`;
const COMMENT_FRAGMENT = `
fragment CommentFields on DiscussionComment {
  ...ReplyFields
  isAnswer
  replies(first: ${PAGE_SIZES.replies}) { totalCount ${PAGE_INFO} nodes { ...ReplyFields } }
}`;

export const DISCUSSIONS_PAGE_QUERY_NAME = 'SyncDiscussionsPage';

/** Newest update first, so an incremental sync stops as soon as it reaches what it already has. */
export const DISCUSSIONS_PAGE_QUERY = `
query ${DISCUSSIONS_PAGE_QUERY_NAME}($owner: String!, $name: String!, $after: String) {
  ${RATE_LIMIT}
  repository(owner: $owner, name: $name) {
    hasDiscussionsEnabled
    discussions(first: ${PAGE_SIZES.discussions}, after: $after, orderBy: { field: UPDATED_AT, direction: DESC }) {
      totalCount
      ${PAGE_INFO}
      nodes {
        id number title url createdAt updatedAt closed locked
        author { __typename login } authorAssociation
        category { id name slug isAnswerable }
        isAnswered answerChosenAt answer { id } upvoteCount
        comments(first: ${PAGE_SIZES.comments}) { totalCount ${PAGE_INFO} nodes { ...CommentFields } }
      }
    }
  }
}
${COMMENT_FRAGMENT}
${REPLY_FRAGMENT}`;

export const THREAD_OVERFLOW_QUERY_NAME = 'SyncThreadOverflow';

/** The rest of a thread: more comments of a discussion, or more replies to a comment. */
export interface OverflowRequest {
  readonly kind: 'comments' | 'replies';
  /** Node id of the discussion (comments) or comment (replies). */
  readonly id: string;
  readonly after: string | null;
  readonly first: number;
}

/** Requests GitHub counts for one overflow request: the connection, plus one per comment for their replies. */
export function overflowRequestCost(request: OverflowRequest): number {
  return request.kind === 'comments' ? 1 + request.first : 1;
}

/** One query completing several threads; alias `t<i>` answers `requests[i]`. */
export function threadOverflowQuery(requests: readonly OverflowRequest[]): {
  query: string;
  variables: Record<string, unknown>;
} {
  const variables: Record<string, unknown> = {};
  const declarations: string[] = [];
  const selections = requests.map((request, index) => {
    variables[`id${index}`] = request.id;
    variables[`after${index}`] = request.after;
    declarations.push(`$id${index}: ID!`, `$after${index}: String`);
    const page = `(first: ${request.first}, after: $after${index}) { totalCount ${PAGE_INFO}`;
    return request.kind === 'comments'
      ? `t${index}: node(id: $id${index}) { ... on Discussion { comments${page} nodes { ...CommentFields } } } }`
      : `t${index}: node(id: $id${index}) { ... on DiscussionComment { replies${page} nodes { ...ReplyFields } } } }`;
  });
  // GraphQL rejects a document with an unused fragment.
  const fragments = requests.some((request) => request.kind === 'comments') ? COMMENT_FRAGMENT + REPLY_FRAGMENT : REPLY_FRAGMENT;
  const query = `
query ${THREAD_OVERFLOW_QUERY_NAME}(${declarations.join(', ')}) {
  ${RATE_LIMIT}
  ${selections.join('\n  ')}
}
${fragments}`;
  return { query, variables };
}
