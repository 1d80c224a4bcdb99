import * as assert from 'node:assert/strict';
import { percentileOf, percentileOfSorted, summarize } from '../../../../src/community/metrics/stats';
import { absenceFactor, gini, topShare } from '../../../../src/community/metrics/participation';

const close = (actual: number | null, expected: number) => assert.ok(actual !== null && Math.abs(actual - expected) < 1e-9, `${actual} ≉ ${expected}`);

describe('metrics: statistics', () => {
  // Expected values are numpy.percentile's (method "linear"), worked by hand: position (n − 1)·q/100
  // between the closest ranks.
  it('interpolates percentiles linearly between closest ranks, as numpy.percentile does', () => {
    close(percentileOfSorted([1, 2, 3, 4], 50), 2.5); // position 1.5
    close(percentileOfSorted([1, 2, 3, 4], 90), 3.7); // position 2.7
    close(percentileOfSorted([10, 20, 30, 40, 50], 90), 46); // position 3.6
    close(percentileOfSorted([1, 100], 90), 90.1); // position 0.9
    close(percentileOfSorted([7], 90), 7);
    close(percentileOfSorted([3, 3, 3, 10], 50), 3);
    close(percentileOfSorted([0, 60, 3_600, 86_400, 90_000], 90), 88_560); // position 3.6: 86,400 + 0.6 × 3,600
  });

  it('summarizes unsorted durations: count, mean, median, p90', () => {
    const summary = summarize(Float64Array.from([50, 10, 40, 20, 30]));
    assert.deepEqual(summary, { count: 5, mean: 30, median: 30, p90: 46 });
  });

  it('finds the percentiles by selection exactly as by sorting, duplicates and every size included', () => {
    let seed = 7;
    const random = (): number => (seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647;
    for (const size of [1, 2, 3, 5, 10, 11, 100, 1_001, 20_000]) {
      for (const spread of [3, 1_000_000]) {
        const values = Float64Array.from({ length: size }, () => Math.floor(random() * spread));
        const sorted = values.slice().sort();
        const summary = summarize(values.slice());
        assert.equal(summary.median, percentileOfSorted(sorted, 50), `median of ${size} values up to ${spread}`);
        assert.equal(summary.p90, percentileOfSorted(sorted, 90), `p90 of ${size} values up to ${spread}`);
        for (const q of [0, 25, 99, 100]) assert.equal(percentileOf(values.slice(), q), percentileOfSorted(sorted, q), `p${q} of ${size}`);
      }
    }
    const ascending = Float64Array.from({ length: 5_000 }, (_, i) => i);
    assert.equal(percentileOf(ascending.slice().reverse(), 90), percentileOfSorted(ascending, 90), 'reverse-sorted input');
  });

  it('gives no mean, median or p90 for no durations, rather than 0', () => {
    assert.deepEqual(summarize(new Float64Array(0)), { count: 0, mean: null, median: null, p90: null });
  });

  it('absence factor: the fewest responders who made at least half of the responses', () => {
    assert.equal(absenceFactor(Float64Array.from([5, 3, 2])), 1); // 5 of 10
    assert.equal(absenceFactor(Float64Array.from([4, 3, 3])), 2); // 4 < 5, 7 ≥ 5
    assert.equal(absenceFactor(Float64Array.from([1, 1, 1, 1])), 2);
    assert.equal(absenceFactor(Float64Array.from([1, 1, 1])), 2); // 1.5 needs two
    assert.equal(absenceFactor(new Float64Array(0)), null);
  });

  it('top 10% share counts the top ⌈10%⌉ of responders', () => {
    const ten = Float64Array.from([10, 5, 5, 5, 5, 5, 5, 5, 5, 5]); // 1 of 10 responders
    close(topShare(ten, 0.1), 10 / 55);
    const eleven = Float64Array.from([10, 6, 4, 4, 4, 4, 4, 4, 4, 4, 2]); // ⌈1.1⌉ = 2 responders
    close(topShare(eleven, 0.1), 16 / 50);
    assert.equal(topShare(new Float64Array(0), 0.1), null);
  });

  it('gini: 0 when everyone responded equally, mean absolute difference over twice the mean otherwise', () => {
    close(gini(Float64Array.from([4, 4, 4, 4])), 0);
    close(gini(Float64Array.from([9])), 0);
    close(gini(Float64Array.from([3, 1])), 0.25); // Σ|xi − xj| = 4 over 2·n²·mean = 16
    close(gini(Float64Array.from([10, 0, 0, 0])), 0.75); // one of four did everything: (n − 1)/n
    close(gini(Float64Array.from([6, 3, 2, 1])), 1 / 3); // Σ|xi − xj| over ordered pairs = 2·(3+4+5+1+2+1) = 32, over 2·n²·mean = 96
    assert.equal(gini(new Float64Array(0)), null);
  });
});
