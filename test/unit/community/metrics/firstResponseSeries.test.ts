import * as assert from 'node:assert/strict';
import { buildFacts } from '../../../../src/community/metrics/facts';
import { firstResponseSeries } from '../../../../src/community/metrics/firstResponseSeries';
import { normalizeCommunity } from '../../../../src/community/normalize';
import { classifyPeople } from '../../../../src/community/people';
import { comment, discussion, T0 } from '../../../support/discussionNodes';
import { factsOf, shifted } from './support';

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
      [
        ['< 1 h', 0],
        ['1–4 h', 1],
        ['4–12 h', 1],
        ['12–24 h', 0],
        ['1–2 d', 2],
        ['2–7 d', 0],
        ['≥ 7 d', 0],
      ],
    );
    assert.equal(series.noResponse, 2);
  });

  it('puts a first response exactly on a band edge in the band that starts there (each band is [from, to))', () => {
    const bandOf = (seconds: number): string[] => {
      const nodes = [discussion(1, 'alice', 0, { comments: [shifted(comment('bob', 0), seconds)] })];
      const { bins } = firstResponseSeries(factsOf(nodes), { since: T0, until: T0 + 21 * DAY_MS });
      return bins.filter((bin) => bin.count > 0).map((bin) => `${bin.label}: ${bin.count}`);
    };
    const edges: [number, string, string][] = [
      [3_600, '< 1 h', '1–4 h'],
      [4 * 3_600, '1–4 h', '4–12 h'],
      [12 * 3_600, '4–12 h', '12–24 h'],
      [24 * 3_600, '12–24 h', '1–2 d'],
      [48 * 3_600, '1–2 d', '2–7 d'],
      [7 * 86_400, '2–7 d', '≥ 7 d'],
    ];
    for (const [edge, below, from] of edges) {
      assert.deepEqual(bandOf(edge - 1), [`${below}: 1`], `a second under ${edge} s`);
      assert.deepEqual(bandOf(edge), [`${from}: 1`], `exactly ${edge} s`);
      assert.deepEqual(bandOf(edge + 1), [`${from}: 1`], `a second over ${edge} s`);
    }
  });
});
