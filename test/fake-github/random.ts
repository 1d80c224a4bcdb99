/** A seeded pseudo-random source in [0, 1), so the same seed always generates the same community. */
export type Random = () => number;

/** mulberry32: tiny, fast and good enough for synthetic data (not for anything secret). */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function chance(random: Random, probability: number): boolean {
  return random() < probability;
}

/** An integer in [min, max]. */
export function integerBetween(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** 1, 2, 3, ... with the given mean (≥ 1): the number of trials up to the first success. */
export function geometricAtLeastOne(random: Random, mean: number): number {
  if (mean <= 1) return 1;
  return 1 + Math.floor(Math.log(1 - random()) / Math.log(1 - 1 / mean));
}

/** 0, 1, 2, ... with the given mean (≥ 0). */
export function geometricFromZero(random: Random, mean: number): number {
  return geometricAtLeastOne(random, mean + 1) - 1;
}

/** A log-normal duration: half of the draws fall below `median`; `sigma` widens the tail. */
export function logNormal(random: Random, median: number, sigma: number): number {
  const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return median * Math.exp(sigma * normal);
}

/** Draws an index in [0, weights.length) with probability proportional to its weight. */
export class WeightedSampler {
  private readonly cumulative: Float64Array;

  constructor(weights: readonly number[]) {
    this.cumulative = new Float64Array(weights.length);
    let total = 0;
    weights.forEach((weight, index) => {
      total += weight;
      this.cumulative[index] = total;
    });
  }

  /** Zipf's law over `size` ranks: rank r is drawn with weight 1 / (r + 1)^exponent. */
  static zipf(size: number, exponent: number): WeightedSampler {
    return new WeightedSampler(Array.from({ length: size }, (_, rank) => 1 / (rank + 1) ** exponent));
  }

  sample(random: Random): number {
    const target = random() * this.cumulative[this.cumulative.length - 1]!;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.cumulative[middle]! > target) high = middle;
      else low = middle + 1;
    }
    return low;
  }
}
