import * as assert from 'node:assert/strict';
import { buildFacts } from '../../../../src/community/metrics/facts';
import { firstResponseSeries } from '../../../../src/community/metrics/firstResponseSeries';
import { normalizeCommunity } from '../../../../src/community/normalize';
import { classifyPeople } from '../../../../src/community/people';
import { comment, discussion, T0 } from '../../../support/discussionNodes';

const DAY_MS = 86_400_000;

describe('metrics: first-response series for the dashboard charts', () => {
  // Window: the three whole weeks from Monday 2024-01-01.
  const nodes = [
    discussion(1, 'alice', 0, { comments: [comment('bob', 2)] }), // 2 h
    discussion(2, 'carol', 10, { comments: [comment('bob', 16)] }), // 6 h
    discussion(3, 'dave', 30), // none
    discussion(4, 'erin', 192, { comments: [comment('bob', 222)] }), // week of Jan 8: 30 h
    discussion(5, 'frank', 312, { comments: [comment('bob', 359)] }), // 47 h
    discussion(6, 'gina', 360), // week of Jan 15: none
  ];
  const community = normalizeCommunity('octo/repo', nodes);
  const series = firstResponseSeries(buildFacts(community, classifyPeople(community)), { since: T0, until: T0 + 21 * DAY_MS });

  it('gives each week’s median first response in seconds and in hours, none for a week without a response', () => {
    assert.deepEqual(series.weeks, [
      { week: '2024-01-01', partial: false, discussions: 3, responded: 2, medianSeconds: 4 * 3_600, medianHours: 4 },
      { week: '2024-01-08', partial: false, discussions: 2, responded: 2, medianSeconds: 38.5 * 3_600, medianHours: 38.5 },
      { week: '2024-01-15', partial: false, discussions: 1, responded: 0, medianSeconds: null, medianHours: null },
    ]);
  });

  it('counts the discussions by time to first response, and those without one', () => {
    assert.deepEqual(
      series.bins.map((bin) => [bin.label, bin.count]),
      [['< 1 h', 0], ['1–4 h', 1], ['4–12 h', 1], ['12–24 h', 0], ['1–2 d', 2], ['2–7 d', 0], ['≥ 7 d', 0]],
    );
    assert.equal(series.noResponse, 2);
  });
});
