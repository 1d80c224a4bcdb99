import { summarizeTriage, type TriageSummary } from '../viewModels/triageSummary';
import type { PulseData } from './pulseController';

/**
 * The one triage of the current data: computed when first asked for after the data changed (a sync, a
 * settings change such as `asOf` or "Mark as Maintainer"), then shared by every reader (the Needs Response
 * view, the status bar, the dashboard).
 */
export class TriageService {
  private cache: { readonly data: PulseData; readonly summary: TriageSummary } | null = null;

  /** `hidden`: the discussions left out (snoozed), by node id. */
  constructor(
    private readonly data: () => PulseData | null,
    private readonly hidden: () => ReadonlySet<string> = () => new Set(),
  ) {}

  /** null while there is no data (signed out with nothing stored, no repository, first sync running). */
  get current(): TriageSummary | null {
    const data = this.data();
    if (!data) return null;
    if (this.cache?.data !== data) this.cache = { data, summary: summarizeTriage(data, this.hidden()) };
    return this.cache.summary;
  }

  /** The hidden discussions changed (a snooze began or ended): triage again when next asked. */
  invalidate(): void {
    this.cache = null;
  }
}
