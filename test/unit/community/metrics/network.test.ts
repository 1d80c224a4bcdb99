import * as assert from 'node:assert/strict';
import { NOBODY_POSTED } from '../../../../src/community/metrics/explain';
import { interactionNetwork } from '../../../../src/community/metrics/network';
import { windowTotals } from '../../../../src/community/metrics/windowTotals';
import type { Network } from '../../../../src/community/reportSchema';
import type { DiscussionNode } from '../../../../src/github/schemas';
import { comment, discussion, reply, T0 } from '../../../support/discussionNodes';
import { raw, rawSampleNetwork } from '../../../support/rawSampleNetwork';
import { factsOf, HOUR } from './support';

/** The network of the nodes over [T0, T0 + 30 days) unless told. */
function networkOf(nodes: DiscussionNode[], sinceHours = 0, untilHours = 30 * 24): Omit<Network, 'core'> {
  const facts = factsOf(nodes);
  return interactionNetwork(facts, windowTotals(facts, { since: T0 + sinceHours * HOUR, until: T0 + untilHours * HOUR })).section;
}

/** Discussion `number`, opened by `opener` with one comment by each of `commenters`. */
function answered(number: number, opener: string, commenters: string[], category: 'Q&A' | 'General' = 'Q&A'): DiscussionNode {
  return discussion(number, opener, number, { category, comments: commenters.map((who, i) => comment(who, number + 0.1 * (i + 1))) });
}

const NO_TIES = 'nobody answered another person in the window: there are no ties';

describe('metrics: network', () => {
  it('a top-level comment answers the opener and a reply answers the comment it sits under', () => {
    // bob → alice (comment), carol → bob and alice → bob (replies under bob's comment); no tie alice–carol.
    const n = networkOf([discussion(1, 'alice', 0, { comments: [comment('bob', 1, { replies: [reply('carol', 2), reply('alice', 3)] })] })]);
    assert.equal(n.participants, 3);
    assert.equal(n.connectedParticipants, 3);
    assert.equal(n.ties, 2);
    assert.equal(n.reciprocalTies, 1); // alice and bob answered each other; carol only answered bob
    assert.equal(n.strongTies, 0);
    assert.equal(n.density, 2 / 3); // 2 ties of 3 possible pairs
    assert.equal(n.meanTies, 4 / 3);
    assert.equal(n.knowSomeoneRate, 0);
    assert.equal(n.coreSize, 0);
    assert.deepEqual(n.connectors, [
      { login: 'bob', ties: 2, strongTies: 0 },
      { login: 'alice', ties: 1, strongTies: 0 },
      { login: 'carol', ties: 1, strongTies: 0 },
    ]);
  });

  it('no interaction with oneself, nor with a post that does not count: deleted, minimized, bot, ghost on either end', () => {
    const deleted = { deletedAt: '2024-01-02T00:00:00Z' };
    const n = networkOf([
      discussion(1, 'alice', 0, {
        comments: [
          comment('alice', 1), // herself
          comment('bob', 2, { ...deleted, replies: [reply('carol', 3)] }), // carol answered a deleted comment
          comment('dave', 4, { isMinimized: true, replies: [reply('erin', 5)] }), // and erin a minimized one
          comment('renovate[bot]', 6, { replies: [reply('frank', 7)] }), // frank a bot
          comment(null, 8, { replies: [reply('gus', 9)] }), // gus a deleted account
          comment('hal', 10), // the one interaction: hal → alice
        ],
      }),
      discussion(2, null, 0, { comments: [comment('ivy', 1)] }), // ivy answered a deleted account
      discussion(3, 'dependabot', 0, { bot: true, comments: [comment('jo', 1)] }), // a bot's discussion is not counted
    ]);
    assert.equal(n.ties, 1);
    assert.deepEqual(n.connectors, [
      { login: 'alice', ties: 1, strongTies: 0 },
      { login: 'hal', ties: 1, strongTies: 0 },
    ]);
    // alice, carol, erin, frank, gus, hal, ivy: not bob and dave (hidden posts), the bots, ghost, jo (uncounted discussion).
    assert.equal(n.participants, 7);
    assert.equal(n.connectedParticipants, 2);
  });

  it('strength counts distinct discussions, in either direction: two meetings make a strong tie', () => {
    const n = networkOf([
      discussion(1, 'alice', 1, { comments: [comment('bob', 1.1), comment('bob', 1.2)] }), // twice in one discussion: strength 1
      answered(2, 'bob', ['alice']), // alice answers bob in another: strength 2
      answered(3, 'carol', ['dave']),
    ]);
    assert.equal(n.ties, 2);
    assert.equal(n.strongTies, 1);
    assert.equal(n.reciprocalTies, 1);
    assert.equal(n.knowSomeoneRate, 2 / 4);
    assert.equal(n.coreSize, 2);
  });

  it('the core is the largest group held together by strong ties; a weak tie does not join groups', () => {
    const n = networkOf([
      answered(1, 'a', ['b']),
      answered(2, 'b', ['a']),
      answered(3, 'b', ['c']),
      answered(4, 'c', ['b']),
      answered(5, 'd', ['e']),
      answered(6, 'd', ['e']),
      answered(7, 'c', ['d']), // once: weak
    ]);
    assert.equal(n.strongTies, 3);
    assert.equal(n.coreSize, 3); // a–b–c; d–e is the smaller group
    assert.equal(n.knowSomeoneRate, 5 / 5);
  });

  it('connectors: the ten with the most ties, then the most strong ties, then by login', () => {
    const helpers = ['k', 'j', 'i', 'h', 'g', 'f', 'e', 'd', 'c', 'b', 'a'];
    const n = networkOf([answered(1, 'zed', helpers), answered(2, 'zed', ['i'])]);
    assert.deepEqual(
      n.connectors.map((c) => [c.login, c.ties, c.strongTies]),
      [
        ['zed', 11, 1],
        ['i', 1, 1],
        ['a', 1, 0],
        ['b', 1, 0],
        ['c', 1, 0],
        ['d', 1, 0],
        ['e', 1, 0],
        ['f', 1, 0],
        ['g', 1, 0],
        ['h', 1, 0],
      ],
    );
  });

  it('per category, ties and strong ties count within its discussions alone', () => {
    const n = networkOf([
      answered(1, 'alice', ['bob'], 'Q&A'),
      answered(2, 'alice', ['bob'], 'General'),
      discussion(3, 'carol', 3, { category: 'General', comments: [comment('bob', 3.1, { replies: [reply('alice', 3.2)] })] }),
    ]);
    assert.equal(n.strongTies, 1); // alice–bob met in 3 discussions
    assert.deepEqual(n.categories, [
      // alice–bob twice here (strong), bob–carol once; alice and bob know someone here, carol not
      { name: 'General', participants: 3, ties: 2, strongTies: 1, knowSomeoneRate: 2 / 3 },
      { name: 'Q&A', participants: 2, ties: 1, strongTies: 0, knowSomeoneRate: 0 },
    ]);
  });

  it('counts interactions posted in the window, also in older discussions, and only their posters as participants', () => {
    const n = networkOf(
      [
        discussion(1, 'alice', -48, { comments: [comment('bob', -47), comment('carol', 1)] }), // opened before the window
        discussion(2, 'dave', 800, { comments: [comment('erin', 801)] }), // after it
      ],
      0,
      24,
    );
    assert.deepEqual(
      [n.participants, n.connectedParticipants, n.ties],
      [1, 1, 1], // carol → alice; alice and bob posted before the window
    );
    assert.equal(n.density, 1); // carol and alice: the one pair, tied
  });

  it('density and mean ties are null with their reason without a tie, know-someone without a participant', () => {
    const alone = networkOf([discussion(1, 'alice', 1)]);
    assert.deepEqual([alone.participants, alone.ties, alone.density, alone.meanTies], [1, 0, null, null]);
    assert.deepEqual(alone.reasons, { density: NO_TIES, meanTies: NO_TIES });
    const empty = networkOf([discussion(1, 'alice', 1)], 25 * 24, 26 * 24);
    assert.equal(empty.knowSomeoneRate, null);
    assert.equal(empty.reasons['knowSomeoneRate'], NOBODY_POSTED);
    assert.deepEqual(empty.categories, []);
  });
});

/** The real sample's network against the one worked out from the raw file (test/support/rawSampleNetwork.ts). */
describe('metrics: network on the real sample', () => {
  const facts = factsOf(raw.discussions as unknown as DiscussionNode[]);
  for (const [since, until] of [
    ['2022-01-01T00:00:00Z', '2023-01-01T00:00:00Z'],
    ['2020-01-01T00:00:00Z', '2024-01-01T00:00:00Z'],
  ] as const) {
    it(`matches the figures worked out from the raw file over [${since.slice(0, 10)}, ${until.slice(0, 10)})`, () => {
      const window = { since: Date.parse(since), until: Date.parse(until) };
      const want = rawSampleNetwork(window.since, window.until);
      assert.deepEqual(interactionNetwork(facts, windowTotals(facts, window)).section, want);
      // Not trivial (issue #10): a few maintainers carry most ties, and about one participant in five knows someone.
      assert.ok(want.knowSomeoneRate > 0.1 && want.knowSomeoneRate < 0.3, `know-someone rate ${want.knowSomeoneRate}`);
      assert.ok(want.connectors[0]!.ties > want.ties / 4, 'the best connected person holds a large share of the ties');
    });
  }
});
