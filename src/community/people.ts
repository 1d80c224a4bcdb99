import type { AuthorAssociation } from '../github/schemas';
import { ASSOCIATION_CODES, AUTHOR_ASSOCIATIONS, POST_FLAGS, type Community, type Post } from './model';

/** Who counts as a bot or a maintainer; see docs/metrics.md "People". Logins compare case-insensitively, as on GitHub. */
export interface PeopleOptions {
  /** Logins always treated as maintainers (`communityPulse.maintainers`, CLI `--maintainers`). */
  readonly maintainers?: readonly string[];
  /** Logins treated as bots and ignored everywhere (`communityPulse.ignoreUsers`, CLI `--ignore-users`). */
  readonly ignoreUsers?: readonly string[];
}

export interface People {
  /** The person ids the `…Id` answers are about: `Community.logins` of the community classified. */
  readonly logins: readonly string[];
  isBot(login: string): boolean;
  isMaintainer(login: string): boolean;
  /** `isBot` of person `id` (`Post.authorId`), answered from a flag computed once. */
  isBotId(id: number): boolean;
  /** `isMaintainer` of person `id` (`Post.authorId`), answered from a flag computed once. */
  isMaintainerId(id: number): boolean;
  /** A post that every metric ignores: by a bot. */
  isBotPost(post: Post): boolean;
}

export function classifyPeople(community: Community, options: PeopleOptions = {}): People {
  const { logins } = community;
  // What each person's posts say, per person id; then per case-insensitive login, since `Octo` seen as a
  // Bot actor or a MEMBER makes `octo` one too.
  const seenAsBotActor = new Uint8Array(logins.length);
  const seenAsMaintainer = new Uint8Array(logins.length);
  const { author, flags, association, length } = community.posts;
  const maintainerAssociation = new Uint8Array(AUTHOR_ASSOCIATIONS.length);
  for (const role of MAINTAINER_ASSOCIATIONS) maintainerAssociation[ASSOCIATION_CODES[role]] = 1;
  for (let row = 0; row < length; row++) {
    if ((flags[row]! & POST_FLAGS.botActor) !== 0) seenAsBotActor[author[row]!] = 1;
    if (maintainerAssociation[association[row]!] === 1) seenAsMaintainer[author[row]!] = 1;
  }
  const ignored = new Set((options.ignoreUsers ?? []).map(toKey));
  const maintainers = new Set((options.maintainers ?? []).map(toKey));
  const botActors = new Set<string>();
  const keys = logins.map(toKey);
  for (let id = 0; id < keys.length; id++) {
    if (seenAsBotActor[id] === 1) botActors.add(keys[id]!);
    if (seenAsMaintainer[id] === 1) maintainers.add(keys[id]!);
  }
  const isBotKey = (key: string): boolean => key.endsWith('[bot]') || botActors.has(key) || ignored.has(key);
  const bot = new Uint8Array(logins.length);
  const maintainer = new Uint8Array(logins.length);
  for (let id = 0; id < keys.length; id++) {
    if (isBotKey(keys[id]!)) bot[id] = 1;
    if (maintainers.has(keys[id]!)) maintainer[id] = 1;
  }
  return {
    logins,
    isBot: (login) => isBotKey(toKey(login)),
    isMaintainer: (login) => maintainers.has(toKey(login)),
    isBotId: (id) => bot[id] === 1,
    isMaintainerId: (id) => maintainer[id] === 1,
    isBotPost: (post) => post.authorIsBotActor || bot[post.authorId] === 1,
  };
}

/** The associations that make their author a maintainer (docs/metrics.md "People"). */
const MAINTAINER_ASSOCIATIONS: readonly AuthorAssociation[] = ['OWNER', 'MEMBER', 'COLLABORATOR'];

/**
 * Person ids are only meaningful in the community they were numbered in (and in `communityAsOf` views
 * of it, which share its `logins`): answers about another community's ids would be silently wrong.
 */
export function assertClassifiedFrom(people: People, community: Community): void {
  if (people.logins !== community.logins) {
    throw new Error(`people were classified from another community than ${community.repository}'s: classify the community that is measured`);
  }
}

function toKey(login: string): string {
  return login.trim().toLowerCase();
}
