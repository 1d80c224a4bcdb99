import * as vscode from 'vscode';
import type { TriageService } from '../controller/triageService';
import type { PulseController } from '../controller/pulseController';
import { TRIAGE_BUCKETS } from '../community/triage';
import { focusViewCommand, VIEW_IDS } from '../shared/contributionIds';
import { asOfLabel, formatCount } from '../shared/format';
import { DisposableBase } from '../shared/lifecycle';
import { BUCKET_LABELS } from '../report/figures';
import { needResponse } from '../viewModels/needsResponse';

/**
 * `$(comment-discussion) 7`: discussions needing a response (`… · as of 2023-03-31` for a past moment);
 * click focuses the Needs Response view. Reads the shared triage, not the windowed analysis, so it costs
 * no report when no view is open.
 */
export class NeedsResponseStatusBar extends DisposableBase {
  // eslint-disable-next-line no-restricted-syntax -- the status bar item's own id (VS Code remembers by it whether the user hid the item), not the view's
  readonly item = vscode.window.createStatusBarItem('communityPulse.needsResponse', vscode.StatusBarAlignment.Left, 50);

  constructor(
    controller: PulseController,
    private readonly needsResponse: TriageService,
  ) {
    super();
    this.register(this.item);
    this.item.name = 'Community Pulse: Needs Response';
    this.item.command = focusViewCommand(VIEW_IDS.needsResponse);
    this.register(controller.onDidChange(() => this.render()));
    this.render();
  }

  render(): void {
    const snapshot = this.needsResponse.current;
    if (!snapshot) {
      this.item.hide();
      return;
    }
    const { counts } = snapshot;
    const asOf = asOfLabel(snapshot.asOf);
    const need = needResponse(counts.total, snapshot.asOf);
    this.item.text = `$(comment-discussion) ${formatCount(counts.total)}${asOf ? ` · ${asOf}` : ''}`;
    this.item.tooltip = [
      `${snapshot.repository}: ${need}${asOf ? ` ${asOf} (the communityPulse.asOf setting; not live data)` : ''}`,
      TRIAGE_BUCKETS.map((bucket) => `${formatCount(counts[bucket])} ${BUCKET_LABELS[bucket].toLowerCase()}`).join(' · '),
      'Click to open Needs Response.',
    ].join('\n');
    this.item.accessibilityInformation = { label: `${need}${asOf ? ` ${asOf}` : ''}`, role: 'button' };
    this.item.show();
  }
}
