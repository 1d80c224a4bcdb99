import type { RepoRef } from '../github/contracts';
import { formatRepoRef, parseRepoRef } from '../github/repoRef';
import { isLoopbackHost } from '../github/webLinks';

export interface GitRemote {
  readonly name: string;
  readonly url: string;
}

export interface DetectedRepository {
  readonly repository: RepoRef;
  /** Which remote (and folder, when several) it came from, for the quick pick. */
  readonly remote: string;
}

/** The `[remote "NAME"] url = …` entries of a `.git/config` file, in file order. */
export function parseGitConfigRemotes(configText: string): GitRemote[] {
  const remotes: GitRemote[] = [];
  let section: string | null = null;
  for (const rawLine of configText.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[\s*remote\s+"((?:[^"\\]|\\.)*)"\s*\]/.exec(line);
    if (header) {
      section = header[1]!.replace(/\\(.)/g, '$1');
      continue;
    }
    if (line.startsWith('[')) {
      section = null;
      continue;
    }
    const entry = /^url\s*=\s*(.*)$/i.exec(line);
    if (section !== null && entry) remotes.push({ name: section, url: unquote(entry[1]!.trim()) });
  }
  return remotes;
}

/**
 * The repository a remote URL points to when its host is one of `hosts` (lower case), in any of git's
 * URL forms: `https://[user@]host/owner/name[.git]`, `ssh://git@host[:port]/owner/name`,
 * `git@host:owner/name.git` (scp-like) and `git://host/owner/name`.
 */
export function repositoryFromRemoteUrl(url: string, hosts: ReadonlySet<string>): RepoRef | null {
  const scpLike = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/\/)\/?(.+)$/.exec(url);
  if (scpLike && !/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    return hosts.has(scpLike[1]!.toLowerCase()) ? parseRepoRef(trimPath(scpLike[2]!)) : null;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!['https:', 'http:', 'ssh:', 'git:', 'git+ssh:', 'ssh+git:'].includes(parsed.protocol)) return null;
  if (!hosts.has(parsed.hostname.toLowerCase())) return null;
  return parseRepoRef(trimPath(decodeURIComponent(parsed.pathname)));
}

/** Host names whose remotes count: github.com always, plus the GitHub Enterprise Server host of `apiUrl`. */
export function remoteHostsFor(apiUrl: string): Set<string> {
  const hosts = new Set(['github.com', 'www.github.com', 'ssh.github.com']);
  const host = hostOf(apiUrl);
  if (host && host !== 'api.github.com' && !isLoopbackHost(host)) hosts.add(host);
  return hosts;
}

/** The repositories behind the remotes, `upstream` first (a fork's community lives there), then `origin`, then the rest. */
export function repositoriesFromRemotes(remotes: readonly GitRemote[], hosts: ReadonlySet<string>): DetectedRepository[] {
  const rank = (name: string): number => (name === 'upstream' ? 0 : name === 'origin' ? 1 : 2);
  const seen = new Set<string>();
  const found: DetectedRepository[] = [];
  for (const remote of [...remotes].sort((a, b) => rank(a.name) - rank(b.name))) {
    const repository = repositoryFromRemoteUrl(remote.url, hosts);
    const key = repository && formatRepoRef(repository).toLowerCase();
    if (!repository || seen.has(key!)) continue;
    seen.add(key!);
    found.push({ repository, remote: remote.name });
  }
  return found;
}

export function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

function trimPath(path: string): string {
  return path
    .replace(/^\/+/, '')
    .replace(/\/+$/, '')
    .replace(/\.git$/, '');
}

function unquote(value: string): string {
  return value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}
