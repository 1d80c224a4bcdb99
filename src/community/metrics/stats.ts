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

/**
 * Summarises `values`, which it reorders: the percentiles are found by selection (linear on average)
 * rather than by sorting, as they are taken over tens of thousands of durations per report.
 */
export function summarize(values: Float64Array): Summary {
  if (values.length === 0) return { count: 0, mean: null, median: null, p90: null };
  let sum = 0;
  for (let index = 0; index < values.length; index++) sum += values[index]!;
  return {
    count: values.length,
    mean: sum / values.length,
    median: percentileOf(values, 50),
    p90: percentileOf(values, 90),
  };
}

/** `percentileOfSorted` of non-empty `values` in any order, which it reorders. */
export function percentileOf(values: Float64Array, q: number): number {
  const position = ((values.length - 1) * q) / 100;
  const below = Math.floor(position);
  const low = select(values, below);
  // Everything after `below` is now at least `low`: the next rank is the least of them.
  let high = low;
  if (below + 1 < values.length) {
    high = Infinity;
    for (let index = below + 1; index < values.length; index++) high = Math.min(high, values[index]!);
  }
  return low + (high - low) * (position - below);
}

/**
 * The value of rank `k` (0-based, ascending) of `values`, which it partitions around that rank
 * (smaller before, larger after): Hoare's FIND, linear on average. Should the partitions keep coming
 * out lopsided, the rest is sorted, so it is never worse than n log n.
 */
function select(values: Float64Array, k: number): number {
  let left = 0;
  let right = values.length - 1;
  for (let rounds = 0; right > left; rounds++) {
    if (rounds > 64) {
      values.subarray(left, right + 1).sort();
      break;
    }
    const pivot = values[(left + right) >>> 1]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i++] = values[j]!;
        values[j--] = swap;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return values[k]!;
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

  /** The collected values (a view, reordered in place by `summarize`). */
  toArray(): Float64Array {
    return this.values.subarray(0, this.size);
  }
}
