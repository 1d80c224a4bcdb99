import * as vscode from 'vscode';
import type { RepoRef } from '../github/contracts';
import { detectWorkspaceRepositories } from '../repository/workspaceRemotes';
import { formatRepoRef, parseRepoRef } from '../github/repoRef';
import { readSettings } from '../settings/readSettings';
import type { CommandServices, PulseCommand } from './pulseCommand';
import { COMMAND_IDS } from '../shared/contributionIds';

interface RepositoryPick extends vscode.QuickPickItem {
  readonly repository: RepoRef | null;
}

/** Picks the repository among the workspace's git remotes, or any `owner/name`; remembered for this workspace. */
export function chooseRepositoryCommand({ controller, chosenRepository }: CommandServices): PulseCommand {
  return {
    id: COMMAND_IDS.chooseRepository,
    run: async () => {
      const { settings } = readSettings();
      const detected = await detectWorkspaceRepositories(settings.apiUrl);
      const current = settings.repository ?? chosenRepository.get() ?? detected[0]?.repository ?? null;
      const picks: RepositoryPick[] = [
        ...detected.map(({ repository, remote }) => ({
          label: formatRepoRef(repository),
          description: `git remote ${remote}`,
          ...(current && formatRepoRef(current) === formatRepoRef(repository) && { detail: 'Current' }),
          repository,
        })),
        { label: '$(edit) Enter owner/name…', repository: null, alwaysShow: true },
      ];
      const picked =
        detected.length === 0
          ? picks[0]
          : await vscode.window.showQuickPick(picks, { title: 'Community Pulse: Choose Repository', placeHolder: 'Repository whose Discussions to follow' });
      if (!picked) return;
      const repository = picked.repository ?? (await askForRepository(current));
      if (!repository) return;
      await chosenRepository.set(repository);
      if (settings.repository && formatRepoRef(settings.repository) !== formatRepoRef(repository)) {
        const choice = await vscode.window.showWarningMessage(
          `The communityPulse.repository setting (${formatRepoRef(settings.repository)}) takes precedence over your choice. Clear it to follow ${formatRepoRef(repository)}.`,
          'Open Settings',
        );
        if (choice) await vscode.commands.executeCommand('workbench.action.openSettings', 'communityPulse.repository');
        return;
      }
      await controller.sync('incremental', { userInitiated: true });
    },
  };
}

async function askForRepository(current: RepoRef | null): Promise<RepoRef | null> {
  const text = await vscode.window.showInputBox({
    title: 'Community Pulse: Choose Repository',
    prompt: 'The GitHub repository as owner/name',
    placeHolder: 'payloadcms/payload',
    value: current ? formatRepoRef(current) : '',
    ignoreFocusOut: true,
    validateInput: (value) => (parseRepoRef(value) ? null : 'Enter owner/name, for example payloadcms/payload'),
  });
  return text === undefined ? null : parseRepoRef(text);
}
