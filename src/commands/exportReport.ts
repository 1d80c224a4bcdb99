import { homedir } from 'node:os';
import * as vscode from 'vscode';
import { GITHUB_API_URL } from '../github/webLinks';
import { REPORT_FORMATS, type ReportFormat } from '../report/formats';
import { errorMessage } from '../shared/errorMessage';
import { formatDate } from '../shared/format';
import type { CommandServices, PulseCommand } from './pulseCommand';
import { COMMAND_IDS } from '../shared/contributionIds';

const FORMATS: readonly ReportFormat[] = Object.values(REPORT_FORMATS);

/**
 * "Community Pulse: Export Report…": the report of the current window (and `asOf` moment) in a format the
 * user picks, written to a file they pick, then offered to open. Arguments (for tests and keybindings):
 * format id, then target URI; each is asked for when not given.
 */
export function exportReportCommand({ analysis, controller }: CommandServices): PulseCommand {
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
              filters: { [format.label]: [format.extension] },
              defaultUri: vscode.Uri.joinPath(
                vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(homedir()),
                `${current.repository.replace('/', '-')}-community-${formatDate(current.report.window.until)}.${format.extension}`,
              ),
            });
      if (!uri) return undefined;
      try {
        await vscode.workspace.fs.writeFile(
          uri,
          new TextEncoder().encode(
            // The API URL the data was synced from: people link to their profiles on that GitHub.
            format.render({
              facts: current.facts,
              window: current.window,
              report: () => current.report,
              apiUrl: controller.data?.settings.apiUrl ?? GITHUB_API_URL,
            }),
          ),
        );
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
