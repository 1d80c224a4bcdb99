/**
 * Mocha's spec reporter that also writes the run's counts, `{ passed, failed, skipped, failures: [{ title, error }] }`,
 * to the file named by the reporter option `summary`. Both test stages of `npm test` use it, and test-all.mjs adds
 * their counts up: the unit tests (`mocha --reporter test/vscode/summaryReporter.ts --reporter-option summary=FILE`)
 * and the VS Code suites (index.ts).
 */
import Mocha from 'mocha';
import * as fs from 'node:fs';

const { EVENT_TEST_PASS, EVENT_TEST_PENDING, EVENT_TEST_FAIL, EVENT_RUN_END } = Mocha.Runner.constants;

function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

export default class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options: Mocha.MochaOptions) {
    super(runner, options);
    const summaryFile: unknown = options.reporterOptions?.['summary'];
    if (typeof summaryFile !== 'string') throw new Error('SummaryReporter needs the reporter option summary=FILE');
    const summary = { passed: 0, failed: 0, skipped: 0, failures: [] as { title: string; error: string }[] };
    runner.on(EVENT_TEST_PASS, () => summary.passed++);
    runner.on(EVENT_TEST_PENDING, () => summary.skipped++);
    // Also fires for a failing hook, which counts as one failure (the tests it guards never ran).
    runner.on(EVENT_TEST_FAIL, (test, error) => {
      summary.failed++;
      summary.failures.push({ title: test.fullTitle(), error: describeError(error) });
    });
    runner.once(EVENT_RUN_END, () => fs.writeFileSync(summaryFile, JSON.stringify(summary, null, 2)));
  }
}
