/** What a benchmark prints: one line per figure, with its target and the ratio to it, measured in this run. */
export interface BenchReporter {
  section(title: string): void;
  /** A measured figure. `target` is an upper bound; the line shows figure/target and PASS or OVER. */
  figure(name: string, value: number, unit: string, target?: number): void;
  /** A ratio between two figures measured in the same run. */
  ratio(name: string, numerator: number, denominator: number, target?: number): void;
  note(text: string): void;
}

export interface Benchmark {
  readonly title: string;
  run(report: BenchReporter): Promise<void>;
}

export function consoleReporter(): BenchReporter & { readonly overTarget: string[] } {
  const overTarget: string[] = [];
  const verdict = (name: string, value: number, target?: number): string => {
    if (target === undefined) return '';
    if (value > target) overTarget.push(name);
    return `  (target ≤ ${format(target)}: ${value <= target ? 'PASS' : 'OVER'}, ${format(value / target)}× of target)`;
  };
  return {
    overTarget,
    section: (title) => console.log(`\n== ${title}`),
    figure: (name, value, unit, target) => console.log(`${name}: ${format(value)} ${unit}${verdict(name, value, target)}`),
    ratio: (name, numerator, denominator, target) => {
      const value = numerator / denominator;
      console.log(`${name}: ${format(value)}×${verdict(name, value, target)}`);
    },
    note: (text) => console.log(`  ${text}`),
  };
}

function format(value: number): string {
  return Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 1 ? value.toFixed(2) : value.toPrecision(3);
}
