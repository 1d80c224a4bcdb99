import { MINUTE_MS } from '../shared/time';
import * as vscode from 'vscode';
import type { TriageService } from '../controller/triageService';
import type { PulseController } from '../controller/pulseController';
import { VIEW_IDS } from '../shared/contributionIds';
import { DisposableBase } from '../shared/lifecycle';
import { buildNeedsResponseModel, describeStatus } from '../viewModels/needsResponse';
import type { Snooze } from '../community/assist/snooze';
import type { DiscussionSnoozes } from '../controller/discussionSnoozes';
import { NeedsResponseTreeProvider, type NeedsResponseNode, type SnoozedRowNode } from './needsResponseTree';

/**
 * The "Needs Response" view: the shared triage of the controller's data as a tree, with the badge
 * (total) and the message ("synced 3 min ago", the as-of moment, or why the data may be stale) current.
 */
export class NeedsResponseView extends DisposableBase {
  readonly provider = this.register(new NeedsResponseTreeProvider());
  readonly view: vscode.TreeView<NeedsResponseNode>;
  private clock: ReturnType<typeof setInterval> | undefined;
  /** Discussions in the tree now. */
  private listed = 0;

  constructor(
    private readonly controller: PulseController,
    private readonly needsResponse: TriageService,
    private readonly snoozes: DiscussionSnoozes<Snooze>,
  ) {
    super();
    this.view = this.register(vscode.window.createTreeView(VIEW_IDS.needsResponse, { treeDataProvider: this.provider, showCollapseAll: true }));
    this.register(controller.onDidChange(() => this.render()));
    this.register(snoozes.onDidChange(() => this.render()));
    this.register(this.view.onDidChangeVisibility(() => this.updateClock()));
    this.register({ dispose: () => this.stopClock() });
    this.render();
    this.updateClock();
  }

  private render(): void {
    const data = this.controller.data;
    const snapshot = this.needsResponse.current;
    const model =
      data && snapshot
        ? buildNeedsResponseModel(snapshot.triage, {
            now: snapshot.now,
            asOf: snapshot.asOf,
            staleDays: data.settings.staleDays,
            responseTargetHours: data.settings.responseTargetHours,
            partial: snapshot.partial,
          })
        : null;
    const snoozed = data
      ? this.snoozes.list().map(({ discussion, label }): SnoozedRowNode => ({
          kind: 'snoozed',
          id: discussion.id,
          number: discussion.number,
          title: discussion.title,
          url: discussion.url,
          wakeLabel: label,
        }))
      : [];
    this.provider.update(model, snoozed);
    this.listed = model?.total ?? 0;
    this.view.badge = this.listed > 0 ? { value: this.listed, tooltip: model!.badgeTooltip } : undefined;
    this.describeStatus();
  }

  /**
   * The message above the rows: what is wrong if anything, else which repository and how fresh the data is.
   * (Not the view description: VS Code hides it while the container shows a single view.) An empty tree gets
   * no message, because VS Code then hides the welcome text, whose buttons say what to do in each state.
   */
  private describeStatus(): void {
    const data = this.controller.data;
    this.view.message =
      this.listed === 0 || !data
        ? undefined
        : describeStatus(data.repository, data.settings.asOf, Date.now(), data.lastSyncAt, { partial: data.partial, problem: this.controller.problem });
  }

  /** "synced 3 min ago" ages: re-describe every minute while the view is visible. */
  private updateClock(): void {
    if (this.view.visible && this.clock === undefined) {
      this.describeStatus();
      this.clock = setInterval(() => this.describeStatus(), MINUTE_MS);
    } else if (!this.view.visible) {
      this.stopClock();
    }
  }

  private stopClock(): void {
    clearInterval(this.clock);
    this.clock = undefined;
  }

  /** The discussion a command acts on: its argument (context menu, click) or else the selection (keybinding). */
  target(argument: unknown): NeedsResponseNode | undefined {
    if (isNode(argument)) return argument;
    return this.view.selection[0];
  }
}

function isNode(value: unknown): value is NeedsResponseNode {
  return (
    typeof value === 'object' &&
    value !== null &&
    'kind' in value &&
    (value.kind === 'section' || value.kind === 'discussion' || value.kind === 'snoozedGroup' || value.kind === 'snoozed')
  );
}
