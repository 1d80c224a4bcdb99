import { writeFile } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { errorMessage } from '../shared/errorMessage';
import { InputFileError } from '../store/inputFile';
import { loadCommunity, type CommunitySource, type LoadedCommunity } from './loadCommunity';
import { describePartial } from '../shared/partialSnapshot';
import { DEFAULT_METRIC_SETTINGS } from '../community/metrics/settings';
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
}

/** The `community-pulse` command line: the same core as the extension. Exit 0 ok, 1 failure, 2 bad usage or input. */
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
    io.stderr.write(`community-pulse: ${errorMessage(error)}\n`);
    return usage ? 2 : 1;
  }
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
  });
  const output = await syncCommand({
    repository: positionals[0],
    apiUrl: values['api-url'],
    out: values.out,
    store: values.store,
    full: values.full ?? false,
    token: io.env['GITHUB_TOKEN'],
    signal: io.signal,
    stderr: io.stderr,
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
