import { monthIndex, monthName, monthStart } from './calendar';
import type { CommunityFacts } from './facts';

/**
 * The people whose first post (any post, all history before `until`) falls in the calendar month
 * holding `until`: the newcomers to welcome. Same "first post" as the retention cohorts, so their
 * number is that month's cohort size. `ghost` is left out (deleted accounts cannot be welcomed).
 */
export interface NewPerson {
  readonly login: string;
  readonly maintainer: boolean;
  readonly firstPostAt: number;
  /** The discussion their first post is in. */
  readonly discussion: { readonly number: number; readonly title: string; readonly url: string };
}

export function newPeopleThisMonth(facts: CommunityFacts, until: number): { month: string; people: NewPerson[] } {
  const month = monthIndex(until - 1);
  const monthBegins = monthStart(month);
  const firstRow = new Int32Array(facts.logins.length).fill(-1);
  const { posts } = facts;
  for (let row = 0; row < posts.length; row++) {
    const at = posts.createdAt[row]!;
    const author = posts.author[row]!;
    if (at >= until) continue;
    const current = firstRow[author]!;
    if (current === -1 || at < posts.createdAt[current]!) firstRow[author] = row;
  }
  const people: NewPerson[] = [];
  firstRow.forEach((row, person) => {
    if (row === -1 || person === facts.ghost || posts.createdAt[row]! < monthBegins) return;
    const discussion = facts.perDiscussion.discussion[posts.discussion[row]!]!;
    people.push({
      login: facts.logins[person]!,
      maintainer: facts.isMaintainer[person] === 1,
      firstPostAt: posts.createdAt[row]!,
      discussion: { number: discussion.number, title: discussion.title, url: discussion.url },
    });
  });
  return { month: monthName(month), people: people.sort((a, b) => b.firstPostAt - a.firstPostAt) };
}
