import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { consoleReporter, type Benchmark } from './reporter';

/** Runs every `*.bench.ts` module beside this file (or those named on the command line) and prints the figures. */
async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = readdirSync(__dirname)
    .filter((file) => file.endsWith('.bench.ts'))
    .filter((file) => only.length === 0 || only.some((name) => file.includes(name)))
    .sort();
  const report = consoleReporter();
  console.log(`Community Pulse benchmarks — node ${process.version}, ${process.platform}/${process.arch}`);
  for (const file of files) {
    const bench = (await import(join(__dirname, file))) as { default: Benchmark };
    report.section(bench.default.title);
    await bench.default.run(report);
  }
  console.log(`\n${report.overTarget.length === 0 ? 'all figures within target' : `over target: ${report.overTarget.join(', ')}`}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
