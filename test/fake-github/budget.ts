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
    this.windowEndsMs ??= this.now() + HOUR_MS;
    this.used += points;
  }

  state(): BudgetState {
    this.roll();
    return {
      limit: this.limit,
      used: this.used,
      remaining: Math.max(0, this.limit - this.used),
      resetAtMs: this.windowEndsMs ?? this.now() + HOUR_MS,
    };
  }

  /** GitHub's `x-ratelimit-*` headers for this state. */
  headers(resource = 'graphql'): Record<string, string> {
    const state = this.state();
    return {
      'x-ratelimit-limit': String(state.limit),
      'x-ratelimit-remaining': String(state.remaining),
      'x-ratelimit-used': String(state.used),
      'x-ratelimit-reset': String(Math.ceil(state.resetAtMs / 1000)),
      'x-ratelimit-resource': resource,
    };
  }

  private roll(): void {
    if (this.windowEndsMs !== undefined && this.now() >= this.windowEndsMs) {
      this.used = 0;
      this.windowEndsMs = undefined;
    }
  }
}
