const HOUR_MS = 3_600_000;

export interface BudgetState {
  limit: number;
  used: number;
  remaining: number;
  /** Epoch ms at which the window resets. */
  resetAtMs: number;
}

/** GitHub's hourly GraphQL points window: it opens with the first charged query and lasts an hour. */
export class PointsBudget {
  private used = 0;
  private windowEndsMs: number | undefined;

  constructor(
    private readonly limit: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** False when charging `points` would overspend the window. */
  canAfford(points: number): boolean {
    this.roll();
    return this.used + points <= this.limit;
  }

  charge(points: number): void {
    this.roll();
    this.windowEndsMs ??= this.nextWindowEnd();
    this.used += points;
  }

  state(): BudgetState {
    this.roll();
    return {
      limit: this.limit,
      used: this.used,
      remaining: Math.max(0, this.limit - this.used),
      resetAtMs: this.windowEndsMs ?? this.nextWindowEnd(),
    };
  }

  /** GitHub's `x-ratelimit-*` headers for this state. */
  headers(resource = 'graphql'): Record<string, string> {
    const state = this.state();
    return {
      'x-ratelimit-limit': String(state.limit),
      'x-ratelimit-remaining': String(state.remaining),
      'x-ratelimit-used': String(state.used),
      'x-ratelimit-reset': String(state.resetAtMs / 1000),
      'x-ratelimit-resource': resource,
    };
  }

  /** In whole seconds, as GitHub reports it in `x-ratelimit-reset` and `resetAt`. */
  private nextWindowEnd(): number {
    return Math.ceil((this.now() + HOUR_MS) / 1000) * 1000;
  }

  private roll(): void {
    if (this.windowEndsMs !== undefined && this.now() >= this.windowEndsMs) {
      this.used = 0;
      this.windowEndsMs = undefined;
    }
  }
}
