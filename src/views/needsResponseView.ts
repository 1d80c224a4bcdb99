import * as vscode from 'vscode';
import type { TriageService } from '../controller/triageService';
import type { PulseController } from '../controller/pulseController';
import { VIEW_IDS } from '../shared/contributionIds';
import { buildNeedsResponseModel, describeStatus } from '../viewModels/needsResponse';
import { NeedsResponseTreeProvider, type NeedsResponseNode } from './needsResponseTree';

export const NEEDS_RESPONSE_VIEW_ID = VIEW_IDS.needsResponse;

/**
 * The "Needs Response" view: the shared triage of the controller's data as a tree, with the badge
 * (total) and the message ("synced 3 min ago", the as-of moment, or why the data may be stale) current.
 */
export class NeedsResponseView implements vscode.Disposable {
  readonly provider = new NeedsResponseTreeProvider();
  readonly view: vscode.TreeView<NeedsResponseNode>;
  private readonly subscriptions: vscode.Disposable[];
  private clock: ReturnType<typeof setInterval> | undefined;
  /** Discussions in the tree now. */
  private listed = 0;

  constructor(
    private readonly controller: PulseController,
    private readonly needsResponse: TriageService,
  ) {
    this.view = vscode.window.createTreeView(NEEDS_RESPONSE_VIEW_ID, { treeDataProvider: this.provider, showCollapseAll: true });
    this.subscriptions = [
      this.provider,
      this.view,
      controller.onDidChange(() => this.render()),
      this.view.onDidChangeVisibility(() => this.updateClock()),
    ];
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
          })
        : null;
    this.provider.update(model);
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
        : (this.controller.problem ?? describeStatus(data.repository, data.settings.asOf, Date.now(), data.lastSyncAt));
  }

  /** "synced 3 min ago" ages: re-describe every minute while the view is visible. */
  private updateClock(): void {
    if (this.view.visible && this.clock === undefined) {
      this.describeStatus();
      this.clock = setInterval(() => this.describeStatus(), 60_000);
    } else if (!this.view.visible && this.clock !== undefined) {
      clearInterval(this.clock);
      this.clock = undefined;
    }
  }

  /** The discussion a command acts on: its argument (context menu, click) or else the selection (keybinding). */
  target(argument: unknown): NeedsResponseNode | undefined {
    if (isNode(argument)) return argument;
    return this.view.selection[0];
  }

  dispose(): void {
    if (this.clock !== undefined) clearInterval(this.clock);
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

function isNode(value: unknown): value is NeedsResponseNode {
  return typeof value === 'object' && value !== null && 'kind' in value && (value.kind === 'section' || value.kind === 'discussion');
}
