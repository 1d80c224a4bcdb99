// The folder VS Code opens during tests: a git repository whose `origin` is a real GitHub repository, so the
// extension's repository detection from git remotes is exercised exactly as in a user's clone.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

export const TEST_WORKSPACE_ORIGIN = 'https://github.com/payloadcms/payload.git';

export function createTestWorkspace(dir) {
  mkdirSync(dir, { recursive: true });
  execFileSync('git', ['init', '--quiet', dir]);
  execFileSync('git', ['-C', dir, 'remote', 'add', 'origin', TEST_WORKSPACE_ORIGIN]);
  return dir;
}
