import type { AuthorAssociation } from '../../src/github/schemas';
import { chance, pick, WeightedSampler, type Random } from './random';

/** A person (or bot) of a synthetic community, as GitHub's `author` field shows them. */
export interface Person {
  readonly actor: { readonly __typename: 'User' | 'Bot'; readonly login: string };
  readonly association: AuthorAssociation;
}

function person(login: string, association: AuthorAssociation, typename: 'User' | 'Bot' = 'User'): Person {
  return { actor: { __typename: typename, login }, association };
}

const MAINTAINERS: readonly Person[] = [
  person('mara-lindqvist', 'OWNER'),
  person('devon-okafor', 'MEMBER'),
  person('priya-raman', 'MEMBER'),
  person('tomasz-nowak', 'MEMBER'),
  person('lena-fischer', 'COLLABORATOR'),
  person('kenji-sato', 'COLLABORATOR'),
];

/**
 * `github-actions` and `dependabot` are GitHub Apps (`__typename: Bot`, GraphQL shows their login
 * without `[bot]`); `stale[bot]` is a bot known only by its login, as in data exported through REST.
 */
const BOTS: readonly Person[] = [person('github-actions', 'NONE', 'Bot'), person('dependabot', 'NONE', 'Bot'), person('stale[bot]', 'NONE')];

const FIRST_PARTS = [
  'amber',
  'bright',
  'quiet',
  'rapid',
  'lunar',
  'cobalt',
  'misty',
  'brave',
  'silver',
  'noble',
  'fuzzy',
  'solar',
  'clever',
  'gentle',
  'wild',
  'crimson',
];
const SECOND_PARTS = [
  'otter',
  'falcon',
  'maple',
  'river',
  'comet',
  'badger',
  'cedar',
  'lynx',
  'harbor',
  'pixel',
  'meadow',
  'raven',
  'forge',
  'willow',
  'tundra',
  'quartz',
];

/**
 * Who posts in a synthetic community: a few maintainers, bots, and members ranked by activity. Responses
 * follow Zipf's law over the ranks (a few very active responders, a long tail); askers are spread much
 * more evenly, so most people ask once or twice and never answer.
 */
export class Cast {
  readonly maintainers = MAINTAINERS;
  readonly bots = BOTS;
  private readonly members: Person[];
  private readonly responderRanks: WeightedSampler;
  private readonly askerRanks: WeightedSampler;
  private readonly maintainerRanks = WeightedSampler.zipf(MAINTAINERS.length, 1);

  constructor(random: Random, memberCount: number) {
    this.members = Array.from({ length: memberCount }, (_, index) => {
      const login = `${pick(random, FIRST_PARTS)}-${pick(random, SECOND_PARTS)}-${index + 1}`;
      const association: AuthorAssociation = chance(random, 0.08) ? 'CONTRIBUTOR' : chance(random, 0.02) ? 'FIRST_TIME_CONTRIBUTOR' : 'NONE';
      return person(login, association);
    });
    this.responderRanks = WeightedSampler.zipf(memberCount, 1.2);
    this.askerRanks = WeightedSampler.zipf(memberCount, 0.4);
  }

  maintainer(random: Random): Person {
    return this.maintainers[this.maintainerRanks.sample(random)]!;
  }

  bot(random: Random): Person {
    return pick(random, this.bots);
  }

  asker(random: Random): Person {
    return chance(random, 0.05) ? this.maintainer(random) : this.members[this.askerRanks.sample(random)]!;
  }

  responder(random: Random): Person {
    return chance(random, 0.3) ? this.maintainer(random) : this.members[this.responderRanks.sample(random)]!;
  }
}
