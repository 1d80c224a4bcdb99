import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The real sample (test/fixtures/payload-discussions.json: no bot, no hidden post, one category): its
 * network (docs/metrics.md "Network") worked out from the raw JSON with plain maps and sets, without the
 * engine, for the tests that check the engine's figures against it.
 */
interface RawPost {
  createdAt: string;
  author: { login: string } | null;
  replies?: { nodes: RawPost[] };
}
interface RawDiscussion extends RawPost {
  number: number;
  category: { name: string };
  comments: { nodes: RawPost[] };
}
export const raw = JSON.parse(readFileSync(join(__dirname, '../fixtures/payload-discussions.json'), 'utf8')) as {
  repository: string;
  discussions: RawDiscussion[];
};

export function rawSampleNetwork(since: number, until: number) {
  const inWindow = (post: RawPost) => Date.parse(post.createdAt) >= since && Date.parse(post.createdAt) < until;
  const participants = new Set<string>();
  const meetings = new Map<string, Set<number>>(); // "a b" (a < b) → discussions they met in
  const answeredBy = new Set<string>(); // "from to"
  const posted = (post: RawPost) => {
    if (post.author && inWindow(post)) participants.add(post.author.login);
  };
  const interact = (post: RawPost, answered: RawPost, discussionNumber: number) => {
    const from = post.author?.login;
    const to = answered.author?.login;
    if (!from || !to || from === to || !inWindow(post)) return;
    const pair = [from, to].sort().join(' ');
    meetings.set(pair, (meetings.get(pair) ?? new Set()).add(discussionNumber));
    answeredBy.add(`${from} ${to}`);
  };
  for (const d of raw.discussions) {
    posted(d);
    for (const c of d.comments.nodes) {
      posted(c);
      interact(c, d, d.number);
      for (const r of c.replies?.nodes ?? []) {
        posted(r);
        interact(r, c, d.number);
      }
    }
  }
  const ties = [...meetings.keys()].map((pair) => pair.split(' ') as [string, string]);
  const strong = ties.filter((pair) => meetings.get(pair.join(' '))!.size >= 2);
  const tiesOf = (who: string, among: [string, string][]) => among.filter((pair) => pair.includes(who)).length;
  const connected = new Set(ties.flat());
  // The core: a search from each person over strong ties, the largest group found.
  let coreSize = 0;
  const seen = new Set<string>();
  for (const start of new Set(strong.flat())) {
    if (seen.has(start)) continue;
    const group = [start];
    seen.add(start);
    for (let i = 0; i < group.length; i++) {
      for (const [a, b] of strong) {
        const other = a === group[i] ? b : b === group[i] ? a : null;
        if (other === null || seen.has(other)) continue;
        group.push(other);
        seen.add(other);
      }
    }
    coreSize = Math.max(coreSize, group.length);
  }
  const knowing = [...participants].filter((who) => tiesOf(who, strong) > 0).length;
  const connectors = [...connected]
    .map((login) => ({ login, ties: tiesOf(login, ties), strongTies: tiesOf(login, strong) }))
    .sort((a, b) => b.ties - a.ties || b.strongTies - a.strongTies || (a.login < b.login ? -1 : 1))
    .slice(0, 10);
  return {
    participants: participants.size,
    connectedParticipants: [...participants].filter((who) => connected.has(who)).length,
    ties: ties.length,
    strongTies: strong.length,
    reciprocalTies: ties.filter(([a, b]) => answeredBy.has(`${a} ${b}`) && answeredBy.has(`${b} ${a}`)).length,
    density: ties.length / ((connected.size * (connected.size - 1)) / 2),
    meanTies: (2 * ties.length) / connected.size,
    knowSomeoneRate: knowing / participants.size,
    coreSize,
    connectors,
    categories: [{ name: 'Q&A', participants: participants.size, ties: ties.length, strongTies: strong.length, knowSomeoneRate: knowing / participants.size }],
    reasons: {},
  };
}
