import * as assert from 'node:assert/strict';
import { normalizeCommunity } from '../../../src/community/normalize';
import { classifyPeople } from '../../../src/community/people';
import { computeReport } from '../../../src/community/report';
import { buildHeadlines, headlineItemLook, type HeadlineRow } from '../../../src/viewModels/health';
import { comment, discussion, T0 } from '../../support/discussionNodes';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Two 30-day windows whose networks differ, worked out by hand (docs/metrics.md "Network"):
 * - previous [day 0, day 30): bob answers alice in #1 and #2 (a strong tie), dave answers carol in #3 (a
 *   weak one). Participants alice, bob, carol, dave; alice and bob know someone: 2 / 4 = 50%. Core: alice–bob, 2.
 * - current [day 30, day 60): bob answers alice in #4 and #5, carol answers bob in #6 and bob answers carol in
 *   #7 (two strong ties), erin opens #8 and nobody answers. Participants alice, bob, carol, erin; all but
 *   erin know someone: 3 / 4 = 75%. Core: alice–bob–carol, 3.
 */
const NODES = [
  discussion(1, 'alice', 24, { comments: [comment('bob', 25)] }),
  discussion(2, 'alice', 48, { comments: [comment('bob', 49)] }),
  discussion(3, 'carol', 72, { comments: [comment('dave', 73)] }),
  discussion(4, 'alice', 31 * 24, { comments: [comment('bob', 31 * 24 + 1)] }),
  discussion(5, 'alice', 32 * 24, { comments: [comment('bob', 32 * 24 + 1)] }),
  discussion(6, 'bob', 33 * 24, { comments: [comment('carol', 33 * 24 + 1)] }),
  discussion(7, 'carol', 34 * 24, { comments: [comment('bob', 34 * 24 + 1)] }),
  discussion(8, 'erin', 35 * 24),
];

function rows(): Map<string, HeadlineRow> {
  const community = normalizeCommunity('octo/repo', NODES);
  const report = computeReport(community, classifyPeople(community), { since: T0 + 30 * DAY, until: T0 + 60 * DAY });
  const built = buildHeadlines(report.headline, report.previous.headline, { previousLabel: 'previous 30 days', targetHours: 48 });
  return new Map(built.map((row) => [row.label, row]));
}

describe('Health rows of the network', () => {
  it('show Know someone with the previous window’s share and a good trend', () => {
    const row = rows().get('Know someone')!;
    assert.equal(row.value, '75%');
    assert.equal(row.previous, 'previous 30 days: 50%');
    assert.deepEqual(row.change, { arrow: '▲', text: '+25 pts', tone: 'good' });
    assert.match(row.tooltip, /at least one strong tie/);
    assert.equal(headlineItemLook(row).description, '75%  ▲ +25 pts');
  });

  it('show Core with the previous window’s figure, its trend and the Dunbar line', () => {
    const row = rows().get('Core')!;
    assert.equal(row.value, '3');
    assert.equal(row.previous, 'previous 30 days: 2');
    assert.deepEqual(row.change, { arrow: '▲', text: '+1', tone: 'good' });
    assert.match(row.definition, /core of 3 people; Dunbar's number is about 150/);
    const look = headlineItemLook(row);
    assert.equal(look.description, '3  ▲ +1');
    assert.match(look.tooltip, /core of 3 people; Dunbar's number is about 150/, 'the Health item and the dashboard card say it in their tooltip');
  });

  it('come after the other headline figures, so the Health view lists ten', () => {
    assert.deepEqual([...rows().keys()].slice(-3), ['Absence factor', 'Know someone', 'Core']);
    assert.equal(rows().size, 10);
  });
});
