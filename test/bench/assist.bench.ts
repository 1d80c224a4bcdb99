import { performance } from 'node:perf_hooks';
import { buildAssistIndex } from '../../src/community/assist/assistIndex';
import { normalizeCommunity } from '../../src/community/normalize';
import { classifyPeople } from '../../src/community/people';
import { discussionAssist } from '../../src/viewModels/discussionAssist';
import { generateCommunity } from '../fake-github/generator';
import type { Benchmark } from './reporter';

const DISCUSSIONS = 50_000;
const NOW = '2025-06-01T00:00:00Z';
const SAMPLED = 200;
const BUILD_RUNS = 3;

/**
 * Issue #9 §5: the Discussion view's context panel on a 50,000-discussion snapshot: the index built once per data
 * change (target < 1 s), then the author's history, who can help and similar discussions for one discussion
 * (target < 20 ms), the median over 200 discussions spread over the snapshot.
 */
export default {
  title: 'Discussion view context: author, helpers, similar (issue #9)',
  async run(report) {
    const generated = generateCommunity({ seed: 9, discussions: DISCUSSIONS, now: NOW });
    const community = normalizeCommunity(generated.repository, generated.discussions);
    const people = classifyPeople(community);
    const now = Date.parse(NOW);
    buildAssistIndex(community, people); // warm-up: JIT, so the figure is what a data change costs in a running host
    const builds: number[] = [];
    let index = buildAssistIndex(community, people);
    for (let run = 0; run < BUILD_RUNS; run++) {
      const started = performance.now();
      index = buildAssistIndex(community, people);
      builds.push(performance.now() - started);
    }
    const step = Math.floor(community.discussions.length / SAMPLED);
    const sample = Array.from({ length: SAMPLED }, (_, i) => community.discussions[i * step]!);
    for (const discussion of sample.slice(0, 20)) discussionAssist(index, discussion, now); // warm-up
    const times: number[] = [];
    let helpers = 0;
    let similar = 0;
    for (const discussion of sample) {
      const started = performance.now();
      const assist = discussionAssist(index, discussion, now);
      times.push(performance.now() - started);
      helpers += assist.helpers.length;
      similar += assist.similar.length;
    }
    report.figure('assist index build, 50,000 discussions (median of 3 after a warm-up)', median(builds), 'ms', 1000);
    report.figure(`one discussion's author, helpers and similar (median of ${SAMPLED})`, median(times), 'ms', 20);
    report.figure(`  slowest of the ${SAMPLED}`, Math.max(...times), 'ms');
    report.note(`${(helpers / SAMPLED).toFixed(1)} helpers and ${(similar / SAMPLED).toFixed(1)} similar discussions per discussion on average`);
  },
} satisfies Benchmark;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
