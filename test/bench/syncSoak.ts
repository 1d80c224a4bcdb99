import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createGitHubClient } from '../../src/github/client';
import type { Snapshot } from '../../src/store/snapshot';
import { directorySnapshotStore } from '../../src/store/snapshotStore';
import { syncRepository } from '../../src/sync/syncRepository';
import { integerBetween, mulberry32 } from '../fake-github/random';
import type { FakeGitHub } from '../fake-github/server';
import { retriedFaults } from '../support/soakFaults';
import type { BenchReporter } from './reporter';
import type { SyncProcessArguments } from './syncProcess';

/** A wait unit of 5 ms: back-offs and rate-limit waits cost their count, not real seconds. */
const WAIT_UNIT_MS = 5;
const REQUEST_TIMEOUT_MS = 2_000;
const FAULT_SHARE = 0.1;
const KILLS = 3;

/** The fault-free sync the soaks must match. */
export interface CleanSync {
  readonly github: FakeGitHub;
  readonly token: string;
  readonly repository: string;
  readonly snapshot: Snapshot;
  readonly requests: number;
  readonly seconds: number;
}

/** Issue #11's soak: a seeded tenth of the requests failing across every retried fault kind, in one run. */
export async function soakInOneRun(clean: CleanSync, report: BenchReporter): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), 'cp-soak-'));
  try {
    const [owner, name] = clean.repository.split('/') as [string, string];
    startFaults(clean.github, 1);
    const client = createGitHubClient({ baseUrl: clean.github.url, token: clean.token }, { waitUnitMs: WAIT_UNIT_MS, requestTimeoutMs: REQUEST_TIMEOUT_MS });
    const started = performance.now();
    await syncRepository({ client, repository: { owner, name }, store: directorySnapshotStore(directory), mode: 'incremental' });
    const seconds = (performance.now() - started) / 1000;
    const { graphqlRequests, faults } = clean.github.stats();
    clean.github.clearFaults();
    report.figure(
      `soak, ${FAULT_SHARE * 100}% of requests failing (wait unit ${WAIT_UNIT_MS} ms): discussions differing from the fault-free sync (must be 0)`,
      await differences(clean, directory),
      'discussions',
    );
    report.note(
      `${faults} faults injected, all survived; ${graphqlRequests - clean.requests} requests beyond the fault-free ${clean.requests}; ` +
        `${seconds.toFixed(1)} s against ${clean.seconds.toFixed(1)} s (${(seconds - clean.seconds).toFixed(1)} s lost, of which timeouts of ${REQUEST_TIMEOUT_MS / 1000} s each)`,
    );
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** The same faults, with the sync's process killed (SIGKILL) at three seeded request counts and started again. */
export async function soakWithKills(clean: CleanSync, report: BenchReporter): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), 'cp-soak-kill-'));
  try {
    const [owner, name] = clean.repository.split('/') as [string, string];
    const args: SyncProcessArguments = {
      url: clean.github.url,
      token: clean.token,
      owner,
      name,
      directory,
      waitUnitMs: WAIT_UNIT_MS,
      requestTimeoutMs: REQUEST_TIMEOUT_MS,
    };
    const random = mulberry32(3);
    const killAt = Array.from({ length: KILLS }, () => integerBetween(random, 5, clean.requests - 5)).sort((a, b) => a - b);
    startFaults(clean.github, 2);
    const started = performance.now();
    let processes = 0;
    for (const requests of [...killAt, Number.POSITIVE_INFINITY]) {
      processes++;
      const exit = await runSyncProcess(args, () => clean.github.stats().graphqlRequests >= requests);
      if (requests === Number.POSITIVE_INFINITY && exit !== 0) throw new Error(`the last sync process ended with ${exit}`);
    }
    const seconds = (performance.now() - started) / 1000;
    const { graphqlRequests, faults } = clean.github.stats();
    clean.github.clearFaults();
    report.figure(
      `soak with ${KILLS} kills (SIGKILL after requests ${killAt.join(', ')}): discussions differing from the fault-free sync (must be 0)`,
      await differences(clean, directory),
      'discussions',
    );
    report.note(
      `${processes} processes, ${faults} faults injected; ${graphqlRequests - clean.requests} requests beyond the fault-free ${clean.requests}; ${seconds.toFixed(1)} s (each process also loads the code)`,
    );
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

function startFaults(github: FakeGitHub, seed: number): void {
  github.resetStats();
  github.injectRandomFaults({ seed, share: FAULT_SHARE, faults: retriedFaults(REQUEST_TIMEOUT_MS), target: 'graphql' });
}

/** Runs syncProcess.ts; kills it with SIGKILL as soon as `killWhen` holds. Resolves with its exit code (null when killed). */
function runSyncProcess(args: SyncProcessArguments, killWhen: () => boolean): Promise<number | null> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'syncProcess.ts'), JSON.stringify(args)], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const watch = setInterval(() => {
    if (killWhen()) child.kill('SIGKILL');
  }, 2);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      clearInterval(watch);
      resolve(code);
    });
  });
}

/** Discussions missing, extra or different in the snapshot of `directory`, against the fault-free one. */
async function differences(clean: CleanSync, directory: string): Promise<number> {
  const soaked = await directorySnapshotStore(directory).read(clean.repository);
  const byNumber = new Map((soaked?.discussions ?? []).map((node) => [node.number, JSON.stringify(node)]));
  const missingOrDifferent = clean.snapshot.discussions.filter((node) => byNumber.get(node.number) !== JSON.stringify(node)).length;
  return missingOrDifferent + Math.max(0, byNumber.size - clean.snapshot.discussions.length);
}
