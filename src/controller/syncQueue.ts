import type { SyncMode } from '../sync/contracts';

export interface SyncRequest {
  readonly mode: SyncMode;
  /** Someone asked for this sync (a command), so it may notify loudly; else the views' automatic sync. */
  readonly userInitiated: boolean;
  /**
   * When its caller decided on it, if earlier than now (`SyncQueue.decision()`): a sync the views ask for once a
   * settings change has been read, which can take as long as a running sync does.
   */
  readonly decided?: SyncDecision;
}

/** A moment in a queue's history of cancellations. */
export interface SyncDecision {
  readonly cancellationsBefore: number;
}

/**
 * One sync at a time. Requests made while a sync runs merge into one that starts after it (a full re-check wins
 * over an incremental one; user-initiated if any request was), so every caller awaits a sync that began after its
 * request, and a burst of requests costs one sync, not one each.
 */
export class SyncQueue {
  private active: Promise<void> | null = null;
  private queued: { mode: SyncMode; userInitiated: boolean; promise: Promise<void> } | null = null;
  private cancellations = 0;

  constructor(private readonly run: (request: SyncRequest) => Promise<void>) {}

  /** Now, for a request made later (`SyncRequest.decided`). */
  decision(): SyncDecision {
    return { cancellationsBefore: this.cancellations };
  }

  request({ mode, userInitiated, decided }: SyncRequest): Promise<void> {
    // Decided before a cancel: the cancel was the later word, so it starts no sync (as if it had been queued then).
    if (decided !== undefined && decided.cancellationsBefore < this.cancellations) return this.active ?? Promise.resolve();
    if (this.queued) {
      if (mode === 'full') this.queued.mode = 'full';
      this.queued.userInitiated ||= userInitiated;
      return this.queued.promise;
    }
    if (!this.active) return this.start({ mode, userInitiated });
    const queued = { mode, userInitiated, promise: Promise.resolve() };
    const startQueued = (): Promise<void> => {
      // Dropped by `cancelQueued`: its callers are done when the cancelled sync is.
      if (this.queued !== queued) return Promise.resolve();
      this.queued = null;
      return this.start(queued);
    };
    // After the running sync either way: its failure is its callers' to hear, not a reason to drop this request.
    queued.promise = this.active.then(startQueued, startQueued);
    this.queued = queued;
    return queued.promise;
  }

  /**
   * The running sync was cancelled: the request waiting behind it starts no sync (its callers' promise resolves when
   * the cancelled sync ends). Cancel means stop syncing; a sync cancelled during a pause for GitHub's hourly budget
   * would otherwise be followed at once by one that pauses again on the same spent budget. A request made after the
   * cancel waits for a sync of its own, unless it was decided before (`SyncRequest.decided`).
   */
  cancelQueued(): void {
    this.queued = null;
    this.cancellations++;
  }

  private start(request: SyncRequest): Promise<void> {
    const run = this.run({ mode: request.mode, userInitiated: request.userInitiated }).finally(() => {
      if (this.active === run) this.active = null;
    });
    this.active = run;
    return run;
  }
}
