import { writeFile } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { errorMessage } from '../shared/errorMessage';
import { formatClockTime } from '../shared/format';
import { spentBudgetResetOf, type Sleep } from '../sync/budgetPause';
import { InputFileError } from '../store/inputFile';
import { DamagedSnapshotError } from '../store/snapshotStore';
import { loadCommunity, type CommunitySource, type LoadedCommunity } from './loadCommunity';
import { describePartial } from '../shared/partialSnapshot';
import { DEFAULT_METRIC_SETTINGS } from '../community/metrics/settings';
import { startReportHelper } from '../community/reportHelper';
import { parseChoice, parseInstant, parsePositiveNumber, parseShare, parseWholeNumber } from './options';
import { REPORT_FORMAT_IDS } from '../report/formats';
import { reportCommand } from './reportCommand';
import { syncCommand } from './syncCommand';
import { triageCommand } from './triageCommand';
import { USAGE, UsageError } from './usage';

/** What a command reads and writes besides files: injected so tests run the CLI in-process. */
export interface CliIo {
  readonly stdout: Pick<NodeJS.WriteStream, 'write'>;
  readonly stderr: Pick<NodeJS.WriteStream, 'write' | 'isTTY'>;
  readonly env: NodeJS.ProcessEnv;
  readonly signal: AbortSignal;
  /** The clock a sync's pause for GitHub's hourly budget waits by; absent: real time. */
  readonly clock?: { readonly now: () => number; readonly sleep: Sleep };
}

/** `sync --no-wait` stopped because GitHub's hourly budget is spent: resumable after the reset. */
const EXIT_BUDGET_SPENT = 3;

/**
 * The `community-pulse` command line: the same core as the extension. Exit 0 ok, 1 failure, 2 bad usage or input,
 * 3 GitHub's hourly budget spent (`sync --no-wait`).
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  // `community-pulse report --help` is how most people ask; it must not fail as an unknown option.
  if (rest.some((arg) => HELP_FLAGS.has(arg))) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    switch (command) {
      case 'sync':
        return await runSync(rest, io);
      case 'triage':
        return await runTriage(rest, io);
      case 'report':
        return await runReport(rest, io);
      case '--help':
      case '-h':
      case 'help':
        io.stdout.write(`${USAGE}\n`);
        return 0;
      case undefined:
        throw new UsageError(`no command given\n${USAGE}`);
      default:
        throw new UsageError(`unknown command "${command}"; expected sync, triage or report (see --help)`);
    }
  } catch (error) {
    const usage = error instanceof UsageError || error instanceof InputFileError;
    const budgetResetAt = spentBudgetResetOf(error);
    const resumable = budgetResetAt === null ? '' : ` Resumable: run the same command after ${formatClockTime(budgetResetAt)} to continue.`;
    const damaged = error instanceof DamagedSnapshotError ? `\n${moveDamagedHint(error, argv)}` : '';
    io.stderr.write(`community-pulse: ${errorMessage(error)}${resumable}${damaged}\n`);
    if (budgetResetAt !== null) return EXIT_BUDGET_SPENT;
    return usage ? 2 : 1;
  }
}

/** The exact command that moves the damaged snapshot aside and syncs afresh: this sync again, or a sync of the repository read. */
function moveDamagedHint(error: DamagedSnapshotError, argv: readonly string[]): string {
  // A file given with --input is nobody's store: there is nothing to move aside for a sync.
  if (argv[0] !== 'sync' && error.repository === null) return `Replace ${error.file} with a good copy.`;
  const rerun = argv[0] === 'sync' ? argv : ['sync', error.repository ?? '', ...storeFlagsOf(argv)];
  return `To keep it under a dated name beside it and sync again, run: community-pulse ${[...rerun, '--move-damaged'].map(shellQuoted).join(' ')}`;
}

function storeFlagsOf(argv: readonly string[]): string[] {
  const at = argv.indexOf('--store');
  const value = argv[at + 1];
  return at >= 0 && value !== undefined ? ['--store', value] : [];
}

function shellQuoted(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}

const HELP_FLAGS: ReadonlySet<string> = new Set(['--help', '-h']);

const communityFlags = {
  input: { type: 'string' },
  store: { type: 'string' },
  until: { type: 'string' },
  format: { type: 'string' },
  maintainers: { type: 'string' },
  'ignore-users': { type: 'string' },
} as const;

type FlagOptions = NonNullable<ParseArgsConfig['options']>;

function parse<T extends FlagOptions>(args: readonly string[], options: T) {
  try {
    return parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>({
      args: [...args],
      options,
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Where `triage` and `report` read the community from: the OWNER/REPO positional or --input, with the people flags. */
function communitySource(values: CommunityFlagValues, positionals: readonly string[]): CommunitySource {
  return {
    repository: positionals[0],
    input: values.input,
    store: values.store,
    maintainers: values.maintainers,
    ignoreUsers: values['ignore-users'],
  };
}

type CommunityFlagValues = { readonly [K in 'input' | 'store' | 'maintainers' | 'ignore-users']?: string };

async function runSync(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {
    'api-url': { type: 'string' },
    out: { type: 'string' },
    store: { type: 'string' },
    full: { type: 'boolean' },
    'no-wait': { type: 'boolean' },
    'move-damaged': { type: 'boolean' },
  });
  const output = await syncCommand({
    repository: positionals[0],
    apiUrl: values['api-url'],
    out: values.out,
    store: values.store,
    full: values.full ?? false,
    wait: !(values['no-wait'] ?? false),
    moveDamaged: values['move-damaged'] ?? false,
    token: io.env['GITHUB_TOKEN'],
    signal: io.signal,
    stderr: io.stderr,
    ...(io.clock && { clock: io.clock }),
  });
  io.stdout.write(output);
  return 0;
}

async function runTriage(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { ...communityFlags, 'stale-days': { type: 'string' } });
  const format = parseChoice('format', values.format, ['table', 'json'] as const);
  const now = parseInstant('until', values.until) ?? Date.now();
  const staleDays = parsePositiveNumber('stale-days', values['stale-days'], DEFAULT_METRIC_SETTINGS.staleDays);
  const loaded = await loadCommunity(communitySource(values, positionals));
  warnIfPartial(io, loaded);
  io.stdout.write(triageCommand(loaded, { now, staleDays, format }));
  return 0;
}

async function runReport(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {
    ...communityFlags,
    since: { type: 'string' },
    out: { type: 'string' },
    'stale-days': { type: 'string' },
    'response-target-hours': { type: 'string' },
    'over-dunbar-participants': { type: 'string' },
    'thin-discussions': { type: 'string' },
    'thin-know-someone-rate': { type: 'string' },
    'api-url': { type: 'string' },
  });
  const format = parseChoice('format', values.format, REPORT_FORMAT_IDS);
  const since = parseInstant('since', values.since);
  const until = parseInstant('until', values.until);
  const staleDays = parsePositiveNumber('stale-days', values['stale-days'], DEFAULT_METRIC_SETTINGS.staleDays);
  const responseTargetHours = parsePositiveNumber('response-target-hours', values['response-target-hours'], DEFAULT_METRIC_SETTINGS.responseTargetHours);
  const categoryAdvice = {
    overDunbarParticipants: parseWholeNumber('over-dunbar-participants', values['over-dunbar-participants'], 1),
    thinDiscussions: parseWholeNumber('thin-discussions', values['thin-discussions'], 0),
    thinKnowSomeoneRate: parseShare('thin-know-someone-rate', values['thin-know-someone-rate']),
  };
  // The report's helper thread starts while the snapshot loads, so that the report can use it.
  void startReportHelper();
  const loaded = await loadCommunity(communitySource(values, positionals));
  warnIfPartial(io, loaded);
  // Profile links go to the GitHub the data came from: --api-url, else the stored snapshot's, else github.com.
  const apiUrl = values['api-url'] ?? loaded.apiUrl ?? undefined;
  const text = await reportCommand({
    community: loaded.community,
    people: loaded.people,
    since,
    until,
    format,
    staleDays,
    responseTargetHours,
    categoryAdvice,
    apiUrl,
  });
  await writeOutput(io, text, values.out);
  return 0;
}

/** On stderr, so the report itself (Markdown, JSON, CSV) keeps its format: the figures are of part of the repository. */
function warnIfPartial(io: CliIo, loaded: LoadedCommunity): void {
  if (!loaded.partial) return;
  const name = loaded.community.repository;
  io.stderr.write(
    `community-pulse: ${describePartial(loaded.partial)}: the first sync of ${name} has not finished, so every figure counts only these. Run \`community-pulse sync ${name}\` to complete it.\n`,
  );
}

/** Prints `text`, or writes it to `out` when given (`--out FILE`). */
export async function writeOutput(io: CliIo, text: string, out: string | undefined): Promise<void> {
  if (out === undefined) io.stdout.write(text);
  else await writeFile(out, text);
}

if (require.main === module) {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  void main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, signal: controller.signal }).then((code) => {
    process.exitCode = code;
  });
}
