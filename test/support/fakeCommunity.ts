import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGitHubClient, type GitHubClient } from '../../src/github/client';
import type { RepoRef } from '../../src/github/contracts';
import type { SyncMode } from '../../src/sync/contracts';
import { syncRepository, type SyncOptions } from '../../src/sync/syncRepository';
import { directorySnapshotStore, type SnapshotStore } from '../../src/store/snapshotStore';
import { generateCommunity, type GeneratedCommunity } from '../fake-github/generator';
import { startFakeGitHub, type FakeGitHub, type FakeGitHubOptions } from '../fake-github/server';

export const TOKEN = 'ghp_fakeTokenThatMustNeverBeLogged0001';
export const GENERATED_NOW = '2025-06-01T00:00:00Z';

/** A seeded community served by the fake GitHub, a client for it and an empty snapshot folder. */
export interface FakeCommunity {
  readonly community: GeneratedCommunity;
  readonly github: FakeGitHub;
  readonly client: GitHubClient;
  readonly store: SnapshotStore;
  readonly directory: string;
  readonly repository: RepoRef;
  readonly name: string;
  readonly logLines: string[];
  sync(mode: SyncMode, extra?: Partial<SyncOptions>): ReturnType<typeof syncRepository>;
}

export async function startFakeCommunity(options: {
  discussions: number;
  overflowThreads?: number;
  seed?: number;
  fake?: Partial<FakeGitHubOptions>;
}): Promise<FakeCommunity> {
  const community = generateCommunity({
    seed: options.seed ?? 7,
    discussions: options.discussions,
    now: GENERATED_NOW,
    repository: 'octo/community',
    ...(options.overflowThreads !== undefined && { overflowThreads: options.overflowThreads }),
  });
  const github = await startFakeGitHub({
    repositories: [{ nameWithOwner: community.repository, discussions: community.discussions }],
    token: TOKEN,
    ...options.fake,
  });
  const logLines: string[] = [];
  const log = (line: string): void => void logLines.push(line);
  const client = createGitHubClient({ baseUrl: github.url, token: TOKEN }, { log, waitUnitMs: 1, requestTimeoutMs: 15_000 });
  const directory = mkdtempSync(join(tmpdir(), 'cp-sync-'));
  const store = directorySnapshotStore(directory);
  const [owner, name] = community.repository.split('/') as [string, string];
  const repository = { owner, name };
  return {
    community,
    github,
    client,
    store,
    directory,
    repository,
    name: community.repository,
    logLines,
    sync: (mode, extra = {}) => syncRepository({ client, repository, store, mode, log, ...extra }),
  };
}

/** The fields the sync asks GitHub for, in a stable order: what a snapshot must hold for each discussion. */
export function syncedFields(discussions: readonly object[]): unknown[] {
  return [...discussions]
    .map((node) => project(node as Record<string, unknown>))
    .sort((a, b) => (a as { number: number }).number - (b as { number: number }).number);
}

const REPLY_FIELDS = ['id', 'createdAt', 'author', 'authorAssociation', 'deletedAt', 'isMinimized', 'upvoteCount'];
const DISCUSSION_FIELDS = [
  'id',
  'number',
  'title',
  'url',
  'createdAt',
  'updatedAt',
  'closed',
  'locked',
  'author',
  'authorAssociation',
  'isAnswered',
  'answerChosenAt',
  'answer',
  'upvoteCount',
];

function project(node: Record<string, unknown>): unknown {
  const category = node.category as Record<string, unknown>;
  const comments = (node.comments as { nodes: Record<string, unknown>[] }).nodes;
  return {
    ...pick(node, DISCUSSION_FIELDS),
    category: pick(category, ['id', 'name', 'slug', 'isAnswerable']),
    comments: comments.map((comment) => ({
      ...pick(comment, [...REPLY_FIELDS, 'isAnswer']),
      replies: (comment.replies as { nodes: Record<string, unknown>[] }).nodes.map((reply) => pick(reply, REPLY_FIELDS)),
    })),
  };
}

function pick(record: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, record[key]]));
}
