import * as vscode from 'vscode';
import type { Discussion } from '../community/model';
import type { SnoozeChoice } from '../community/assist/snooze';
import { DisposableBase } from '../shared/lifecycle';
import type { PulseController } from './pulseController';
import { SnoozeStore, type SnoozeMemento, type SnoozeRules } from './snoozeStore';

/** What a snooze is and how it reads: the assist module's rules (src/community/assist). */
export interface SnoozePolicy<S> extends SnoozeRules<S> {
  /** A snooze of `discussion` begun at `now` by `viewer` (whose own posts do not wake it). */
  snoozeFor(choice: SnoozeChoice, discussion: Discussion, now: number, viewer: string): S;
  /** `until 2026-12-01 09:00 UTC`, `until someone else posts`. */
  label(snooze: S, now: number): string;
}

/** A snoozed discussion as Needs Response lists it. */
export interface SnoozedDiscussion {
  readonly discussion: Discussion;
  readonly label: string;
}

/**
 * The current repository's snoozes, for the Discussion view, the commands and Needs Response: begins them for the
 * signed-in viewer, wakes them, lists them, and fires `onDidChange` when one begins or ends (by itself included).
 */
export class DiscussionSnoozes<S> extends DisposableBase {
  private readonly store: SnoozeStore<S>;
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  /** The ids last listed, reused while nothing changed (triage reads them on every change of data). */
  private ids: ReadonlySet<string> | null = null;

  constructor(
    private readonly controller: PulseController,
    memento: SnoozeMemento,
    private readonly policy: SnoozePolicy<S>,
  ) {
    super();
    this.store = this.register(
      new SnoozeStore({
        memento,
        rules: policy,
        scope: () => {
          const data = controller.data;
          if (!data) return null;
          const byId = new Map(data.community.discussions.map((discussion) => [discussion.id, discussion]));
          return { apiUrl: data.settings.apiUrl, repository: data.repository, discussion: (id) => byId.get(id) };
        },
      }),
    );
    this.register(
      this.store.onDidChange(() => {
        this.ids = null;
        this.changed.fire();
      }),
    );
    // Someone posted (a sync, a merge): a snooze "until someone else posts" may have ended.
    this.register(controller.onDidChange(() => void this.store.prune()));
  }

  /** Node ids of the snoozed discussions of the current repository. */
  snoozedIds(): ReadonlySet<string> {
    this.ids ??= new Set(this.store.snoozed().keys());
    return this.ids;
  }

  /** The snoozed discussions that are in the stored data, with their wake-up label, soonest first. */
  list(now = Date.now()): SnoozedDiscussion[] {
    const discussions = this.controller.data?.community.discussions ?? [];
    const snoozed = this.store.snoozed();
    return discussions
      .filter((discussion) => snoozed.has(discussion.id))
      .map((discussion) => ({ discussion, snooze: snoozed.get(discussion.id)! }))
      .sort((a, b) => (this.policy.wakeAt(a.snooze) ?? Infinity) - (this.policy.wakeAt(b.snooze) ?? Infinity))
      .map(({ discussion, snooze }) => ({ discussion, label: this.policy.label(snooze, now) }));
  }

  labelOf(discussionId: string): string | null {
    const snooze = this.store.get(discussionId);
    return snooze === undefined ? null : this.policy.label(snooze, Date.now());
  }

  async snooze(discussionId: string, choice: SnoozeChoice): Promise<void> {
    const discussion = this.controller.data?.community.discussions.find((found) => found.id === discussionId);
    if (!discussion) return;
    const connection = await this.controller.connection();
    const viewer = (await connection?.viewerLogin().catch(() => null)) ?? '';
    await this.store.snooze(discussionId, this.policy.snoozeFor(choice, discussion, Date.now(), viewer));
  }

  wake(discussionId: string): Promise<void> {
    return this.store.wake(discussionId);
  }
}
