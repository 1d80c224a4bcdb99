import * as vscode from 'vscode';
import type { PulseController, PulseData } from './pulseController';
import { errorMessage } from '../shared/errorMessage';
import { DisposableBase } from '../shared/lifecycle';
import { windowLabel, type WindowChoice } from '../shared/timeWindow';
import { withAsOf } from '../shared/format';
import type { PartialSnapshot } from '../shared/partialSnapshot';
import { analyze, type PulseAnalysis } from '../viewModels/analysis';
import type { WindowSelection } from './windowSelection';

/**
 * The one place the engine runs for the views: the analysis of the current data and window, computed
 * as soon as the data (a sync, a settings change such as "Mark as Maintainer" or `asOf`) or the window
 * changes, and kept until they change again. Every view and the dashboard read it, so a figure is
 * computed once, and opening the dashboard does not wait for it.
 */
export class AnalysisService extends DisposableBase {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** The data or the window changed: read `current` again. */
  readonly onDidChange = this.changed.event;
  /** The analyses of the current data, by window: going back to a window already seen is immediate. */
  private cache: { data: PulseData; analyses: Map<WindowChoice, PulseAnalysis> } | null = null;
  /** The data and window `onDidChange` last announced. */
  private announced: { data: PulseData | null; choice: WindowChoice } | null = null;
  private pendingComputation: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly controller: PulseController,
    readonly windowSelection: WindowSelection,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this.register(controller.onDidChange(() => this.changedIfStale()));
    this.register(windowSelection.onDidChange(() => this.changedIfStale()));
    this.register({ dispose: () => clearTimeout(this.pendingComputation) });
  }

  /** The analysis, or null while there is no data (signed out, no repository, first sync running). */
  get current(): PulseAnalysis | null {
    const data = this.controller.data;
    if (!data) return null;
    const choice = this.windowSelection.choice;
    if (this.cache?.data !== data) this.cache = { data, analyses: new Map() };
    const known = this.cache.analyses.get(choice);
    if (known) return known;
    const started = performance.now();
    // The window ends at the data's moment (communityPulse.asOf, else when it was loaded), like triage.
    const analysis = analyze(data, choice, data.now);
    this.log.debug(`Computed the ${choice}-day analysis of ${data.repository} in ${Math.round(performance.now() - started)} ms.`);
    this.cache.analyses.set(choice, analysis);
    return analysis;
  }

  /** `communityPulse.asOf` of the current data: the views say "as of" it; null when they show now. */
  get asOf(): number | null {
    return this.controller.data?.settings.asOf ?? null;
  }

  /** How much of the repository the data holds while no sync pass has completed; null when complete or no data. */
  get partial(): PartialSnapshot | null {
    return this.controller.data?.partial ?? null;
  }

  /** The configured API URL of the current data: links are built from it and checked against it; null without data. */
  get apiUrl(): string | null {
    return this.controller.data?.settings.apiUrl ?? null;
  }

  /** `Last 90 days`, or `Last 90 days · as of 2023-03-31`: the views' description; undefined while there is no data. */
  describeWindow(): string | undefined {
    return this.controller.data ? withAsOf(windowLabel(this.windowSelection.choice), this.asOf) : undefined;
  }

  private changedIfStale(): void {
    const data = this.controller.data;
    const choice = this.windowSelection.choice;
    if (this.announced?.data === data && this.announced.choice === choice) return;
    this.announced = { data, choice };
    if (this.cache?.data !== data) this.cache = null;
    this.changed.fire();
    this.computeSoon();
  }

  /** After this turn, so whatever the change redraws first (the Needs Response tree, the status bar) is not held up. */
  private computeSoon(): void {
    clearTimeout(this.pendingComputation);
    this.pendingComputation = setTimeout(() => {
      this.pendingComputation = undefined;
      try {
        void this.current;
      } catch (error) {
        // The views ask again when they draw, and show the failure there.
        this.log.error(`Computing the analysis failed: ${errorMessage(error)}`);
      }
    }, 0);
  }
}
