// What every VS Code test run starts from, whichever VS Code runs the suites (code-server or Electron):
// - the folder VS Code opens: a git repository whose `origin` is a real GitHub repository, so the extension's
//   repository detection from git remotes is exercised exactly as in a user's clone;
// - a fresh user profile with a quiet, offline-friendly workbench (no welcome page, tips, telemetry, update or
//   marketplace checks).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const TEST_WORKSPACE_ORIGIN = 'https://github.com/payloadcms/payload.git';

const quietSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
};

/** @param {string} dir */
export function createTestWorkspace(dir) {
  mkdirSync(dir, { recursive: true });
  execFileSync('git', ['init', '--quiet', dir]);
  execFileSync('git', ['-C', dir, 'remote', 'add', 'origin', TEST_WORKSPACE_ORIGIN]);
  return dir;
}

/**
 * Writes the user settings of a fresh VS Code profile in `userDataDir`: the quiet defaults, then `settings`. The
 * machine-scoped ones (`communityPulse.apiUrl`) go to the Machine settings too: code-server's extension host reads
 * that scope from there, and a window reloaded after its first start ignores it in the user settings.
 * @param {string} userDataDir
 * @param {Record<string, unknown>} [settings]
 */
export function writeUserSettings(userDataDir, settings = {}) {
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...quietSettings, ...settings }, null, 2));
  const machine = Object.fromEntries(Object.entries(settings).filter(([key]) => MACHINE_SCOPED.has(key)));
  mkdirSync(path.join(userDataDir, 'Machine'), { recursive: true });
  writeFileSync(path.join(userDataDir, 'Machine', 'settings.json'), JSON.stringify(machine, null, 2));
}

/** The extension's settings of `"scope": "machine"` in package.json. */
const MACHINE_SCOPED = new Set(
  Object.entries(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).contributes.configuration.properties)
    .filter(([, property]) => /** @type {{ scope?: string }} */ (property).scope === 'machine')
    .map(([key]) => key),
);
