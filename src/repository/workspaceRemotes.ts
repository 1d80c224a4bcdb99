import * as vscode from 'vscode';
import { formatRepoRef } from '../github/repoRef';
import { parseGitConfigRemotes, remoteHostsFor, repositoriesFromRemotes, type DetectedRepository } from './gitRemotes';

/**
 * The GitHub repositories behind the git remotes of the workspace folders, read from each folder's
 * `.git/config` (no git process, no network). Worktrees and submodules, whose `.git` is a file
 * pointing elsewhere, are followed to their config.
 */
export async function detectWorkspaceRepositories(apiUrl: string): Promise<DetectedRepository[]> {
  const hosts = remoteHostsFor(apiUrl);
  const folders = vscode.workspace.workspaceFolders ?? [];
  const found: DetectedRepository[] = [];
  const seen = new Set<string>();
  for (const folder of folders) {
    const config = await readGitConfig(folder.uri);
    if (config === null) continue;
    for (const detected of repositoriesFromRemotes(parseGitConfigRemotes(config), hosts)) {
      const key = formatRepoRef(detected.repository).toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      found.push(folders.length > 1 ? { ...detected, remote: `${folder.name}: ${detected.remote}` } : detected);
    }
  }
  return found;
}

async function readGitConfig(folder: vscode.Uri): Promise<string | null> {
  const dotGit = vscode.Uri.joinPath(folder, '.git');
  const stat = await statOrNull(dotGit);
  if (!stat) return null;
  let gitDir = dotGit;
  if (stat.type & vscode.FileType.File) {
    const pointer = /^gitdir:\s*(.+)$/m.exec((await readText(dotGit)) ?? '');
    if (!pointer) return null;
    gitDir = resolvePath(folder, pointer[1]!.trim());
    // A worktree's own directory names the shared repository directory in `commondir`.
    const common = (await readText(vscode.Uri.joinPath(gitDir, 'commondir')))?.trim();
    if (common) gitDir = resolvePath(gitDir, common);
  }
  return readText(vscode.Uri.joinPath(gitDir, 'config'));
}

function resolvePath(base: vscode.Uri, path: string): vscode.Uri {
  const absolute = path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path);
  if (!absolute) return vscode.Uri.joinPath(base, path);
  return base.scheme === 'file' ? vscode.Uri.file(path) : base.with({ path });
}

async function statOrNull(uri: vscode.Uri): Promise<vscode.FileStat | null> {
  try {
    return await vscode.workspace.fs.stat(uri);
  } catch {
    return null;
  }
}

async function readText(uri: vscode.Uri): Promise<string | null> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return null;
  }
}
