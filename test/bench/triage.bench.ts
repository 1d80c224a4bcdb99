import { performance } from 'node:perf_hooks';
import { normalizeCommunity } from '../../src/community/normalize';
import { classifyPeople } from '../../src/community/people';
import { DEFAULT_STALE_DAYS, triage } from '../../src/community/triage';
import { generateCommunity } from '../fake-github/generator';
import type { Benchmark } from './reporter';

const DISCUSSIONS = 50_000;
const NOW = '2025-06-01T00:00:00Z';

/** Issue #2 §9: building the Needs Response list for 50,000 discussions, per discussion. */
export default {
  title: 'Needs Response list (issue #2)',
  async run(report) {
    const generated = generateCommunity({ bodies: false, seed: 2, discussions: DISCUSSIONS, now: NOW });
    const community = normalizeCommunity(generated.repository, generated.discussions);
    const now = Date.parse(NOW);
    const build = () => triage(community, classifyPeople(community), { now, staleDays: DEFAULT_STALE_DAYS });
    build(); // warm-up: JIT and caches, so the figure is the steady state a refresh sees
    const runs = 5;
    const started = performance.now();
    let listed = 0;
    for (let i = 0; i < runs; i++) {
      const result = build();
      listed = result.noResponse.length + result.awaitingReply.length + result.unmarkedAnswer.length;
    }
    const perRunMs = (performance.now() - started) / runs;
    report.figure('needs-response list, 50,000 discussions (people + triage)', perRunMs, 'ms');
    report.figure('time per discussion', (perRunMs * 1000) / DISCUSSIONS, 'µs');
    report.note(`${listed} discussions listed; mean of ${runs} runs after one warm-up`);
  },
} satisfies Benchmark;
