import type { Community } from '../community/model';
import type { People } from '../community/people';
import { computeReport } from '../community/report';
import { buildFacts } from '../community/metrics/facts';
import { discussionRows } from '../community/metrics/discussionRows';
import { resolveSettings, type PartialMetricSettings } from '../community/metrics/settings';
import { reportWindow } from '../community/metrics/window';
import { renderCsv } from '../report/csv';
import { renderMarkdown } from '../report/markdown';
import { UsageError } from './usage';

export type ReportFormat = 'md' | 'json' | 'csv';

export type ReportCommandInput = PartialMetricSettings & {
  readonly community: Community;
  readonly people: People;
  /** Epoch ms; default `until` − `windowDays` (90). */
  readonly since?: number;
  /** Epoch ms; default now. */
  readonly until?: number;
  readonly format: ReportFormat;
};

/**
 * `community-pulse report`: the text to print or write. `md` and `json` are the whole report
 * (json matches src/community/reportSchema.ts); `csv` is one row per discussion opened in the window.
 */
export async function reportCommand(input: ReportCommandInput): Promise<string> {
  const { community, people, since, until, format, ...settings } = input;
  const window = windowOf(since, until, settings);
  if (format === 'csv') return renderCsv(discussionRows(buildFacts(community, people), window));
  const report = computeReport(community, people, { ...window, settings });
  return format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderMarkdown(report);
}

function windowOf(since: number | undefined, until: number | undefined, settings: PartialMetricSettings) {
  try {
    return reportWindow({ since, until, windowDays: resolveSettings(settings).windowDays });
  } catch (error) {
    throw new UsageError(`--since/--until: ${(error as Error).message}`);
  }
}
