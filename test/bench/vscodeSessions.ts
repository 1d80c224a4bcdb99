import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchReporter } from './reporter';

const ROOT = join(__dirname, '..', '..');

/** What scripts/run-vscode-tests.mjs exports (plain JavaScript). */
interface VSCodeTestRunner {
  runVSCodeTests(options: {
    suites: 'suite' | 'bench';
    grep?: string;
    print: (line: string) => void;
  }): Promise<{ failed: number; failures: { title: string; error: string }[] }>;
}

/**
 * Builds dist/ as the tests do (the webview minified as shipped) and runs the VS Code bench suite whose title
 * matches `grep` in `sessions` fresh code-server sessions, each writing `resultsFile` (relative to the repository);
 * returns what each session wrote. A first webview is first only once per window, so each session counts once.
 */
export async function measureInVSCode<Results>(options: { grep: string; resultsFile: string; sessions: number }): Promise<Results[]> {
  const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`the build failed (exit ${build.status}): ${build.stderr}`);
  const { runVSCodeTests } = (await import(pathToFileURL(join(ROOT, 'scripts', 'run-vscode-tests.mjs')).href)) as VSCodeTestRunner;
  const resultsFile = join(ROOT, options.resultsFile);
  const results: Results[] = [];
  for (let session = 0; session < options.sessions; session++) {
    rmSync(resultsFile, { force: true });
    const outcome = await runVSCodeTests({ suites: 'bench', grep: options.grep, print: () => undefined });
    if (outcome.failed > 0 || !existsSync(resultsFile)) {
      throw new Error(
        `the VS Code bench "${options.grep}" failed: ${outcome.failures.map((failure) => `${failure.title}: ${failure.error}`).join('; ') || 'no measurement written'}`,
      );
    }
    results.push(JSON.parse(readFileSync(resultsFile, 'utf8')) as Results);
  }
  return results;
}

/**
 * The median session's opening by `total` (ms; null when not measured, sorted last), printed as `figure` with every
 * session's total beside it: one opening varies by a hundred milliseconds or more here. Returned for the caller to
 * print its moments.
 */
export function printMedianOpening<Opening>(
  report: BenchReporter,
  figure: string,
  openings: readonly Opening[],
  total: (opening: Opening) => number | null,
  target?: number,
): Opening {
  const sorted = [...openings].sort((a, b) => (total(a) ?? Infinity) - (total(b) ?? Infinity));
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const ms = (opening: Opening): number => total(opening) ?? Number.NaN;
  report.figure(figure, ms(median), 'ms', target);
  report.note(`    each session: ${sorted.map((opening) => `${Math.round(ms(opening))} ms`).join(', ')}`);
  return median;
}
