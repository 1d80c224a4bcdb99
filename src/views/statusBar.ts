import * as vscode from 'vscode';
import type { TriageService } from '../controller/triageService';
import type { PulseController } from '../controller/pulseController';
import { focusViewCommand, VIEW_IDS } from '../shared/contributionIds';
import { DisposableBase } from '../shared/lifecycle';
import { statusBarLook } from '../viewModels/statusBar';

/**
 * `$(comment-discussion) 7`: discussions needing a response (`… · as of 2023-03-31` for a past moment, `… · partial:
 * 4,200 of 20,000 discussions` while the first sync runs);
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
    const look = statusBarLook(snapshot);
    this.item.text = look.text;
    this.item.tooltip = look.tooltip;
    this.item.accessibilityInformation = { label: look.accessibilityLabel, role: 'button' };
    this.item.show();
  }
}
