import * as z from 'zod';
import { DiscussionNodeSchema, isoDateTime, type DiscussionNode } from '../github/schemas';

/**
 * The local snapshot of one repository's discussions. Discussions keep GitHub's `Discussion` node shape
 * (complete threads, no bodies), so the same reader handles snapshots and imported files.
 */

/** A pass over `repository.discussions` (newest update first) that has not finished yet. */
export const PendingPassSchema = z.object({
  mode: z.enum(['incremental', 'full']),
  startedAt: isoDateTime,
  /** `updatedAt` of the first discussion the pass saw: the high-water mark once the pass completes. */
  newestUpdatedAt: isoDateTime.nullable(),
  /** The pass is complete once it reaches discussions updated before this (null: page to the end). */
  stopBefore: isoDateTime.nullable(),
  /** Where to continue: the `endCursor` of the last page merged. */
  cursor: z.string().nullable(),
  /**
   * GitHub's `totalCount` of the repository's discussions at the pass's first page: how much of it a snapshot left by
   * an interrupted first sync holds. Optional: snapshots written before it was recorded still read.
   */
  totalCount: z.number().int().nonnegative().optional(),
});
export type PendingPass = z.infer<typeof PendingPassSchema>;

export const SyncStateSchema = z.object({
  /** When the last sync pass completed (local clock); shown to the user. */
  lastSyncAt: isoDateTime.nullable(),
  /** When the last full re-check completed. */
  lastFullSyncAt: isoDateTime.nullable(),
  /** Newest `updatedAt` (GitHub's clock) covered by a completed pass; incremental syncs page down to it. */
  updatedSince: isoDateTime.nullable(),
  /** An interrupted pass the next sync continues. */
  pendingPass: PendingPassSchema.nullable(),
});
export type SyncState = z.infer<typeof SyncStateSchema>;

export const SnapshotSchema = z.object({
  format: z.literal('community-pulse/snapshot'),
  version: z.literal(1),
  repository: z.string().regex(/^[^/\s]+\/[^/\s]+$/, 'expected owner/name'),
  apiUrl: z.string(),
  sync: SyncStateSchema,
  discussions: z.array(DiscussionNodeSchema),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

export function emptySnapshot(repository: string, apiUrl: string): Snapshot {
  return {
    format: 'community-pulse/snapshot',
    version: 1,
    repository,
    apiUrl,
    sync: { lastSyncAt: null, lastFullSyncAt: null, updatedSince: null, pendingPass: null },
    discussions: [],
  };
}

/** Discussions ordered newest update first (ties: highest number first); each date is parsed once, not per comparison. */
export function newestUpdateFirst(nodes: Iterable<DiscussionNode>): DiscussionNode[] {
  const keyed = Array.from(nodes, (node) => ({ node, updated: Date.parse(node.updatedAt ?? node.createdAt) }));
  keyed.sort((a, b) => b.updated - a.updated || b.node.number - a.node.number);
  return keyed.map((each) => each.node);
}
