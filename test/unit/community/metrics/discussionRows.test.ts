import * as assert from 'node:assert/strict';
import { discussionRows } from '../../../../src/community/metrics/discussionRows';
import type { DiscussionNode } from '../../../../src/github/schemas';
import { comment, discussion, reply, T0 } from '../../../support/discussionNodes';
import { raw } from '../../../support/rawSampleNetwork';
import { factsOf, HOUR } from './support';

/** `#number: people, ties` of each row over [T0 + sinceHours, T0 + untilHours). */
function networkColumns(nodes: DiscussionNode[], sinceHours: number, untilHours: number): string[] {
  const rows = discussionRows(factsOf(nodes), { since: T0 + sinceHours * HOUR, until: T0 + untilHours * HOUR });
  return rows.map((row) => `#${row.number}: ${row.people} people, ${row.ties} ties`);
}

describe('metrics: discussion rows, each discussion’s own network', () => {
  it('counts the distinct authors of its posts in the window and the distinct pairs who answered each other there', () => {
    const nodes = [
      // Before the window: no row.
      discussion(1, 'zoe', 0, { comments: [comment('yan', 1)] }),
      discussion(2, 'alice', 10, {
        comments: [
          // bob → alice; carol → bob and alice → bob under it (alice–bob again); bob → alice again: ties alice–bob, bob–carol.
          comment('bob', 11, { replies: [reply('carol', 12), reply('alice', 13)] }),
          comment('bob', 14),
          // A deleted comment does not count: erin's reply under it posts (a person) but answers nobody.
          comment('dave', 15, { deletedAt: '2024-01-02T00:00:00Z', replies: [reply('erin', 16)] }),
          // ghost is nobody: not a person, and frank's reply to it no tie.
          comment(null, 17, { replies: [reply('frank', 18)] }),
          // alice answering herself is no interaction.
          comment('alice', 19),
          // After the window: not counted.
          comment('greg', 60),
        ],
      }),
      // A bot's comment does not count.
      discussion(3, 'harry', 20, { comments: [comment('helper', 21, { bot: true })] }),
      // Opened by ghost: ivan answering it makes no tie, and ghost is not among the people.
      discussion(4, null, 22, { comments: [comment('ivan', 23)] }),
    ];
    // #2: alice, bob, carol, erin, frank; ties alice–bob and bob–carol. #3: harry. #4: ivan.
    assert.deepEqual(networkColumns(nodes, 5, 50), ['#2: 5 people, 2 ties', '#3: 1 people, 0 ties', '#4: 1 people, 0 ties']);
  });
});

/** The real sample's rows against people and ties counted again from the raw file (no bot, no hidden post there). */
describe('metrics: discussion rows on the real sample', () => {
  const facts = factsOf(raw.discussions as unknown as DiscussionNode[]);
  const since = Date.parse('2022-01-01T00:00:00Z');
  const until = Date.parse('2022-07-01T00:00:00Z');

  it('gives each discussion’s people and ties as worked out from the raw file', () => {
    const inWindow = (createdAt: string) => Date.parse(createdAt) >= since && Date.parse(createdAt) < until;
    const want = raw.discussions
      .filter((d) => inWindow(d.createdAt))
      .map((d) => {
        const people = new Set<string>();
        const pairs = new Set<string>();
        const visit = (post: { createdAt: string; author: { login: string } | null }, answered: { author: { login: string } | null } | null) => {
          if (!inWindow(post.createdAt) || !post.author) return;
          people.add(post.author.login);
          const to = answered?.author?.login;
          if (to && to !== post.author.login) pairs.add([post.author.login, to].sort().join(' '));
        };
        visit(d, null);
        for (const c of d.comments.nodes) {
          visit(c, d);
          for (const r of c.replies?.nodes ?? []) visit(r, c);
        }
        return { number: d.number, createdAt: Date.parse(d.createdAt), people: people.size, ties: pairs.size };
      })
      .sort((a, b) => a.createdAt - b.createdAt || a.number - b.number)
      .map(({ number, people, ties }) => ({ number, people, ties }));
    const got = discussionRows(facts, { since, until }).map(({ number, people, ties }) => ({ number, people, ties }));
    assert.deepEqual(got, want);
    // Not trivial: threads where several people answered one another.
    assert.ok(
      want.some((row) => row.ties >= 3),
      `a discussion with three ties or more, in ${want.length}`,
    );
  });
});
