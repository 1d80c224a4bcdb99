import * as vscode from 'vscode';
import type { PulseController, PulseData } from '../controller/pulseController';
import type { WindowChoice } from '../shared/timeWindow';
import { analyze, type PulseAnalysis } from './pulseAnalysis';
import type { WindowSelection } from './windowSelection';

/**
 * The one place the engine runs for the views: the analysis of the current data and window, computed
 * when first asked for and kept until the data (a sync, a settings change such as "Mark as Maintainer")
 * or the window changes. Every view and the dashboard read it, so a figure is computed once.
 */
export class AnalysisService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** The data or the window changed: read `current` again. */
  readonly onDidChange = this.changed.event;
  private cache: { data: PulseData; choice: WindowChoice; analysis: PulseAnalysis } | null = null;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly controller: PulseController,
    readonly windowSelection: WindowSelection,
    private readonly log: vscode.LogOutputChannel,
    private readonly clock: () => number = Date.now,
  ) {
    this.subscriptions = [controller.onDidChange(() => this.changedIfStale()), windowSelection.onDidChange(() => this.changedIfStale())];
  }

  /** The analysis, or null while there is no data (signed out, no repository, first sync running). */
  get current(): PulseAnalysis | null {
    const data = this.controller.data;
    if (!data) return null;
    const choice = this.windowSelection.choice;
    if (this.cache?.data === data && this.cache.choice === choice) return this.cache.analysis;
    const started = performance.now();
    const analysis = analyze(data, choice, this.clock());
    this.log.debug(`Computed the ${choice}-day analysis of ${data.repository} in ${Math.round(performance.now() - started)} ms.`);
    this.cache = { data, choice, analysis };
    return analysis;
  }

  private changedIfStale(): void {
    const fresh = this.cache?.data === this.controller.data && this.cache?.choice === this.windowSelection.choice;
    if (!fresh) {
      this.cache = null;
      this.changed.fire();
    }
  }

  dispose(): void {
    this.changed.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
