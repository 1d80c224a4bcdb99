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

port.on('message', (message: ToHelper) => {
  if (message.type === 'logins') {
    logins = message.logins;
    return;
  }
  const { job, columns, window, settings } = message;
  let reply: FromHelper;
  try {
    reply = { type: 'computed', job, sections: backgroundSections(factsFromColumns(columns, logins), window, settings) };
  } catch (error) {
    reply = { type: 'failed', job, message: errorMessage(error) };
  }
  // The reply is in the port's queue before the report is woken to read it.
  port.postMessage(reply);
  Atomics.store(cells, HELPER_CELLS.finished, job);
  Atomics.notify(cells, HELPER_CELLS.finished);
});

// Ready: reports may hand jobs to this thread from now on (reportHelper.ts uses none before).
Atomics.store(cells, HELPER_CELLS.ready, 1);
parentPort?.postMessage('ready');
