import type { Community, Post } from './model';

/** Who counts as a bot or a maintainer; see docs/metrics.md "People". Logins compare case-insensitively, as on GitHub. */
export interface PeopleOptions {
  /** Logins always treated as maintainers (`communityPulse.maintainers`, CLI `--maintainers`). */
  readonly maintainers?: readonly string[];
  /** Logins treated as bots and ignored everywhere (`communityPulse.ignoreUsers`, CLI `--ignore-users`). */
  readonly ignoreUsers?: readonly string[];
}

export interface People {
  isBot(login: string): boolean;
  isMaintainer(login: string): boolean;
  /** A post that every metric ignores: by a bot. */
  isBotPost(post: Post): boolean;
}

const MAINTAINER_ASSOCIATIONS = new Set(['OWNER', 'MEMBER', 'COLLABORATOR']);

export function classifyPeople(community: Community, options: PeopleOptions = {}): People {
  const ignored = new Set((options.ignoreUsers ?? []).map(toKey));
  const maintainers = new Set((options.maintainers ?? []).map(toKey));
  const botActors = new Set<string>();
  const visit = (post: Post): void => {
    if (post.authorIsBotActor) botActors.add(toKey(post.author));
    if (MAINTAINER_ASSOCIATIONS.has(post.association)) maintainers.add(toKey(post.author));
  };
  for (const discussion of community.discussions) {
    visit(discussion.opening);
    for (const post of discussion.posts) visit(post);
  }
  // Metrics ask about the same few thousand logins hundreds of thousands of times: answer each once.
  const isBot = memoize((login: string): boolean => {
    const key = toKey(login);
    return key.endsWith('[bot]') || botActors.has(key) || ignored.has(key);
  });
  return {
    isBot,
    isMaintainer: memoize((login: string) => maintainers.has(toKey(login))),
    isBotPost: (post) => post.authorIsBotActor || isBot(post.author),
  };
}

function memoize(answer: (login: string) => boolean): (login: string) => boolean {
  const answers = new Map<string, boolean>();
  return (login) => {
    let known = answers.get(login);
    if (known === undefined) {
      known = answer(login);
      answers.set(login, known);
    }
    return known;
  };
}

function toKey(login: string): string {
  return login.trim().toLowerCase();
}
