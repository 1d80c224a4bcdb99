import type { Community, FirstPost } from '../community/model';
import type { People } from '../community/people';
import type { DiscussionPage, AuthorRole, PageComment, PageLabel, PagePost } from './protocol';
import type { DiscussionThread, RepositoryPermission, ThreadComment, ThreadReply } from '../github/discussionThread';
import type { AuthorAssociation } from '../github/schemas';
import { webBaseUrl } from '../github/webLinks';
import { countOf, formatMoment, formatTimeAgo } from '../shared/format';

/**
 * The Discussion tab's page, computed without the VS Code API from the fetched thread and what the snapshot says
 * about its people. Every time and count is formatted here, so the page only draws text.
 */

/** Who is who in this community, from the snapshot: each post's badges. */
export interface CommunityRoles {
  isMaintainer(login: string): boolean;
  isBot(login: string): boolean;
  isLeaderCandidate(login: string): boolean;
  /** The node id of the person's first post in the stored discussions; undefined when they have none there. */
  firstPostId(login: string): string | undefined;
}

/** The roles of a community: one pass over its posts for the first posts, built once per data by the caller. */
export function communityRoles(community: Community, people: People, leaderLogins: readonly string[]): CommunityRoles {
  const first = new Map<string, FirstPost>();
  community.firstPosts.forEach((post, person) => {
    const key = community.logins[person]!.toLowerCase();
    const known = first.get(key);
    if (!known || post.at < known.at) first.set(key, post);
  });
  const leaders = new Set(leaderLogins.map((login) => login.toLowerCase()));
  return {
    isMaintainer: (login) => people.isMaintainer(login),
    isBot: (login) => people.isBot(login),
    isLeaderCandidate: (login) => leaders.has(login.toLowerCase()),
    firstPostId: (login) => first.get(login.toLowerCase())?.id,
  };
}

export interface DiscussionPageInput {
  readonly thread: DiscussionThread;
  /** `communityPulse.apiUrl`: `@login` links point at its web host. */
  readonly apiUrl: string;
  /** The author's history, who can help and similar discussions (viewModels/discussionAssist.ts). */
  readonly assist: Pick<DiscussionPage, 'author' | 'helpers' | 'similar'>;
  readonly roles: CommunityRoles;
  /** `Until 2026-12-01`, null when not snoozed. */
  readonly snoozeLabel: string | null;
  readonly draft: DiscussionPage['draft'];
  /** With their placeholders filled in. */
  readonly savedReplies: DiscussionPage['savedReplies'];
  /** null until the repository's labels are fetched. */
  readonly repositoryLabels: readonly PageLabel[] | null;
  /** The real clock (epoch ms): posts read `3 d ago` from now, whatever `communityPulse.asOf` says. */
  readonly now: number;
}

const CLOSED_LABELS = { RESOLVED: 'Closed as resolved', OUTDATED: 'Closed as outdated', DUPLICATE: 'Closed as duplicate' } as const;
const LOCK_LABELS = { OFF_TOPIC: 'Locked as off-topic', RESOLVED: 'Locked as resolved', SPAM: 'Locked as spam', TOO_HEATED: 'Locked as too heated' } as const;
const PERMISSION_RANK: Record<RepositoryPermission, number> = { READ: 0, TRIAGE: 1, WRITE: 2, MAINTAIN: 3, ADMIN: 4 };
const MAINTAINER_ASSOCIATIONS: ReadonlySet<AuthorAssociation> = new Set(['OWNER', 'MEMBER', 'COLLABORATOR']);

export function discussionPage(input: DiscussionPageInput): DiscussionPage {
  const { thread, roles, now } = input;
  const { discussion } = thread;
  const permission = PERMISSION_RANK[discussion.repository.viewerPermission ?? 'READ'];
  // GitHub lets only people with write access post in a locked discussion; locking takes triage.
  const canReply = !discussion.locked || permission >= PERMISSION_RANK.WRITE;
  const canLock = permission >= PERMISSION_RANK.TRIAGE;
  const discussionAuthor = discussion.author?.login ?? null;
  const postOf = (
    kind: PagePost['kind'],
    post: ThreadReply | (typeof discussion & { id: string }),
    extra: Partial<PagePost['can']> & { isAnswer?: boolean },
  ): PagePost => {
    const login = post.author?.login ?? 'ghost';
    const deleted = 'deletedAt' in post && post.deletedAt !== null;
    const minimized = 'isMinimized' in post && post.isMinimized;
    const reason = 'minimizedReason' in post ? post.minimizedReason : null;
    return {
      id: post.id,
      kind,
      author: login,
      roles: rolesOf(login, post.author?.__typename === 'Bot', post.authorAssociation, post.id, discussionAuthor, roles),
      createdLabel: formatTimeAgo(now - Date.parse(post.createdAt)),
      createdExact: formatMoment(Date.parse(post.createdAt)),
      edited: post.lastEditedAt !== null,
      upvotes: post.upvoteCount,
      isAnswer: extra.isAnswer ?? false,
      status: deleted ? 'deleted' : minimized ? 'minimized' : 'visible',
      statusNote: !deleted && minimized ? `Hidden${reason ? ` as ${reason.toLowerCase().replace(/_/g, '-')}` : ''}` : null,
      bodyHTML: post.bodyHTML,
      body: post.body,
      url: post.url,
      can: {
        reply: extra.reply ?? false,
        // The opening post is the discussion itself (another mutation, updateDiscussion): edited on GitHub.
        edit: kind !== 'opening' && !deleted && post.viewerCanUpdate,
        delete: kind !== 'opening' && !deleted && post.viewerCanDelete,
        markAnswer: extra.markAnswer ?? false,
        unmarkAnswer: extra.unmarkAnswer ?? false,
      },
    };
  };
  const commentOf = (comment: DiscussionThread['comments'][number]): PageComment => {
    const deleted = comment.deletedAt !== null;
    return {
      ...postOf('comment', comment, {
        isAnswer: comment.isAnswer,
        reply: canReply && !deleted,
        markAnswer: !comment.isAnswer && comment.viewerCanMarkAsAnswer,
        unmarkAnswer: comment.isAnswer && comment.viewerCanUnmarkAsAnswer,
      }),
      replies: [...comment.replies].sort(byCreation).map((reply) => postOf('reply', reply, {})),
    };
  };
  const comments = [...thread.comments].sort(byCreation);
  // The chosen answer first, as GitHub shows it; the rest oldest first.
  const ordered = [...comments.filter((comment) => comment.isAnswer), ...comments.filter((comment) => !comment.isAnswer)];
  const replyCount = comments.reduce((sum, comment) => sum + comment.replies.length, 0);
  const bodies = [discussion.body, ...comments.flatMap((comment) => [comment.body, ...comment.replies.map((reply) => reply.body)])];
  return {
    repository: discussion.repository.nameWithOwner,
    repositoryUrl: discussion.repository.url,
    webUrl: webBaseUrl(input.apiUrl),
    number: discussion.number,
    title: discussion.title,
    url: discussion.url,
    category: { name: discussion.category.name, answerable: discussion.category.isAnswerable },
    labels: thread.labels.map(({ id, name, color }) => ({ id, name, color })),
    state: {
      closed: discussion.closed,
      label: discussion.closed ? (discussion.stateReason && discussion.stateReason !== 'REOPENED' ? CLOSED_LABELS[discussion.stateReason] : 'Closed') : 'Open',
      locked: discussion.locked,
      lockLabel: discussion.locked ? (discussion.activeLockReason ? LOCK_LABELS[discussion.activeLockReason] : 'Locked') : null,
    },
    opening: postOf('opening', discussion, { reply: canReply }),
    comments: ordered.map(commentOf),
    countLabel: `${countOf(comments.length, 'comment')} · ${countOf(replyCount, 'reply', 'replies')}`,
    bodiesInData: bodies.some((body) => body !== ''),
    can: {
      reply: canReply,
      close: !discussion.closed && discussion.viewerCanClose,
      reopen: discussion.closed && discussion.viewerCanReopen,
      label: discussion.viewerCanLabel,
      lock: !discussion.locked && canLock,
      unlock: discussion.locked && canLock,
    },
    repositoryLabels: input.repositoryLabels && [...input.repositoryLabels],
    ...input.assist,
    savedReplies: input.savedReplies,
    draft: input.draft,
    snooze: input.snoozeLabel === null ? null : { label: input.snoozeLabel },
    fetchedLabel: `Fetched ${formatTimeAgo(now - thread.fetchedAt)}`,
  };
}

function rolesOf(
  login: string,
  botActor: boolean,
  association: AuthorAssociation,
  postId: string,
  discussionAuthor: string | null,
  roles: CommunityRoles,
): AuthorRole[] {
  const found: AuthorRole[] = [];
  const maintainer = roles.isMaintainer(login) || MAINTAINER_ASSOCIATIONS.has(association);
  const bot = botActor || roles.isBot(login);
  if (maintainer) found.push('maintainer');
  if (bot) found.push('bot');
  if (discussionAuthor !== null && login.toLowerCase() === discussionAuthor.toLowerCase()) found.push('discussionAuthor');
  // A newcomer to welcome; a maintainer's or a bot's first post here is no such thing.
  if (!maintainer && !bot && roles.firstPostId(login) === postId) found.push('firstTimePoster');
  if (roles.isLeaderCandidate(login)) found.push('leaderCandidate');
  return found;
}

function byCreation(a: Pick<ThreadComment, 'createdAt'>, b: Pick<ThreadComment, 'createdAt'>): number {
  return Date.parse(a.createdAt) - Date.parse(b.createdAt);
}
