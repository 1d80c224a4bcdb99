import type { RepositoryPermission } from '../../src/github/discussionThread';
import type { StoredActor, StoredComment, StoredDiscussion, StoredRepository } from './model';

/** GitHub's repository roles, weakest first: each can do everything the ones before it can. */
const PERMISSION_ORDER: readonly RepositoryPermission[] = ['READ', 'TRIAGE', 'WRITE', 'MAINTAIN', 'ADMIN'];

/** Associations GitHub gives people with a role in the repository. */
const ROLE_ASSOCIATIONS = new Set(['OWNER', 'MEMBER', 'COLLABORATOR']);

export function atLeast(permission: RepositoryPermission, wanted: RepositoryPermission): boolean {
  return PERMISSION_ORDER.indexOf(permission) >= PERMISSION_ORDER.indexOf(wanted);
}

interface ViewerStanding {
  readonly version: number;
  readonly permission: RepositoryPermission;
  /** The association of the viewer's latest post in the repository, if any. */
  readonly postedAs: string | undefined;
}

/**
 * The signed-in viewer and what they may do in each repository. The permission is the configured one, else
 * derived from the data: the repository's owner is ADMIN, someone who posted as OWNER/MEMBER/COLLABORATOR
 * has WRITE, anyone else READ. Derived standings are cached until the repository changes.
 */
export class Viewer {
  private readonly standings = new WeakMap<StoredRepository, ViewerStanding>();

  constructor(
    readonly login: string,
    private readonly configuredPermission?: RepositoryPermission,
  ) {}

  is(actor: StoredActor | null): boolean {
    return actor !== null && actor.login.toLowerCase() === this.login.toLowerCase();
  }

  permission(repository: StoredRepository): RepositoryPermission {
    return this.standing(repository).permission;
  }

  /** What GitHub shows next to the viewer's new post. */
  association(repository: StoredRepository): string {
    if (repository.owner.toLowerCase() === this.login.toLowerCase()) return 'OWNER';
    const standing = this.standing(repository);
    switch (standing.permission) {
      case 'ADMIN':
        return 'OWNER';
      case 'MAINTAIN':
      case 'WRITE':
        return 'MEMBER';
      case 'TRIAGE':
        return 'COLLABORATOR';
      case 'READ':
        return standing.postedAs !== undefined && !ROLE_ASSOCIATIONS.has(standing.postedAs) ? standing.postedAs : 'NONE';
    }
  }

  /** Anyone may comment; in a locked discussion only WRITE and above. */
  canComment(discussion: StoredDiscussion): boolean {
    return !discussion.locked || atLeast(this.permission(discussion.repository), 'WRITE');
  }

  /** Their own post, or any with MAINTAIN. */
  canUpdate(post: { author: StoredActor | null }, repository: StoredRepository): boolean {
    return this.is(post.author) || atLeast(this.permission(repository), 'MAINTAIN');
  }

  /** Their own post, or any with TRIAGE. */
  canDelete(post: { author: StoredActor | null }, repository: StoredRepository): boolean {
    return this.is(post.author) || atLeast(this.permission(repository), 'TRIAGE');
  }

  /** Choosing the answer, closing and reopening: the discussion's author, or TRIAGE. */
  canModerate(discussion: StoredDiscussion): boolean {
    return this.is(discussion.author) || atLeast(this.permission(discussion.repository), 'TRIAGE');
  }

  /** Labels, lock and unlock: TRIAGE. */
  canTriage(repository: StoredRepository): boolean {
    return atLeast(this.permission(repository), 'TRIAGE');
  }

  /** A top-level, not deleted comment in an answerable category, by someone who may choose the answer. */
  canMarkAsAnswer(comment: StoredComment): boolean {
    const discussion = comment.discussion;
    return (
      comment.replyTo === null &&
      comment.deletedAt === null &&
      discussion.category.isAnswerable &&
      discussion.answer !== comment &&
      this.canModerate(discussion)
    );
  }

  private standing(repository: StoredRepository): ViewerStanding {
    const cached = this.standings.get(repository);
    if (cached?.version === repository.version) return cached;
    const postedAs = this.latestAssociation(repository);
    const standing: ViewerStanding = { version: repository.version, permission: this.configuredPermission ?? this.derivePermission(repository), postedAs };
    this.standings.set(repository, standing);
    return standing;
  }

  private derivePermission(repository: StoredRepository): RepositoryPermission {
    if (repository.owner.toLowerCase() === this.login.toLowerCase()) return 'ADMIN';
    for (const discussion of repository.discussions) {
      for (const post of postsOf(discussion)) {
        if (this.is(post.author) && ROLE_ASSOCIATIONS.has(post.authorAssociation)) return 'WRITE';
      }
    }
    return 'READ';
  }

  private latestAssociation(repository: StoredRepository): string | undefined {
    let latest: { at: number; association: string } | undefined;
    for (const discussion of repository.discussions) {
      for (const post of postsOf(discussion)) {
        const at = Date.parse(post.createdAt);
        if (this.is(post.author) && (!latest || at > latest.at)) latest = { at, association: post.authorAssociation };
      }
    }
    return latest?.association;
  }
}

function* postsOf(discussion: StoredDiscussion): Iterable<{ author: StoredActor | null; authorAssociation: string; createdAt: string }> {
  yield discussion;
  for (const comment of discussion.comments) {
    yield comment;
    yield* comment.replies;
  }
}
