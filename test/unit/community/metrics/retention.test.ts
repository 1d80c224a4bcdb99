import * as assert from 'node:assert/strict';
import { comment, discussion } from '../../../support/discussionNodes';
import { reportOf } from './support';

const day = (n: number) => n * 24; // hours after 2024-01-01

describe('metrics: retention', () => {
  // Window: 2024-03-01 to 2024-04-01.
  const nodes = [
    discussion(1, 'alice', day(9), { comments: [comment('bob', day(10)), comment('bob', day(32)), comment('dependabot', day(70), { bot: true })] }),
    discussion(2, 'dave', day(50), {
      comments: [comment('dave', day(61)), comment('alice', day(64)), comment('carol', day(69)), comment('erin', day(95))],
    }),
  ];
  const retention = () => reportOf(nodes, { sinceHours: day(60), untilHours: day(91) }).retention;

  it('puts each person in the cohort of their first post and counts who posted in each later month', () => {
    const cohorts = retention().cohorts;
    assert.equal(cohorts.length, 12);
    assert.equal(cohorts[0]!.month, '2023-04');
    assert.deepEqual(cohorts.slice(-3), [
      { month: '2024-01', size: 2, active: [2, 1, 1] }, // alice and bob; bob in February; alice in March
      { month: '2024-02', size: 1, active: [1, 1] }, // dave
      { month: '2024-03', size: 1, active: [1] }, // carol; erin posts only after until, the bot never counts
    ]);
    assert.deepEqual(cohorts[0], { month: '2023-04', size: 0, active: new Array(12).fill(0) });
  });

  it('returning rate: the window’s participants who had posted before it', () => {
    const r = retention();
    assert.equal(r.participants, 3); // dave, alice, carol
    assert.equal(r.returningRate, 2 / 3);
    assert.deepEqual(r.newParticipants, [{ month: '2024-03', count: 1 }]);
  });

  it('has no returning rate, with the reason, when nobody posted in the window', () => {
    const r = reportOf(nodes, { sinceHours: day(200), untilHours: day(210) }).retention;
    assert.equal(r.participants, 0);
    assert.equal(r.returningRate, null);
    assert.equal(r.reasons['returningRate'], 'nobody posted in the window');
  });

  it('follows the cohortMonths setting', () => {
    const cohorts = reportOf(nodes, { sinceHours: day(60), untilHours: day(91), settings: { cohortMonths: 3 } }).retention.cohorts;
    assert.deepEqual(
      cohorts.map((c) => c.month),
      ['2024-01', '2024-02', '2024-03'],
    );
  });
});
