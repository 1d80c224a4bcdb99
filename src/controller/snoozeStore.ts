import type { Discussion } from '../community/model';
import type { Disposable } from '../shared/lifecycle';

/** The slice of VS Code's `Memento` the store uses (the extension's globalState: it survives restarts, never synced to GitHub). */
export interface SnoozeMemento {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

/** What a snooze means, given by the assist module (src/community/assist): the store only keeps them. */
export interface SnoozeRules<S> {
  /** Whether a stored value is a snooze (a value written by another version is dropped, never trusted). */
  isSnooze(value: unknown): value is S;
  /** The snooze has ended at `now`: its date passed, or someone else posted in the discussion. */
  isAwake(snooze: S, discussion: Discussion, now: number): boolean;
  /** When it ends by the clock (epoch ms); null for one that waits for activity only. */
  wakeAt(snooze: S): number | null;
}

/** The repository snoozes are kept for now, and its discussions (to judge "until someone else posts"). */
export interface SnoozeScope {
  readonly apiUrl: string;
  readonly repository: string;
  /** The stored discussions by node id; a snoozed discussion missing from them stays snoozed. */
  discussion(id: string): Discussion | undefined;
}

export interface SnoozeStoreOptions<S> {
  readonly memento: SnoozeMemento;
  readonly rules: SnoozeRules<S>;
  /** null while there is no data (signed out with nothing stored, no repository). */
  readonly scope: () => SnoozeScope | null;
  readonly clock?: () => number;
}

/**
 * Local snoozes, per API and repository, in the extension's globalState (so they survive restarts and follow no
 * workspace). A snooze that has ended is removed by itself: `prune` runs when the data changes (someone posted)
 * and on a timer set for the next wake-up time; listeners hear each change, so Needs Response shows it again.
 */
export class SnoozeStore<S> implements Disposable {
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly clock: () => number;

  constructor(private readonly options: SnoozeStoreOptions<S>) {
    this.clock = options.clock ?? Date.now;
  }

  onDidChange(listener: () => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** The current repository's snoozes that have not ended, by discussion node id. */
  snoozed(): ReadonlyMap<string, S> {
    const scope = this.options.scope();
    if (!scope) return new Map();
    const now = this.clock();
    const entries = Object.entries(this.read(scope)).filter(([id, snooze]) => !this.ended(scope, id, snooze, now));
    return new Map(entries);
  }

  get(discussionId: string): S | undefined {
    return this.snoozed().get(discussionId);
  }

  async snooze(discussionId: string, snooze: S): Promise<void> {
    const scope = this.options.scope();
    if (!scope) return;
    await this.write(scope, { ...this.read(scope), [discussionId]: snooze });
  }

  async wake(discussionId: string): Promise<void> {
    const scope = this.options.scope();
    if (!scope) return;
    const { [discussionId]: woken, ...rest } = this.read(scope);
    if (woken !== undefined) await this.write(scope, rest);
  }

  /** Removes the snoozes that have ended (and any stored value that is no snooze), and sets the timer for the next. */
  async prune(): Promise<void> {
    const scope = this.options.scope();
    if (!scope) {
      this.schedule(null);
      return;
    }
    const stored = this.options.memento.get<Record<string, unknown>>(keyOf(scope)) ?? {};
    const kept = this.snoozed();
    if (Object.keys(stored).length !== kept.size) await this.write(scope, Object.fromEntries(kept));
    else this.schedule(scope);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.listeners.clear();
  }

  private ended(scope: SnoozeScope, id: string, snooze: S, now: number): boolean {
    const wakeAt = this.options.rules.wakeAt(snooze);
    if (wakeAt !== null && wakeAt <= now) return true;
    const discussion = scope.discussion(id);
    return discussion !== undefined && this.options.rules.isAwake(snooze, discussion, now);
  }

  private read(scope: SnoozeScope): Record<string, S> {
    const stored = this.options.memento.get<Record<string, unknown>>(keyOf(scope)) ?? {};
    const snoozes: Record<string, S> = {};
    for (const [id, value] of Object.entries(stored)) if (this.options.rules.isSnooze(value)) snoozes[id] = value;
    return snoozes;
  }

  private async write(scope: SnoozeScope, snoozes: Record<string, S>): Promise<void> {
    await this.options.memento.update(keyOf(scope), Object.keys(snoozes).length > 0 ? snoozes : undefined);
    this.schedule(scope);
    for (const listener of [...this.listeners]) listener();
  }

  /** One timer, at the earliest wake-up time of the current repository's snoozes. */
  private schedule(scope: SnoozeScope | null): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!scope) return;
    const times = Object.values(this.read(scope))
      .map((snooze) => this.options.rules.wakeAt(snooze))
      .filter((time): time is number => time !== null);
    if (times.length === 0) return;
    // setTimeout holds at most ~24.8 days; a later wake-up is re-checked then.
    const delay = Math.min(Math.max(0, Math.min(...times) - this.clock()), MAX_TIMER_MS);
    this.timer = setTimeout(() => void this.prune(), delay);
  }
}

const MAX_TIMER_MS = 2_147_483_647;

function keyOf(scope: SnoozeScope): string {
  return `communityPulse.snoozes:${`${scope.apiUrl} ${scope.repository}`.toLowerCase()}`;
}
