// The Debian packages the VS Code test run needs, installed on demand so `npm test` works on a fresh machine:
// headless Chromium to drive code-server, ripgrep (code-server's search, which would otherwise be downloaded from
// GitHub), the headers and tool chain code-server's native modules compile against, git for the test workspace,
// and a font so screenshots show text.
import { spawnSync } from 'node:child_process';

export const TEST_SYSTEM_PACKAGES = [
  'chromium',
  'ripgrep',
  'libkrb5-dev',
  'libsecret-1-dev',
  'libx11-dev',
  'libxkbfile-dev',
  'build-essential',
  'python3',
  'git',
  'fonts-dejavu-core',
];

/** @param {string} name */
function isInstalled(name) {
  const query = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return query.status === 0 && query.stdout.includes('install ok installed');
}

/** @param {string[]} args */
function runApt(args) {
  const result = spawnSync('apt-get', ['-q', ...args], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) {
    throw new Error(`apt-get ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
  }
}

/** Installs whichever of `packages` are missing; returns the names it installed. */
export function ensureSystemPackages(packages = TEST_SYSTEM_PACKAGES) {
  if (spawnSync('dpkg-query', ['--version']).status !== 0) {
    throw new Error(
      `This test run needs the Debian/Ubuntu packages ${packages.join(' ')} (dpkg not found). ` +
        'On other systems install their equivalents, or run `npm run test:electron`.',
    );
  }
  const missing = packages.filter((name) => !isInstalled(name));
  if (missing.length === 0) return [];
  if (process.getuid?.() !== 0) {
    throw new Error(
      `Missing Debian packages: ${missing.join(' ')}. Install them once with:\n` +
        `  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing.join(' ')}`,
    );
  }
  runApt(['update']);
  runApt(['install', '-y', '--no-install-recommends', ...missing]);
  return missing;
}
