import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { errorMessage } from '../../src/shared/errorMessage';

/** One counted test of a browser run: its title and what it does. */
export type BrowserStep = readonly [title: string, run: () => Promise<void>];

export interface StepResults {
  passed: number;
  failed: number;
  skipped: number;
  failures: { title: string; error: string }[];
}

/**
 * Runs the steps in order, each one test; after a failure the rest are skipped (they build on each other) and
 * `onFailure` runs once (a screenshot). Prints each step and the `N passed, N failed` line, writes the counts to
 * `resultsFile` for scripts/test-all.mjs, and returns the process's exit code.
 */
export async function runSteps(
  steps: readonly BrowserStep[],
  options: { onFailure: () => Promise<void>; resultsFile?: string | undefined },
): Promise<StepResults> {
  const results: StepResults = { passed: 0, failed: 0, skipped: 0, failures: [] };
  for (const [title, run] of steps) {
    if (results.failed > 0) {
      results.skipped++;
      console.log(`  - ${title} (skipped)`);
      continue;
    }
    try {
      await run();
      results.passed++;
      console.log(`  ✔ ${title}`);
    } catch (error) {
      results.failed++;
      const message = errorMessage(error);
      results.failures.push({ title, error: message });
      console.log(`  ✘ ${title}\n    ${message}`);
      await options.onFailure().catch(() => undefined);
    }
  }
  return results;
}

/** Prints the `N passed, N failed` line, writes the counts to `resultsFile` for scripts/test-all.mjs; the run's exit code. */
export function reportSteps(results: StepResults, resultsFile: string | undefined): number {
  console.log(`${results.passed} passed, ${results.failed} failed${results.skipped ? `, ${results.skipped} skipped` : ''}`);
  if (resultsFile) {
    mkdirSync(path.dirname(resultsFile), { recursive: true });
    writeFileSync(resultsFile, JSON.stringify(results));
  }
  return results.failed > 0 ? 1 : 0;
}
