import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../settings/schema';
import type { CommandId } from '../shared/contributionIds';
import type { CommandFactory } from './pulseCommand';

type PersonListSetting = 'maintainers' | 'ignoreUsers';

/** What the status bar says once the login is listed, and when it was listed already. */
interface ListingMessages {
  readonly added: string;
  readonly already: string;
}

/** A People-view command that lists the person's login in a setting (`maintainers`, `ignoreUsers`) and says so. */
export function listPersonCommand(id: CommandId, key: PersonListSetting, messages: (login: string) => ListingMessages): CommandFactory {
  return ({ people }) => ({
    id,
    run: async (node?: unknown) => {
      const person = people.person(node);
      if (!person) return;
      const added = await addLoginToSetting(key, person.login);
      const say = messages(person.login);
      vscode.window.setStatusBarMessage(added ? say.added : say.already, 4000);
    },
  });
}

/**
 * Adds a login to a list setting where the user keeps it: the workspace when one is open (the team shares
 * it), else the user settings. The controller reloads on the change, and every view recomputes.
 */
async function addLoginToSetting(key: PersonListSetting, login: string): Promise<boolean> {
  const configuration = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const inspected = configuration.inspect<string[]>(key);
  const current = (target === vscode.ConfigurationTarget.Workspace ? inspected?.workspaceValue : inspected?.globalValue) ?? [];
  if (current.some((existing) => existing.toLowerCase() === login.toLowerCase())) return false;
  await configuration.update(key, [...current, login], target);
  return true;
}
