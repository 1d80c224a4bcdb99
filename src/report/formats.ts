import { discussionRows } from '../community/metrics/discussionRows';
import type { CommunityFacts } from '../community/metrics/facts';
import type { Window } from '../community/metrics/window';
import type { Report } from '../community/reportSchema';
import { renderCsv } from './csv';
import { renderMarkdown } from './markdown';

/**
 * The formats of a community report, shared by `community-pulse report --format` and the Export Report
 * command, so both write the same bytes for the same data and window.
 */

/** What a format renders from: the window's facts, and its report (computed only by the formats that need it). */
export interface ReportSource {
  readonly facts: CommunityFacts;
  readonly window: Window;
  readonly report: () => Report;
  /** The GitHub API URL the data came from: people link to their profiles on that host (GitHub Enterprise Server too). */
  readonly apiUrl: string;
}

export const REPORT_FORMAT_IDS = ['md', 'json', 'csv'] as const;
export type ReportFormatId = (typeof REPORT_FORMAT_IDS)[number];

export interface ReportFormat {
  readonly id: ReportFormatId;
  readonly label: string;
  /** What the format holds, in a sentence (the Export Report picker shows it). */
  readonly detail: string;
  /** The file name's extension, without the dot. */
  readonly extension: string;
  render(source: ReportSource): string;
}

export const REPORT_FORMATS: Readonly<Record<ReportFormatId, ReportFormat>> = {
  md: {
    id: 'md',
    label: 'Markdown',
    detail: 'A report to paste into a discussion or an issue: headline with trends, response times, leaders, retention, categories',
    extension: 'md',
    render: (source) => renderMarkdown(source.report(), { apiUrl: source.apiUrl }),
  },
  json: {
    id: 'json',
    label: 'JSON',
    detail: 'Every figure of the report, in the documented schema',
    extension: 'json',
    render: (source) => `${JSON.stringify(source.report(), null, 2)}\n`,
  },
  csv: {
    id: 'csv',
    label: 'CSV',
    detail: 'One row per discussion opened in the window (response and answer times), for a spreadsheet',
    extension: 'csv',
    render: (source) => renderCsv(discussionRows(source.facts, source.window)),
  },
};
