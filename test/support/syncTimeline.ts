import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGitHubClient, type GitHubClient } from '../../src/github/client';
import type { SyncMode, SyncResult } from '../../src/sync/contracts';
import { syncRepository, type SyncOptions } from '../../src/sync/syncRepository';
import type { DiscussionNode } from '../../src/github/schemas';
import type { Snapshot } from '../../src/store/snapshot';
import { directorySnapshotStore, type SnapshotStore } from '../../src/store/snapshotStore';
import { startFakeGitHub, type FakeGitHub } from '../fake-github/server';

/** One GraphQL query the sync sent: its operation name and variables. */
export interface RecordedQuery {
  readonly name: string;
  readonly variables: Record<string, unknown>;
}

/** Wraps a client so a test can count exactly which queries a sync sent, and from which cursor. */
export function recordingClient(client: GitHubClient): { client: GitHubClient; queries: RecordedQuery[] } {
  const queries: RecordedQuery[] = [];
  return {
    queries,
    client: {
      endpoint: client.endpoint,
      viewerLogin: () => client.viewerLogin(),
      mutate: (mutation, variables, signal) => client.mutate(mutation, variables, signal),
      graphql: (query, variables, signal) => {
        queries.push({ name: /query\s+(\w+)/.exec(query)?.[1] ?? '(anonymous)', variables });
        return client.graphql(query, variables, signal);
      },
    },
  };
}

/** The `after` cursors of the discussion pages a sync asked for, in order. */
export function pageCursors(queries: readonly RecordedQuery[]): unknown[] {
  return queries.filter((query) => query.name === 'SyncDiscussionsPage').map((query) => query.variables['after']);
}

/** Node ids in the order GitHub pages discussions: newest update first, ties by the higher number. */
export function idsInPageOrder(discussions: readonly { id: string; number: number; updatedAt?: string | undefined }[]): string[] {
  const time = (node: { updatedAt?: string | undefined }): number => Date.parse(node.updatedAt ?? '');
  return [...discussions].sort((a, b) => time(b) - time(a) || b.number - a.number).map((node) => node.id);
}

export const TIMELINE_REPOSITORY = 'octo/repo';
const TIMELINE_TOKEN = 'timeline-token';

/** Hand-made discussions (test/support/discussionNodes.ts) served by the fake GitHub, synced into a fresh folder. */
export interface SyncTimeline {
  readonly github: FakeGitHub;
  readonly store: SnapshotStore;
  readonly directory: string;
  /** Every query sent by every sync so far; tests empty it (`queries.length = 0`) between syncs. */
  readonly queries: RecordedQuery[];
  readonly logLines: string[];
  sync(mode: SyncMode, extra?: Partial<SyncOptions>): Promise<SyncResult>;
  stored(): Promise<Snapshot>;
}

export async function startSyncTimeline(discussions: readonly DiscussionNode[]): Promise<SyncTimeline> {
  const github = await startFakeGitHub({
    repositories: [{ nameWithOwner: TIMELINE_REPOSITORY, discussions: [...discussions] }],
    token: TIMELINE_TOKEN,
  });
  const logLines: string[] = [];
  const log = (line: string): void => void logLines.push(line);
  const { client, queries } = recordingClient(
    createGitHubClient({ baseUrl: github.url, token: TIMELINE_TOKEN }, { log, waitUnitMs: 1, requestTimeoutMs: 15_000 }),
  );
  const directory = mkdtempSync(join(tmpdir(), 'cp-timeline-'));
  const store = directorySnapshotStore(directory);
  return {
    github,
    store,
    directory,
    queries,
    logLines,
    sync: (mode, extra = {}) => syncRepository({ client, repository: { owner: 'octo', name: 'repo' }, store, mode, log, ...extra }),
    stored: async () => {
      const snapshot = await store.read(TIMELINE_REPOSITORY);
      if (!snapshot) throw new Error('nothing was stored');
      return snapshot;
    },
  };
}
