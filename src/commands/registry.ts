import * as vscode from 'vscode';
import type { Disposable } from '../shared/lifecycle';
import { chooseRepositoryCommand } from './chooseRepository';
import { chooseWindowCommand } from './chooseWindow';
import { copyLinkCommand } from './copyLink';
import { copyLoginCommand } from './copyLogin';
import { exportReportCommand } from './exportReport';
import { fullRecheckCommand } from './fullRecheck';
import { ignoreUserCommand } from './ignoreUser';
import { markMaintainerCommand } from './markMaintainer';
import { moveDamagedSnapshotAsideCommand } from './moveDamagedSnapshotAside';
import { openDashboardCommand } from './openDashboard';
import { openDiscussionCommand } from './openDiscussion';
import { openInBrowserCommand } from './openInBrowser';
import { openProfileCommand } from './openProfile';
import type { CommandFactory, CommandServices } from './pulseCommand';
import { refreshCommand } from './refresh';
import { showLogCommand } from './showLog';
import { showPersonCommand } from './showPerson';
import { signInCommand } from './signIn';
import { signInWithTokenCommand } from './signInWithToken';
import { signOutCommand } from './signOut';
import { snoozeDiscussionCommand } from './snoozeDiscussion';
import { wakeDiscussionCommand } from './wakeDiscussion';

/** Every command of package.json, one file each (test/unit/commands/registry.test.ts holds the two lists equal). */
export const COMMANDS: readonly CommandFactory[] = [
  refreshCommand,
  fullRecheckCommand,
  signInCommand,
  signInWithTokenCommand,
  signOutCommand,
  chooseRepositoryCommand,
  openInBrowserCommand,
  copyLinkCommand,
  showLogCommand,
  openDashboardCommand,
  chooseWindowCommand,
  exportReportCommand,
  openProfileCommand,
  copyLoginCommand,
  markMaintainerCommand,
  ignoreUserCommand,
  openDiscussionCommand,
  snoozeDiscussionCommand,
  wakeDiscussionCommand,
  showPersonCommand,
  moveDamagedSnapshotAsideCommand,
];

/** Registers every command with VS Code; the returned disposables unregister them. */
export function registerCommands(services: CommandServices): Disposable[] {
  return COMMANDS.map((create) => {
    const command = create(services);
    return vscode.commands.registerCommand(command.id, command.run);
  });
}
