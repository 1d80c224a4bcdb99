import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { backgroundSections, type BackgroundSections } from './backgroundSections';
import { factColumns, type CommunityFacts } from './metrics/facts';
import type { MetricSettings } from './metrics/settings';
import { isShared } from './metrics/sharedColumns';
import { errorMessage } from '../shared/errorMessage';
import type { Window } from './metrics/window';
import { HELPER_CELLS, type FromHelper, type HelperStart, type ToHelper } from './reportHelperProtocol';

/**
 * A report's background sections (backgroundSections.ts) computed in a helper thread while the report computes the
 * rest, so that a report takes about the longer of the two parts rather than their sum (docs/architecture.md, "The
 * report's helper thread"). The facts' columns are shared memory (metrics/sharedColumns.ts), handed over without a
 * copy; the logins are copied once per community.
 *
 * The report stays synchronous: it waits for the thread's answer with `Atomics.wait`, which Node allows on its main
 * thread. It computes the sections itself, with the same code and figures, whenever the thread cannot serve: no script
 * beside this bundle (run from sources, as the unit tests are), no shared memory, a thread not started yet or gone, a
 * job that failed (the error is then thrown here, with its stack) or took over `PATIENCE_MS`.
 */
const SCRIPT = join(__dirname, 'reportHelperThread.js');
/**
 * How long a report waits for the thread's answer before it computes the sections itself and gives the thread up: a
 * job takes about 250 ms at 200,000 discussions, and the wait blocks the whole thread the report runs on (in VS Code,
 * the extension host that every extension shares).
 */
const PATIENCE_MS = 5_000;
/** The thread's young generation, at most (V8 grows it as needed): a job at 200,000 discussions fits. */
const YOUNG_GENERATION_MB = 64;
/** How long `startReportHelper` waits for the thread to say it is ready. */
const START_PATIENCE_MS = 10_000;
/**
 * From how many posts a report starts the thread itself, if nothing has (about 45,000 discussions). Below it a report
 * takes under 100 ms and the thread would save little, while starting and running it takes a second core that, in
 * VS Code on a small machine, the window needs to draw: the dashboard's first opening at 20,000 discussions took
 * 506 ms with the thread started at activation.
 */
const STARTED_BY_REPORTS_FROM_POSTS = 500_000;

/**
 * A report's background sections, asked for once the report has computed the rest, with each person's last post
 * (`lastPostPerPerson`), which the report computes for its contributors: the sections then need not compute it again
 * when they run in the report's thread.
 */
export type PendingSections = (lastActive: Float64Array) => BackgroundSections;

/** Starts computing the background sections of the report over `window`: in the helper thread when it is ready. */
export function startBackgroundSections(facts: CommunityFacts, window: Window, settings: MetricSettings): PendingSections {
  const inThisThread: PendingSections = (lastActive) => backgroundSections(facts, window, settings, lastActive);
  // The report of a large community starts the thread for the reports after it, which it serves once ready.
  if (facts.posts.length >= STARTED_BY_REPORTS_FROM_POSTS) void startReportHelper();
  return readyHelper()?.start(facts, window, settings, inThisThread) ?? inThisThread;
}

/**
 * Starts the helper thread, which then serves every report; true once it is ready, false when there is none. The CLI
 * starts it before it reads the snapshot, so that its one report can use it; in VS Code, the first report of a large
 * community does (`STARTED_BY_REPORTS_FROM_POSTS`).
 */
export function startReportHelper(): Promise<boolean> {
  if (theHelper === undefined) theHelper = existsSync(SCRIPT) && typeof SharedArrayBuffer === 'function' ? new ReportHelper(SCRIPT, (line) => log(line)) : null;
  return theHelper?.started ?? Promise.resolve(false);
}

/** Where the thread says why, should it stop serving (the extension's output channel); by default, nowhere. */
export function logReportHelperTo(to: (line: string) => void): void {
  log = to;
}

/** Whether reports hand their background sections to the helper thread now (the bench says so beside its figures). */
export function reportHelperInUse(): boolean {
  return readyHelper() !== null;
}

let theHelper: ReportHelper | null | undefined;
let log: (line: string) => void = () => {};

function readyHelper(): ReportHelper | null {
  return theHelper?.ready ? theHelper : null;
}

class ReportHelper {
  readonly started: Promise<boolean>;
  private usable = true;
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly cells = new Int32Array(new SharedArrayBuffer(HELPER_CELLS.count * Int32Array.BYTES_PER_ELEMENT));
  private lastJob = 0;
  /** The logins last sent, weakly: holding them would keep a community's logins alive after it is dropped. */
  private loginsSent: WeakRef<readonly string[]> | undefined;

  constructor(
    script: string,
    private readonly log: (line: string) => void,
  ) {
    const { port1, port2 } = new MessageChannel();
    const start: HelperStart = { port: port2, cells: this.cells };
    // A young generation that holds a whole job's garbage, so that the job's views on the facts are still young when
    // the thread's minor collection after it frees them (reportHelperThread.ts).
    this.worker = new Worker(script, { workerData: start, transferList: [port2], resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    // An idle helper keeps no process alive (the CLI ends when its work is done).
    this.worker.unref();
    port1.unref();
    this.port = port1;
    this.started = new Promise((resolve) => {
      this.worker.once('message', () => resolve(this.ready));
      this.worker.once('error', (error) => {
        this.stop(`it failed: ${errorMessage(error)}`);
        resolve(false);
      });
      this.worker.once('exit', (code) => {
        this.stop(`it ended (exit code ${code})`);
        resolve(false);
      });
      // A thread that has not said it is ready by then is not waited for; reports use it if it gets there.
      setTimeout(() => resolve(this.ready), START_PATIENCE_MS).unref();
    });
  }

  /** Loaded, listening, and neither gone nor given up. */
  get ready(): boolean {
    return this.usable && Atomics.load(this.cells, HELPER_CELLS.ready) === 1;
  }

  /** Hands the thread the job, and returns how to wait for its answer (`otherwise` computes it here instead); null if it cannot take it. */
  start(facts: CommunityFacts, window: Window, settings: MetricSettings, otherwise: PendingSections): PendingSections | null {
    const columns = factColumns(facts);
    if (!isShared(columns.posts.createdAt)) return null;
    if (this.loginsSent?.deref() !== facts.logins) {
      this.send({ type: 'logins', logins: facts.logins });
      this.loginsSent = new WeakRef(facts.logins);
    }
    const job = ++this.lastJob;
    this.send({ type: 'compute', job, columns, window, settings });
    return (lastActive) => this.answer(job) ?? otherwise(lastActive);
  }

  /** The thread's answer to `job`, once it has finished it; null when the job failed or the thread took too long. */
  private answer(job: number): BackgroundSections | null {
    const deadline = Date.now() + PATIENCE_MS;
    // Jobs finish in order: the answer to an earlier job (whose report did not wait for it) may come first.
    for (let finished = Atomics.load(this.cells, HELPER_CELLS.finished); finished < job; finished = Atomics.load(this.cells, HELPER_CELLS.finished)) {
      const left = deadline - Date.now();
      if (left <= 0 || Atomics.wait(this.cells, HELPER_CELLS.finished, finished, left) === 'timed-out') {
        this.stop(
          `it had not finished a report's job within ${PATIENCE_MS / 1000} s (job ${job}; the last it finished: ${Atomics.load(this.cells, HELPER_CELLS.finished)})`,
        );
        return null;
      }
    }
    for (let reply = this.receive(); reply; reply = this.receive()) {
      if (reply.job !== job) continue;
      if (reply.type === 'computed') return reply.sections;
      this.log(`The report's helper thread failed at a report's background sections (${reply.message}); the report computed them itself.`);
      return null;
    }
    return null;
  }

  /** Gives the thread up for good: reports compute every section themselves from now on. */
  private stop(reason: string): void {
    if (!this.usable) return;
    this.usable = false;
    void this.worker.terminate();
    this.log(`The report's helper thread stopped: ${reason}. Reports compute every section in this thread from now on.`);
  }

  private send(message: ToHelper): void {
    this.port.postMessage(message);
  }

  private receive(): FromHelper | undefined {
    return receiveMessageOnPort(this.port)?.message as FromHelper | undefined;
  }
}
