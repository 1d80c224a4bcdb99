import { homedir } from 'node:os';
import * as vscode from 'vscode';
import { discussionRows } from '../community/metrics/discussionRows';
import { renderCsv } from '../report/csv';
import { renderMarkdown } from '../report/markdown';
import { errorMessage } from '../shared/errorMessage';
import type { PulseAnalysis } from '../viewModels/analysis';
import type { CommandServices, PulseCommand } from './pulseCommand';
import { COMMAND_IDS } from '../shared/contributionIds';

interface ReportFormat {
  readonly id: 'md' | 'json' | 'csv';
  readonly label: string;
  readonly detail: string;
  readonly filter: Record<string, string[]>;
  render(analysis: PulseAnalysis): string;
}

/** The formats of `community-pulse report --format`, rendered by the CLI's own renderers from the views' analysis. */
const FORMATS: readonly ReportFormat[] = [
  {
    id: 'md',
    label: 'Markdown',
    detail: 'A report to paste into a discussion or an issue: headline with trends, response times, leaders, retention, categories',
    filter: { Markdown: ['md'] },
    render: (analysis) => renderMarkdown(analysis.report),
  },
  {
    id: 'json',
    label: 'JSON',
    detail: 'Every figure of the report, in the documented schema',
    filter: { JSON: ['json'] },
    render: (analysis) => `${JSON.stringify(analysis.report, null, 2)}\n`,
  },
  {
    id: 'csv',
    label: 'CSV',
    detail: 'One row per discussion opened in the window (response and answer times), for a spreadsheet',
    filter: { CSV: ['csv'] },
    render: (analysis) => renderCsv(discussionRows(analysis.facts, analysis.window)),
  },
];

/**
 * "Community Pulse: Export Report…": the report of the current window (and `asOf` moment) in a format the
 * user picks, written to a file they pick, then offered to open. Arguments (for tests and keybindings):
 * format id, then target URI; each is asked for when not given.
 */
export function exportReportCommand({ analysis }: CommandServices): PulseCommand {
  return {
    id: COMMAND_IDS.exportReport,
    run: async (formatId?: unknown, target?: unknown): Promise<vscode.Uri | undefined> => {
      const current = analysis.current;
      if (!current) {
        void vscode.window.showWarningMessage('Community Pulse: there is no data to export yet. Sign in, choose a repository and let the first sync finish.');
        return undefined;
      }
      const format =
        FORMATS.find((candidate) => candidate.id === formatId) ??
        (
          await vscode.window.showQuickPick(
            FORMATS.map((candidate) => ({ label: candidate.label, detail: candidate.detail, format: candidate })),
            { title: `Export Community Report: ${current.repository}, ${analysis.describeWindow()}`, placeHolder: 'Format' },
          )
        )?.format;
      if (!format) return undefined;
      const uri =
        target instanceof vscode.Uri
          ? target
          : await vscode.window.showSaveDialog({
              title: 'Export Community Report',
              saveLabel: 'Export',
              filters: format.filter,
              defaultUri: vscode.Uri.joinPath(
                vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(homedir()),
                `${current.repository.replace('/', '-')}-community-${current.report.window.until.slice(0, 10)}.${format.id}`,
              ),
            });
      if (!uri) return undefined;
      try {
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(format.render(current)));
      } catch (error) {
        const reason = errorMessage(error);
        void vscode.window.showErrorMessage(`Community Pulse: could not write the report to ${uri.fsPath}: ${reason}. Choose another place.`);
        return undefined;
      }
      const open = 'Open';
      void vscode.window.showInformationMessage(`Exported the ${current.repository} report (${format.label}) to ${uri.fsPath}.`, open).then((choice) => {
        if (choice === open) void vscode.window.showTextDocument(uri);
      });
      return uri;
    },
  };
}
