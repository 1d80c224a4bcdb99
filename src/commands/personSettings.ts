import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../settings/schema';

/**
 * Adds a login to a list setting (`maintainers`, `ignoreUsers`) where the user keeps it: the workspace
 * when one is open (the team shares it), else the user settings. The controller reloads on the change,
 * and every view recomputes.
 */
export async function addLoginToSetting(key: 'maintainers' | 'ignoreUsers', login: string): Promise<boolean> {
  const configuration = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const inspected = configuration.inspect<string[]>(key);
  const current = (target === vscode.ConfigurationTarget.Workspace ? inspected?.workspaceValue : inspected?.globalValue) ?? [];
  if (current.some((existing) => existing.toLowerCase() === login.toLowerCase())) return false;
  await configuration.update(key, [...current, login], target);
  return true;
}
