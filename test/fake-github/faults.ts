import { chance, mulberry32, pick, type Random } from './random';
import type { Fault, FaultTarget, RandomFaults } from './types';

export type RequestKind = 'graphql' | 'rest';

interface PendingFault {
  readonly fault: Fault;
  readonly target: FaultTarget;
  remaining: number;
}

/**
 * Faults waiting for requests, applied first-in first-out, each to its next `times` matching requests; when none
 * waits, a seeded share of requests gets one of the random faults, if any were asked for.
 */
export class FaultQueue {
  private pending: PendingFault[] = [];
  private random: { readonly config: RandomFaults; readonly next: Random } | undefined;

  injectRandom(config: RandomFaults): void {
    if (!(config.share >= 0 && config.share <= 1)) throw new Error(`injectRandomFaults: share must be between 0 and 1, got ${config.share}`);
    if (config.faults.length === 0) throw new Error('injectRandomFaults: give at least one fault');
    this.random = { config, next: mulberry32(config.seed) };
  }

  inject(fault: Fault, times = 1, target: FaultTarget = 'any'): void {
    if (!Number.isInteger(times) || times < 1) throw new Error(`injectFault: times must be a whole number ≥ 1, got ${times}`);
    this.pending.push({ fault, target, remaining: times });
  }

  clear(): void {
    this.pending = [];
    this.random = undefined;
  }

  /** The fault the next request of this kind gets, if any (and counts it as used). */
  take(kind: RequestKind): Fault | undefined {
    const next = this.pending.find((pending) => targets(pending.target, kind));
    if (!next) return this.randomFault(kind);
    next.remaining--;
    if (next.remaining === 0) this.pending = this.pending.filter((pending) => pending !== next);
    return next.fault;
  }

  private randomFault(kind: RequestKind): Fault | undefined {
    if (!this.random || !targets(this.random.config.target ?? 'any', kind)) return undefined;
    return chance(this.random.next, this.random.config.share) ? pick(this.random.next, this.random.config.faults) : undefined;
  }
}

function targets(target: FaultTarget, kind: RequestKind): boolean {
  return target === 'any' || target === kind;
}
