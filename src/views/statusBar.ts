import * as vscode from 'vscode';
import type { TriageService } from '../controller/triageService';
import type { PulseController } from '../controller/pulseController';
import { asOfLabel } from '../shared/format';
import { focusViewCommand, VIEW_IDS } from '../shared/contributionIds';

/**
 * `$(comment-discussion) 7`: discussions needing a response (`… · as of 2023-03-31` for a past moment);
 * click focuses the Needs Response view. Reads the shared triage, not the windowed analysis, so it costs
 * no report when no view is open.
 */
export class NeedsResponseStatusBar implements vscode.Disposable {
  // eslint-disable-next-line no-restricted-syntax -- the status bar item's own id, which happens to read like the view's
  readonly item = vscode.window.createStatusBarItem('communityPulse.needsResponse', vscode.StatusBarAlignment.Left, 50);
  private readonly subscription: vscode.Disposable;

  constructor(
    controller: PulseController,
    private readonly needsResponse: TriageService,
  ) {
    this.item.name = 'Community Pulse: Needs Response';
    this.item.command = focusViewCommand(VIEW_IDS.needsResponse);
    this.subscription = controller.onDidChange(() => this.render());
    this.render();
  }

  render(): void {
    const snapshot = this.needsResponse.current;
    if (!snapshot) {
      this.item.hide();
      return;
    }
    const { noResponse, awaitingReply, unmarkedAnswer, total } = snapshot.counts;
    const asOf = asOfLabel(snapshot.asOf);
    const need = asOf ? (total === 1 ? 'discussion needed' : 'discussions needed') : total === 1 ? 'discussion needs' : 'discussions need';
    this.item.text = `$(comment-discussion) ${total}${asOf ? ` · ${asOf}` : ''}`;
    this.item.tooltip = [
      `${snapshot.repository}: ${total} ${need} a response${asOf ? ` ${asOf} (the communityPulse.asOf setting; not live data)` : ''}`,
      `${noResponse} no response · ${awaitingReply} author replied · ${unmarkedAnswer} answer not marked`,
      'Click to open Needs Response.',
    ].join('\n');
    this.item.accessibilityInformation = { label: `${total} ${need} a response${asOf ? ` ${asOf}` : ''}`, role: 'button' };
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
