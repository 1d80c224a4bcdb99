import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { normalizeCommunity } from '../../../src/community/normalize';
import { classifyPeople } from '../../../src/community/people';
import type { DiscussionNode } from '../../../src/github/schemas';
import { DEFAULT_SETTINGS } from '../../../src/settings/schema';
import { analyze } from '../../../src/viewModels/analysis';
import { buildPeopleGroups, personEntry, TIE_DEFINITION, type GroupNode } from '../../../src/viewModels/people';
import { comment, discussion, reply, T0 } from '../../support/discussionNodes';

const DAY = 86_400_000;
const MEMBER = { authorAssociation: 'MEMBER' } as const;

/**
 * One 30-day window [T0, T0 + 30 days), its network worked out by hand (docs/metrics.md "Network"):
 * mona (a maintainer) answers alice in #1 and #2; lea answers bob in #3 and #4, carol in #5 and dan in #6,
 * and mona replies to lea in #5 and #6; eight people comment once on olga's #8; erin's #7 gets no answer.
 * Ties: alice–mona, bob–lea, lea–mona strong (two discussions each); carol–lea, dan–lea and olga–p1…p5 weak.
 * Ties per person: olga 5 (0 strong), lea 4 (2), mona 2 (2), alice and bob 1 (1), carol, dan and p1…p5 1 (0).
 * Connectors (most ties, then strong ties, then login): olga, lea, mona, alice, bob, carol, dan, p1, p2, p3.
 * Core (strong ties): alice–mona–lea–bob, best-connected first: lea, mona, alice, bob. With the leader
 * thresholds lowered to 2 responses, 2 people helped and 1 active week, lea (4 responses, 3 people helped)
 * is the one leader candidate.
 */
const NODES: DiscussionNode[] = [
  discussion(1, 'alice', 0, { comments: [comment('mona', 1, MEMBER)] }),
  discussion(2, 'alice', 24, { comments: [comment('mona', 25, MEMBER)] }),
  discussion(3, 'bob', 48, { comments: [comment('lea', 49)] }),
  discussion(4, 'bob', 72, { comments: [comment('lea', 73)] }),
  discussion(5, 'carol', 96, { comments: [comment('lea', 97, { replies: [reply('mona', 98, MEMBER)] })] }),
  discussion(6, 'dan', 120, { comments: [comment('lea', 121, { replies: [reply('mona', 122, MEMBER)] })] }),
  discussion(7, 'erin', 144),
  discussion(8, 'olga', 168, { comments: ['p1', 'p2', 'p3', 'p4', 'p5'].map((who, i) => comment(who, 169 + i)) }),
];

function groupsOf(nodes: DiscussionNode[]): Map<string, GroupNode> {
  const community = normalizeCommunity('octo/repo', nodes);
  const settings = { ...DEFAULT_SETTINGS, leaderThresholds: { minResponses: 2, minPeopleHelped: 2, minActiveWeeks: 1, recentDays: 30 } };
  const analysis = analyze({ repository: 'octo/repo', community, people: classifyPeople(community), settings, lastSyncAt: null }, '30', T0 + 30 * DAY);
  return new Map(buildPeopleGroups(analysis).map((group) => [group.id, group]));
}

/** `@login — description` of each entry of a group. */
function entries(group: GroupNode | undefined): string[] {
  assert.ok(group);
  return group.people.map((person) => `@${person.login} — ${person.description}`);
}

describe('People view model: the network', () => {
  const groups = groupsOf(NODES);

  it('lists the ten connectors, most ties first, with their ties and strong ties', () => {
    const connectors = groups.get('connectors')!;
    assert.equal(connectors.label, 'Connectors (10)');
    assert.deepEqual(entries(connectors), [
      '@olga — 5 ties, 0 strong · connector',
      '@lea — 4 ties, 2 strong · connector',
      '@mona — 2 ties, 2 strong · connector',
      '@alice — 1 tie, 1 strong · connector',
      '@bob — 1 tie, 1 strong · connector',
      '@carol — 1 tie, 0 strong · connector',
      '@dan — 1 tie, 0 strong · connector',
      '@p1 — 1 tie, 0 strong · connector',
      '@p2 — 1 tie, 0 strong · connector',
      '@p3 — 1 tie, 0 strong · connector',
    ]);
    assert.equal(connectors.people.find((person) => person.login === 'mona')!.maintainer, true);
  });

  it('lists the core, best-connected first, each with their role', () => {
    const core = groups.get('core')!;
    assert.equal(core.label, 'Core: 4 people');
    assert.deepEqual(entries(core), [
      '@lea — leader candidate · 4 ties, 2 strong · connector',
      '@mona — maintainer · 2 ties, 2 strong · connector',
      '@alice — member · 1 tie, 1 strong · connector',
      '@bob — member · 1 tie, 1 strong · connector',
    ]);
  });

  it('shows every entry’s ties, marks only the ten connectors, and explains ties in the doc’s words', () => {
    const newcomers = groups.get('new')!;
    const description = (login: string) => newcomers.people.find((person) => person.login === login)!.description;
    assert.match(description('p4'), /· 1 tie, 0 strong$/, 'p4 has a tie but is not among the ten connectors');
    assert.match(description('erin'), /· 0 ties, 0 strong$/);
    assert.match(description('olga'), /· 5 ties, 0 strong · connector$/);
    assert.match(entries(groups.get('leaders'))[0]!, /^@lea — score .* · 4 responses · 4 ties, 2 strong · connector$/);
    const tooltip = groups.get('core')!.people[0]!.tooltip;
    assert.match(tooltip, /4 ties, 2 strong ties in the window\. A connector: one of the ten people with the most ties\./);
    assert.ok(tooltip.includes(TIE_DEFINITION));
    const docs = readFileSync(new URL('../../../docs/metrics.md', import.meta.url), 'utf8')
      .replace(/\*\*|`/g, '')
      .replace(/\s+/g, ' ');
    assert.ok(docs.includes(TIE_DEFINITION), 'the tooltip quotes docs/metrics.md');
  });

  it('reveals a person’s Core entry when they have one, else their first entry, else none', () => {
    const all = [...groups.values()];
    const target = (login: string) => {
      const entry = personEntry(all, login);
      return entry && `${entry.group}:${entry.login}`;
    };
    assert.equal(target('lea'), 'core:lea', 'lea is also a leader candidate, a connector and new: the core wins');
    assert.equal(target('olga'), 'new:olga', 'not in the core: the first group listing her');
    assert.equal(target('p5'), 'new:p5');
    assert.equal(target('nobody'), null);
  });

  it('shows the 150 best-connected of a core past 150, and says so', () => {
    // A chain c000–c001–…–c151, each pair meeting in two discussions: a core of 152. Ends have one strong tie,
    // everyone else two, so the 150 shown are c001…c150.
    const login = (i: number) => `c${String(i).padStart(3, '0')}`;
    const chain = Array.from({ length: 151 }, (_, i) =>
      [0, 1].map((again) => discussion(1000 + 2 * i + again, login(i), i + again * 0.5, { comments: [comment(login(i + 1), i + again * 0.5 + 0.1)] })),
    ).flat();
    const core = groupsOf(chain).get('core')!;
    assert.equal(core.label, 'Core: 152 people, showing the 150 best-connected');
    assert.deepEqual(
      core.people.map((person) => person.login),
      Array.from({ length: 150 }, (_, i) => login(i + 1)),
    );
  });
});
