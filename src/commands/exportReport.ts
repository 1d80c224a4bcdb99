import { homedir } from 'node:os';
import * as vscode from 'vscode';
import type { Report } from '../community/reportSchema';
import type { PulseAnalysis } from '../views/pulseAnalysis';
import type { InsightServices } from './insightServices';
import type { PulseCommand } from './pulseCommand';

interface ReportFormat {
  readonly id: 'md' | 'json' | 'csv';
  readonly label: string;
  readonly detail: string;
  readonly filter: Record<string, string[]>;
  render(analysis: PulseAnalysis): string;
}

const FORMATS: readonly ReportFormat[] = [
  {
    id: 'json',
    label: 'JSON',
    detail: 'Every figure of the report, in the documented schema',
    filter: { JSON: ['json'] },
    render: (analysis) => `${JSON.stringify(analysis.report satisfies Report, null, 2)}\n`,
  },
];

/**
 * "Community Pulse: Export Report": the report of the current window (issue #3's renderers) written to a
 * file the user picks. Arguments (for tests and keybindings): format id, then target URI.
 */
export function exportReportCommand({ analysis }: InsightServices): PulseCommand {
  return {
    id: 'communityPulse.exportReport',
    run: async (formatId?: unknown, target?: unknown): Promise<vscode.Uri | undefined> => {
      const current = analysis.current;
      if (!current) {
        void vscode.window.showWarningMessage('Community Pulse: there is no data to export yet. Sign in, choose a repository and let the first sync finish.');
        return undefined;
      }
      const format =
        FORMATS.find((candidate) => candidate.id === formatId) ??
        (await vscode.window.showQuickPick(
          FORMATS.map((candidate) => ({ label: candidate.label, detail: candidate.detail, format: candidate })),
          { title: 'Export Community Report', placeHolder: 'Format' },
        ))?.format;
      if (!format) return undefined;
      const uri =
        target instanceof vscode.Uri
          ? target
          : await vscode.window.showSaveDialog({
              title: 'Export Community Report',
              filters: format.filter,
              defaultUri: vscode.Uri.joinPath(
                vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(homedir()),
                `${current.repository.replace('/', '-')}-community-${current.report.window.until.slice(0, 10)}.${format.id}`,
              ),
            });
      if (!uri) return undefined;
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(format.render(current)));
      const open = 'Open';
      void vscode.window.showInformationMessage(`Exported the ${current.repository} report to ${uri.fsPath}.`, open).then((choice) => {
        if (choice === open) void vscode.window.showTextDocument(uri);
      });
      return uri;
    },
  };
}
