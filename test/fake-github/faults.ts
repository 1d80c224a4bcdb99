import type { Fault, FaultTarget } from './types';

export type RequestKind = 'graphql' | 'rest';

interface PendingFault {
  readonly fault: Fault;
  readonly target: FaultTarget;
  remaining: number;
}

/** Faults waiting for requests, applied first-in first-out, each to its next `times` matching requests. */
export class FaultQueue {
  private pending: PendingFault[] = [];

  inject(fault: Fault, times = 1, target: FaultTarget = 'any'): void {
    if (!Number.isInteger(times) || times < 1) throw new Error(`injectFault: times must be a whole number ≥ 1, got ${times}`);
    this.pending.push({ fault, target, remaining: times });
  }

  clear(): void {
    this.pending = [];
  }

  /** The fault the next request of this kind gets, if any (and counts it as used). */
  take(kind: RequestKind): Fault | undefined {
    const next = this.pending.find((pending) => pending.target === 'any' || pending.target === kind);
    if (!next) return undefined;
    next.remaining--;
    if (next.remaining === 0) this.pending = this.pending.filter((pending) => pending !== next);
    return next.fault;
  }
}
