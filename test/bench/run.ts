import assist from './assist.bench';
import dashboard from './dashboard.bench';
import discussion from './discussion.bench';
import metrics from './metrics.bench';
import scale from './scale.bench';
import sync from './sync.bench';
import triage from './triage.bench';
import { consoleReporter, type Benchmark } from './reporter';

/** Every benchmark, by the name given on the command line (`npm run bench -- metrics sync`). */
const BENCHMARKS: Readonly<Record<string, Benchmark>> = { assist, dashboard, discussion, metrics, scale, sync, triage };

/** Runs every benchmark (or those named on the command line) and prints the figures. */
async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const unknown = only.filter((name) => !Object.keys(BENCHMARKS).some((known) => known.includes(name)));
  if (unknown.length > 0) throw new Error(`No benchmark named ${unknown.join(', ')}; there are: ${Object.keys(BENCHMARKS).join(', ')}.`);
  const chosen = Object.entries(BENCHMARKS).filter(([name]) => only.length === 0 || only.some((wanted) => name.includes(wanted)));
  const report = consoleReporter();
  console.log(`Community Pulse benchmarks — node ${process.version}, ${process.platform}/${process.arch}`);
  for (const [, bench] of chosen) {
    report.section(bench.title);
    await bench.run(report);
  }
  console.log(`\n${report.overTarget.length === 0 ? 'all figures within target' : `over target: ${report.overTarget.join(', ')}`}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
