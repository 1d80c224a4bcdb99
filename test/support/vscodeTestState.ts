import * as assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import * as vscode from 'vscode';
import type { CommunityPulseApi } from '../../src/api';
import type { WindowChoice } from '../../src/shared/timeWindow';

/**
 * The state a VS Code test starts from, whatever ran before it (another test, another suite, or nothing when it
 * runs alone with --grep): the suites share one extension host, its settings and its stored snapshots.
 */

const EXTENSION_ID = 'community-pulse.community-pulse';

/** Every communityPulse setting a suite changes: each test starts with all of them as given here, the rest cleared. */
export type TestSettings = Partial<Record<'apiUrl' | 'repository' | 'asOf' | 'defaultWindow' | 'maintainers' | 'categoryAdvice', unknown>>;
const SETTING_KEYS: readonly (keyof TestSettings)[] = ['apiUrl', 'repository', 'asOf', 'defaultWindow', 'maintainers', 'categoryAdvice'];

export async function activatePulse(): Promise<CommunityPulseApi> {
  const extension = vscode.extensions.getExtension<CommunityPulseApi>(EXTENSION_ID);
  assert.ok(extension, 'the extension is installed');
  return extension.activate();
}

/**
 * Writes exactly `settings` (user level; a workspace value would win over it, so none is left), touching only the
 * settings that differ so as not to start reloads for nothing.
 */
export async function applySettings(settings: TestSettings): Promise<void> {
  const configuration = vscode.workspace.getConfiguration('communityPulse');
  for (const key of SETTING_KEYS) {
    const current = configuration.inspect(key);
    if (current?.workspaceValue !== undefined) await configuration.update(key, undefined, vscode.ConfigurationTarget.Workspace);
    if (!isDeepStrictEqual(current?.globalValue, settings[key])) await configuration.update(key, settings[key], vscode.ConfigurationTarget.Global);
  }
}

/**
 * Settings as given, the window chosen for the workspace, and the views showing `repository`'s data read with
 * them: synced when nothing is stored for it yet (or the stored data is not shown).
 */
export async function arrangePulse(api: CommunityPulseApi, settings: TestSettings, window: WindowChoice | 'default' = '90'): Promise<void> {
  await applySettings(settings);
  await api.window.choose(window);
  await api.reload();
  const repository = typeof settings.repository === 'string' ? settings.repository : undefined;
  if (api.state !== 'ready' || api.data === null || (repository !== undefined && api.data.repository !== repository)) {
    await vscode.commands.executeCommand('communityPulse.refresh');
  }
  assert.equal(api.state, 'ready', api.problem);
}
