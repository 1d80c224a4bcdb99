import { POST_FLAGS, type Community, type Discussion, type Post } from './model';
import type { People } from './people';

/** A post that counts as activity: not by a bot, not deleted, not minimized. */
export function isVisibleHumanPost(post: Post, people: People): boolean {
  return !post.deleted && !post.minimized && !people.isBotPost(post);
}

/**
 * A response to D: a comment or reply on D by a non-bot author other than D's author,
 * not deleted and not minimized (docs/metrics.md "Response").
 */
export function isResponse(post: Post, discussion: Discussion, people: People): boolean {
  return post.kind !== 'opening' && post.authorId !== discussion.opening.authorId && isVisibleHumanPost(post, people);
}

/** The earliest response to D, optionally only among responses that also pass `accept`. */
export function firstResponse(discussion: Discussion, people: People, accept: (post: Post) => boolean = () => true): Post | null {
  // posts are sorted by createdAt, so the first match is the earliest.
  for (const post of discussion.posts) {
    if (isResponse(post, discussion, people) && accept(post)) return post;
  }
  return null;
}

/** The latest post (opening included) that counts as activity, or null when there is none. */
export function latestVisiblePost(discussion: Discussion, people: People): Post | null {
  const { posts } = discussion;
  for (let i = posts.length - 1; i >= 0; i--) {
    const post = posts[i]!;
    if (isVisibleHumanPost(post, people)) return post;
  }
  return isVisibleHumanPost(discussion.opening, people) ? discussion.opening : null;
}

/** The rules above on rows of the community's table, for code that scans every post (test/unit/community/metrics/facts.test.ts holds them equal). */
export interface RowRules {
  /** `people.isBotPost`: by a Bot actor or a person classified as a bot. */
  byBot(row: number): boolean;
  /** `isVisibleHumanPost`. */
  countsAsActivity(row: number): boolean;
  /**
   * The same rules as data, for a loop over millions of rows that reads each row's flags and author anyway: a row
   * counts as activity when its flags have none of `hiddenFlags` and `botPerson[author]` is 0; it is by a bot when
   * its flags have `POST_FLAGS.botActor` or `botPerson[author]` is 1.
   */
  readonly hiddenFlags: number;
  /** Per person id: 1 for a person classified as a bot. */
  readonly botPerson: Uint8Array;
}

export function rowRules(community: Community, people: People): RowRules {
  const { author, flags } = community.posts;
  const botPerson = new Uint8Array(community.logins.length);
  for (let person = 0; person < botPerson.length; person++) if (people.isBotId(person)) botPerson[person] = 1;
  const hiddenFlags = POST_FLAGS.deleted | POST_FLAGS.minimized | POST_FLAGS.botActor;
  return {
    byBot: (row) => (flags[row]! & POST_FLAGS.botActor) !== 0 || botPerson[author[row]!] === 1,
    countsAsActivity: (row) => (flags[row]! & hiddenFlags) === 0 && botPerson[author[row]!] === 0,
    hiddenFlags,
    botPerson,
  };
}
