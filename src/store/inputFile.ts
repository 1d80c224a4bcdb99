import { readFile } from 'node:fs/promises';
import * as z from 'zod';
import { formatRepoRef } from '../github/repoRef';
import { DiscussionNodeSchema, type DiscussionNode } from '../github/schemas';
import { errorMessage } from '../shared/errorMessage';
import { isSnapshotLogFile, readSnapshotFileAt } from './snapshotStore';

/**
 * Reads a file of GitHub `Discussion` nodes: a bare array, an object with a `discussions` array (the
 * bundled sample, version-1 snapshots), a snapshot written by `sync` (JSON Lines), or what `gh api graphql` prints
 * (`{ data: { repository: { discussions: { nodes } } } }`). Unknown fields are ignored.
 */
export interface DiscussionsFile {
  /** `owner/name`, from the file's `repository` field or the discussions' URLs; null when neither says. */
  readonly repository: string | null;
  readonly discussions: DiscussionNode[];
}

export class InputFileError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'InputFileError';
  }
}

const RepositoryFieldSchema = z.union([z.string(), z.object({ nameWithOwner: z.string() }).transform((r) => r.nameWithOwner)]);

export async function readDiscussionsFile(file: string): Promise<DiscussionsFile> {
  let text: string | null;
  try {
    // A snapshot written by `sync --out` (version 2, JSON Lines) is read line by line, as the store reads it.
    text = (await isSnapshotLogFile(file)) ? null : await readFile(file, 'utf8');
  } catch (error) {
    throw new InputFileError(file, `cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return text === null ? snapshotDiscussions(file) : parseDiscussionsJson(file, text);
}

async function snapshotDiscussions(file: string): Promise<DiscussionsFile> {
  try {
    const snapshot = await readSnapshotFileAt(file);
    return { repository: snapshot?.repository ?? null, discussions: snapshot?.discussions ?? [] };
  } catch (error) {
    throw new InputFileError(file, errorMessage(error));
  }
}

export function parseDiscussionsJson(file: string, text: string): DiscussionsFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputFileError(file, `not valid JSON (${(error as Error).message}); expected GitHub Discussion nodes`);
  }
  const located = locateDiscussions(json);
  if (!located) {
    throw new InputFileError(
      file,
      'no discussions found: expected an array of GitHub Discussion nodes, an object with a "discussions" array, or `gh api graphql` output with data.repository.discussions.nodes',
    );
  }
  const discussions: DiscussionNode[] = [];
  located.nodes.forEach((node, index) => {
    const parsed = DiscussionNodeSchema.safeParse(node);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const path = [`${located.path}[${index}]`, ...issue.path.map(String)].join('.');
      throw new InputFileError(file, `${path}: ${issue.message} — fix or remove that discussion and try again`);
    }
    discussions.push(parsed.data);
  });
  return { repository: located.repository ?? repositoryFromUrl(discussions[0]?.url), discussions };
}

interface Located {
  readonly nodes: unknown[];
  readonly path: string;
  readonly repository: string | undefined;
}

function locateDiscussions(json: unknown): Located | null {
  if (Array.isArray(json)) return { nodes: json, path: '', repository: undefined };
  if (!isRecord(json)) return null;
  const repository = RepositoryFieldSchema.safeParse(json['repository']).data;
  if (Array.isArray(json['discussions'])) return { nodes: json['discussions'], path: 'discussions', repository };
  const data = json['data'];
  if (isRecord(data) && isRecord(data['repository'])) {
    const repo = data['repository'];
    const connection = repo['discussions'];
    if (isRecord(connection) && Array.isArray(connection['nodes'])) {
      return {
        nodes: connection['nodes'],
        path: 'data.repository.discussions.nodes',
        repository: typeof repo['nameWithOwner'] === 'string' ? repo['nameWithOwner'] : undefined,
      };
    }
  }
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `https://github.com/owner/name/discussions/12` → `owner/name`. */
export function repositoryFromUrl(url: string | undefined): string | null {
  const match = url ? /^https?:\/\/[^/]+\/([^/]+)\/([^/]+)\/discussions\//.exec(url) : null;
  return match ? formatRepoRef({ owner: match[1]!, name: match[2]! }) : null;
}
