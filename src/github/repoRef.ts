import type { RepoRef } from './contracts';

// GitHub owner names are alphanumerics and single hyphens; repository names also allow `.` and `_`.
const REPO_PATTERN = /^([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)\/([A-Za-z0-9._-]+)$/;

/**
 * The longest owner or name accepted: GitHub's repository names stop at 100 characters (owners at 39), and the store's
 * file names (`owner__name.damaged-DATE.json`) must stay under the file systems' 255.
 */
export const REPO_PART_MAX_LENGTH = 100;

/** `owner/name` → RepoRef, or null when the text is not a repository name (`.git` suffix tolerated). */
export function parseRepoRef(text: string): RepoRef | null {
  const match = REPO_PATTERN.exec(text.trim().replace(/\.git$/, ''));
  if (!match || match[2] === '.' || match[2] === '..') return null;
  if (match[1]!.length > REPO_PART_MAX_LENGTH || match[2]!.length > REPO_PART_MAX_LENGTH) return null;
  return { owner: match[1]!, name: match[2]! };
}

export function formatRepoRef(ref: RepoRef): string {
  return `${ref.owner}/${ref.name}`;
}
