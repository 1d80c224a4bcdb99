import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import { errorMessage } from '../shared/errorMessage';
import { backgroundSections } from './backgroundSections';
import { factsFromColumns } from './metrics/facts';
import { HELPER_CELLS, type FromHelper, type HelperStart, type ToHelper } from './reportHelperProtocol';

/**
 * The report's helper thread (bundled as dist/reportHelperThread.js): computes a report's background sections from
 * the facts' shared columns while the report computes the rest (reportHelper.ts). It keeps the logins of the community
 * last reported on, and no facts between jobs, so that it holds no old facts' memory alive.
 */
const { port, cells } = workerData as HelperStart;
let logins: readonly string[] = [];

/**
 * A job's views on the facts' shared memory keep that memory allocated while this thread holds them, and its collector,
 * with little to do, left them for many jobs: 2 to 5 old facts of 70 MB each at 200,000 discussions. A minor collection
 * once the job's handler has returned frees them (the young generation is made large enough in reportHelper.ts that a
 * job's views are still young then). A full collection would too, but it cost the next job twice its time.
 * `--expose-gc` only adds `gc` to contexts made from now on, such as the one asked for here.
 */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as (options: { readonly type: 'minor' }) => void;

port.on('message', (message: ToHelper) => {
  if (message.type === 'logins') {
    logins = message.logins;
    return;
  }
  const { job } = message;
  try {
    // The reply is in the port's queue before the report is woken to read it.
    port.postMessage(compute(message));
  } catch (error) {
    port.postMessage({ type: 'failed', job, message: `its answer could not be sent: ${errorMessage(error)}` } satisfies FromHelper);
  } finally {
    // Whatever happened, the report waiting for this job is woken: it must never wait out its patience for nothing.
    Atomics.store(cells, HELPER_CELLS.finished, job);
    Atomics.notify(cells, HELPER_CELLS.finished);
  }
  setImmediate(() => collectGarbage({ type: 'minor' }));
});

function compute({ job, columns, window, settings }: Extract<ToHelper, { type: 'compute' }>): FromHelper {
  try {
    return { type: 'computed', job, sections: backgroundSections(factsFromColumns(columns, logins), window, settings) };
  } catch (error) {
    return { type: 'failed', job, message: errorMessage(error) };
  }
}

// Ready: reports may hand jobs to this thread from now on (reportHelper.ts uses none before).
Atomics.store(cells, HELPER_CELLS.ready, 1);
parentPort?.postMessage('ready');
