import * as vscode from 'vscode';
import { TRIAGE_BUCKETS, triage } from '../community/triage';
import type { PulseController } from '../controller/pulseController';

/**
 * `$(comment-discussion) 7`: discussions needing a response now; click focuses the Needs Response view.
 * Reads the engine's triage, not the windowed analysis, so it costs no report when no view is open.
 */
export class NeedsResponseStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('communityPulse.needsResponse', vscode.StatusBarAlignment.Left, 50);
  private readonly subscription: vscode.Disposable;

  constructor(private readonly controller: PulseController) {
    this.item.name = 'Community Pulse: Needs Response';
    this.item.command = 'communityPulse.needsResponse.focus';
    this.subscription = controller.onDidChange(() => this.render());
    this.render();
  }

  render(): void {
    const data = this.controller.data;
    if (!data) {
      this.item.hide();
      return;
    }
    const result = triage(data.community, data.people, { now: Date.now(), staleDays: data.settings.staleDays });
    const counts = TRIAGE_BUCKETS.map((bucket) => result[bucket].length);
    const total = counts.reduce((sum, count) => sum + count, 0);
    this.item.text = `$(comment-discussion) ${total}`;
    this.item.tooltip = [
      `${data.repository}: ${total} ${total === 1 ? 'discussion needs' : 'discussions need'} a response`,
      `${counts[0]} no response · ${counts[1]} author replied · ${counts[2]} answer not marked`,
      'Click to open Needs Response.',
    ].join('\n');
    this.item.accessibilityInformation = { label: `${total} discussions need a response`, role: 'button' };
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
