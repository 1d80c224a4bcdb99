import type { Participation } from '../reportSchema';
import { explainNulls, NO_MAINTAINER_KNOWN } from './explain';
import type { CommunityFacts } from './facts';
import { rate } from './stats';
import type { WindowTotals } from './windowTotals';

/** Who carries the responses posted in the window, and how unevenly. */
export function participation(facts: CommunityFacts, totals: WindowTotals): Participation {
  const { responseCount: responses, maintainerResponses: byMaintainers } = totals;
  const counts = responsesPerResponderDescending(totals.responses);
  const noResponses = 'no response was posted in the window';
  return explainNulls(
    {
      responders: counts.length,
      responses,
      absenceFactor: absenceFactor(counts),
      top10Share: topShare(counts, 0.1),
      gini: gini(counts),
      maintainerShare: facts.maintainerKnown ? rate(byMaintainers, responses) : null,
    },
    {
      absenceFactor: noResponses,
      top10Share: noResponses,
      gini: noResponses,
      maintainerShare: facts.maintainerKnown ? noResponses : NO_MAINTAINER_KNOWN,
    },
  );
}

/** The non-zero counts, largest first. */
function responsesPerResponderDescending(perPerson: Int32Array): Float64Array {
  const counts = perPerson.filter((value) => value > 0);
  return Float64Array.from(counts).sort().reverse();
}

/**
 * CHAOSS contributor absence factor ("bus factor"): the fewest people who together made at least
 * half of the responses. `descending`: responses per responder, largest first.
 */
export function absenceFactor(descending: Float64Array): number | null {
  const total = sum(descending);
  if (total === 0) return null;
  let covered = 0;
  for (let people = 1; people <= descending.length; people++) {
    covered += descending[people - 1]!;
    if (covered * 2 >= total) return people;
  }
  return descending.length;
}

/** Share of the responses made by the top ⌈fraction × responders⌉ responders. */
export function topShare(descending: Float64Array, fraction: number): number | null {
  const total = sum(descending);
  if (total === 0) return null;
  return sum(descending.subarray(0, Math.ceil(fraction * descending.length))) / total;
}

/**
 * Gini coefficient of responses per responder: 0 when everyone responded equally, approaching 1 when
 * one person made them all. Mean absolute difference over twice the mean, from the sorted values:
 * G = Σᵢ (2i − n − 1)·xᵢ / (n·Σx) with x ascending and i = 1..n.
 */
export function gini(descending: Float64Array): number | null {
  const total = sum(descending);
  if (total === 0) return null;
  const n = descending.length;
  let weighted = 0;
  for (let index = 0; index < n; index++) {
    const ascendingRank = n - index;
    weighted += (2 * ascendingRank - n - 1) * descending[index]!;
  }
  return weighted / (n * total);
}

function sum(values: Float64Array): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
