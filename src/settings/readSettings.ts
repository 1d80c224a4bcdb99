import * as vscode from 'vscode';
import { parseSettings, SETTING_KEYS, SETTINGS_SECTION, type SettingsReading } from './schema';

/** The current `communityPulse.*` settings, validated; read afresh each time so a change applies at the next sync. */
export function readSettings(): SettingsReading {
  const configuration = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  return parseSettings(Object.fromEntries(SETTING_KEYS.map((key) => [key, configuration.get<unknown>(key)])));
}

export function affectsSettings(event: vscode.ConfigurationChangeEvent, ...keys: string[]): boolean {
  return keys.length === 0 ? event.affectsConfiguration(SETTINGS_SECTION) : keys.some((key) => event.affectsConfiguration(`${SETTINGS_SECTION}.${key}`));
}
