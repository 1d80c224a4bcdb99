import { summarizeTriage, type TriageSummary } from '../viewModels/triageSummary';
import type { PulseData } from './pulseController';

/**
 * The one triage of the current data: computed when first asked for after the data changed (a sync, a
 * settings change such as `asOf` or "Mark as Maintainer"), then shared by every reader (the Needs Response
 * view, the status bar, the dashboard).
 */
export class TriageService {
  private cache: { readonly data: PulseData; readonly summary: TriageSummary } | null = null;

  constructor(private readonly data: () => PulseData | null) {}

  /** null while there is no data (signed out with nothing stored, no repository, first sync running). */
  get current(): TriageSummary | null {
    const data = this.data();
    if (!data) return null;
    if (this.cache?.data !== data) this.cache = { data, summary: summarizeTriage(data) };
    return this.cache.summary;
  }
}
