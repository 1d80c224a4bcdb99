import { rowsOfDays, type CommunityFacts } from './facts';
import { inWindow, type Window } from './window';

/**
 * The Lorenz curve of responses per responder in the window (the picture behind the report's `gini`
 * and `top10Share`): responders sorted from fewest to most responses; point (x, y) says the fewest-
 * responding share x of responders made share y of the responses. Starts at (0, 0), ends at (1, 1).
 * Same population as the report's participation: responses (issue #2's definition) posted in the window.
 */
export interface LorenzPoint {
  /** Share of responders, 0..1. */
  readonly responders: number;
  /** Share of responses they made, 0..1. */
  readonly responses: number;
}

/** At most this many points after the origin: exact points of the curve, evenly spaced over responders. */
const MAX_POINTS = 100;

export function responseLorenzCurve(facts: CommunityFacts, window: Window): LorenzPoint[] {
  const perResponder = new Map<number, number>();
  const { posts } = facts;
  const { first, end } = rowsOfDays(facts, window.since, window.until);
  for (let row = first; row < end; row++) {
    if (posts.isResponse[row] !== 1 || !inWindow(posts.createdAt[row]!, window)) continue;
    const author = posts.author[row]!;
    perResponder.set(author, (perResponder.get(author) ?? 0) + 1);
  }
  const counts = Float64Array.from(perResponder.values()).sort();
  if (counts.length === 0) return [];
  const cumulative = new Float64Array(counts.length);
  let total = 0;
  counts.forEach((count, index) => {
    total += count;
    cumulative[index] = total;
  });
  const steps = Math.min(MAX_POINTS, counts.length);
  const points: LorenzPoint[] = [{ responders: 0, responses: 0 }];
  for (let step = 1; step <= steps; step++) {
    const taken = Math.round((step * counts.length) / steps);
    points.push({ responders: taken / counts.length, responses: cumulative[taken - 1]! / total });
  }
  return points;
}
