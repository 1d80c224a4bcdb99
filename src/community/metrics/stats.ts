/**
 * Summary statistics of a set of values (durations in seconds, counts). Percentiles interpolate
 * linearly between the closest ranks, numpy's default `percentile` method (also github/issue-metrics'),
 * so figures are comparable with theirs.
 */

export interface Summary {
  readonly count: number;
  readonly mean: number | null;
  readonly median: number | null;
  readonly p90: number | null;
}

/** Sorts `values` in place (a Float64Array sorts numerically and fast) and summarises them. */
export function summarize(values: Float64Array): Summary {
  if (values.length === 0) return { count: 0, mean: null, median: null, p90: null };
  values.sort();
  let sum = 0;
  for (const value of values) sum += value;
  return {
    count: values.length,
    mean: sum / values.length,
    median: percentileOfSorted(values, 50),
    p90: percentileOfSorted(values, 90),
  };
}

/** numpy's `percentile(values, q)` (method "linear") of ascending, non-empty `sorted`; `q` in 0..100. */
export function percentileOfSorted(sorted: ArrayLike<number>, q: number): number {
  const position = ((sorted.length - 1) * q) / 100;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  const fraction = position - below;
  return sorted[below]! + (sorted[above]! - sorted[below]!) * fraction;
}

/** A fraction 0..1, or null when there is nothing to divide by. */
export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** A growable list of numbers that ends as a Float64Array, so collecting durations allocates little. */
export class NumberList {
  private values = new Float64Array(64);
  private size = 0;

  push(value: number): void {
    if (this.size === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.size++] = value;
  }

  /** The collected values (a view, sorted in place by `summarize`). */
  toArray(): Float64Array {
    return this.values.subarray(0, this.size);
  }
}
