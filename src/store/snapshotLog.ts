import * as z from 'zod';
import { formatIssuePath } from '../github/issuePath';
import { DiscussionNodeSchema, type DiscussionNode } from '../github/schemas';
import { errorMessage } from '../shared/errorMessage';
import { SnapshotSchema, SyncStateSchema, type SyncState } from './snapshot';

/**
 * Snapshot format version 2: JSON Lines, appended to at each checkpoint (docs/architecture.md, "Snapshot format").
 * Line 1 is the header; every later line is one record: a discussion node as stored (the last record of an id wins),
 * the deletion of one, or the sync state (the last one wins). A record counts once its line ends with a newline.
 */
export const SNAPSHOT_LOG_VERSION = 2;

const HeaderSchema = z.object({
  format: SnapshotSchema.shape.format,
  version: z.literal(SNAPSHOT_LOG_VERSION),
  repository: SnapshotSchema.shape.repository,
  apiUrl: z.string(),
});
export type SnapshotLogHeader = z.infer<typeof HeaderSchema>;

export type SnapshotRecord =
  | { readonly kind: 'discussion'; readonly node: DiscussionNode }
  | { readonly kind: 'deleted'; readonly id: string }
  | { readonly kind: 'sync'; readonly sync: SyncState };

/** Why a line cannot be used, and where in the line (a field path) when it is a field. */
export class SnapshotLineError extends Error {}

export function headerLine(repository: string, apiUrl: string): string {
  const header: SnapshotLogHeader = { format: 'community-pulse/snapshot', version: SNAPSHOT_LOG_VERSION, repository, apiUrl };
  return `${JSON.stringify(header)}\n`;
}

export function discussionLine(node: DiscussionNode): string {
  return `{"discussion":${JSON.stringify(node)}}\n`;
}

export function deletedLine(id: string): string {
  return `{"deleted":${JSON.stringify(id)}}\n`;
}

export function syncLine(sync: SyncState): string {
  return `{"sync":${JSON.stringify(sync)}}\n`;
}

export function parseHeader(json: unknown): SnapshotLogHeader {
  return validated(HeaderSchema, json, '');
}

export function parseRecord(line: string): SnapshotRecord {
  const json = parseJson(line);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new SnapshotLineError('expected a record object');
  const keys = Object.keys(json);
  const [key] = keys;
  if (keys.length !== 1) throw new SnapshotLineError(`expected one of discussion, deleted, sync; found ${keys.join(', ') || 'nothing'}`);
  const value: unknown = (json as Record<string, unknown>)[key!];
  switch (key) {
    case 'discussion':
      return { kind: 'discussion', node: validated(DiscussionNodeSchema, value, 'discussion') };
    case 'deleted':
      if (typeof value !== 'string') throw new SnapshotLineError('deleted: expected the id of a discussion');
      return { kind: 'deleted', id: value };
    case 'sync':
      return { kind: 'sync', sync: validated(SyncStateSchema, value, 'sync') };
    default:
      throw new SnapshotLineError(`expected one of discussion, deleted, sync; found ${key}`);
  }
}

export function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch (error) {
    throw new SnapshotLineError(`not valid JSON: ${errorMessage(error)}`);
  }
}

function validated<T>(schema: z.ZodType<T>, value: unknown, prefix: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = formatIssuePath([...(prefix ? [prefix] : []), ...(issue?.path ?? [])]);
  throw new SnapshotLineError(`${where ? `${where}: ` : ''}${issue?.message ?? 'unexpected content'}`);
}
