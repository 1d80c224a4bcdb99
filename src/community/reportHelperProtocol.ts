import type { MessagePort } from 'node:worker_threads';
import type { BackgroundSections } from './backgroundSections';
import type { FactColumns } from './metrics/facts';
import type { MetricSettings } from './metrics/settings';
import type { Window } from './metrics/window';

/**
 * What the report and its helper thread (reportHelper.ts, reportHelperThread.ts) say to each other, over a port of
 * their own. Both ends are this build's code, started together: the types are the check.
 */

/** Given to the thread when it starts: its port, and shared cells (`HELPER_CELLS`) that the report reads without waiting. */
export interface HelperStart {
  readonly port: MessagePort;
  readonly cells: Int32Array;
}

export const HELPER_CELLS = {
  /** The number of the last job the thread finished. */
  finished: 0,
  /** 1 once the thread's code is loaded and it listens for jobs. */
  ready: 1,
  count: 2,
} as const;

export type ToHelper =
  /** The logins of the facts that follow (sent once per community: a copy of every login). */
  | { readonly type: 'logins'; readonly logins: readonly string[] }
  /** Job `job`: the background sections of these facts' report over `window`. */
  | { readonly type: 'compute'; readonly job: number; readonly columns: FactColumns; readonly window: Window; readonly settings: MetricSettings };

export type FromHelper =
  | { readonly type: 'computed'; readonly job: number; readonly sections: BackgroundSections }
  | { readonly type: 'failed'; readonly job: number; readonly message: string };
