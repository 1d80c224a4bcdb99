import { TRIAGE_BUCKETS } from '../community/triage';
import { BUCKET_LABELS } from '../report/figures';
import { asOfLabel, formatCount } from '../shared/format';
import { describePartial } from '../shared/partialSnapshot';
import { needResponse } from './needsResponse';
import type { TriageSummary } from './triageSummary';

/** What the Needs Response status bar item shows of the shared triage. */
export interface StatusBarLook {
  /** `$(comment-discussion) 7`, then `· as of 2023-03-31` for a past moment, `· partial: 4,200 of 20,000 discussions`. */
  readonly text: string;
  readonly tooltip: string;
  readonly accessibilityLabel: string;
}

export function statusBarLook(summary: TriageSummary): StatusBarLook {
  const { counts } = summary;
  const asOf = asOfLabel(summary.asOf);
  const need = needResponse(counts.total, summary.asOf);
  const partial = summary.partial && describePartial(summary.partial, { brief: true });
  return {
    text: [`$(comment-discussion) ${formatCount(counts.total)}`, asOf, partial].filter((part) => part !== undefined && part !== null).join(' · '),
    tooltip: [
      ...(summary.partial ? [`${describePartial(summary.partial)}: the first sync has not finished, so these counts are not complete.`] : []),
      `${summary.repository}: ${need}${asOf ? ` ${asOf} (the communityPulse.asOf setting; not live data)` : ''}`,
      TRIAGE_BUCKETS.map((bucket) => `${formatCount(counts[bucket])} ${BUCKET_LABELS[bucket].toLowerCase()}`).join(' · '),
      'Click to open Needs Response.',
    ].join('\n'),
    accessibilityLabel: [need, asOf, partial].filter((part) => part !== undefined && part !== null).join(', '),
  };
}
