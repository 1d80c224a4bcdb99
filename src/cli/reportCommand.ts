import { buildFacts } from '../community/metrics/facts';
import { resolveSettings, type PartialMetricSettings } from '../community/metrics/settings';
import { reportWindow } from '../community/metrics/window';
import type { Community } from '../community/model';
import type { People } from '../community/people';
import { computeReport } from '../community/report';
import { GITHUB_API_URL } from '../github/webLinks';
import { REPORT_FORMATS, type ReportFormatId } from '../report/formats';
import { UsageError } from './usage';

export type ReportCommandInput = PartialMetricSettings & {
  readonly community: Community;
  readonly people: People;
  /** Epoch ms; default `until` − `windowDays` (90). */
  readonly since?: number;
  /** Epoch ms; default now. */
  readonly until?: number;
  readonly format: ReportFormatId;
  /** The GitHub API URL the data came from (`--api-url`, or the stored snapshot's); default github.com. */
  readonly apiUrl?: string;
};

/**
 * `community-pulse report`: the text to print or write. `md` and `json` are the whole report
 * (json matches src/community/reportSchema.ts); `csv` is one row per discussion opened in the window.
 */
export async function reportCommand(input: ReportCommandInput): Promise<string> {
  const { community, people, since, until, format, apiUrl = GITHUB_API_URL, ...settings } = input;
  const window = windowOf(since, until, settings);
  const facts = buildFacts(community, people);
  return REPORT_FORMATS[format].render({ facts, window, report: () => computeReport(community, people, { ...window, settings }, facts), apiUrl });
}

function windowOf(since: number | undefined, until: number | undefined, settings: PartialMetricSettings) {
  try {
    return reportWindow({ since, until, windowDays: resolveSettings(settings).windowDays });
  } catch (error) {
    throw new UsageError(`--since/--until: ${(error as Error).message}`);
  }
}
