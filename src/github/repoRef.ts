import type { RepoRef } from './contracts';

// GitHub owner names are alphanumerics and single hyphens; repository names also allow `.` and `_`.
const REPO_PATTERN = /^([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)\/([A-Za-z0-9._-]+)$/;

/** `owner/name` → RepoRef, or null when the text is not a repository name (`.git` suffix tolerated). */
export function parseRepoRef(text: string): RepoRef | null {
  const match = REPO_PATTERN.exec(text.trim().replace(/\.git$/, ''));
  if (!match || match[2] === '.' || match[2] === '..') return null;
  return { owner: match[1]!, name: match[2]! };
}

export function formatRepoRef(ref: RepoRef): string {
  return `${ref.owner}/${ref.name}`;
}
