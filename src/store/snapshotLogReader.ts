import type { Stats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import type { DiscussionNode } from '../github/schemas';
import { emptySnapshot, newestUpdateFirst, SnapshotSchema, type Snapshot } from './snapshot';
import { parseHeader, parseJson, parseRecord, SnapshotLineError, SNAPSHOT_LOG_VERSION } from './snapshotLog';
import { CompleteLines, type FileLine } from './snapshotLines';
import { damagedSnapshotError } from './snapshotStoreError';
import { formatIssuePath } from '../github/issuePath';

/** What a store knows of a snapshot file it read or wrote, to tell whether it may append to it. */
export interface SnapshotFileState {
  readonly version: number;
  readonly repository: string;
  readonly apiUrl: string;
  /** The file as it was seen: a file replaced or changed since is not appended to. */
  readonly identity: FileIdentity;
  /** Where the complete lines end: a torn last line beyond it is cut off before appending. */
  readonly completeBytes: number;
  /** Records after the header: discussions (current or superseded), deletions and sync states. */
  readonly records: number;
}

export interface FileIdentity {
  readonly ino: number;
  readonly size: number;
  readonly mtimeMs: number;
}

export function identityOf(stats: Stats): FileIdentity {
  return { ino: stats.ino, size: stats.size, mtimeMs: stats.mtimeMs };
}

export function sameIdentity(a: FileIdentity, b: FileIdentity): boolean {
  return a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/**
 * Reads a snapshot file of either version, line by line. A torn last line (a crash in the middle of an append) is
 * left out and reported through `onTornLine`; anything else unusable throws the store's "damaged" error with the line.
 */
export async function readSnapshotFile(
  handle: FileHandle,
  file: string,
  onTornLine: (line: number) => void,
): Promise<{ snapshot: Snapshot; state: SnapshotFileState } | null> {
  const identity = identityOf(await handle.stat());
  const lines = new CompleteLines(handle);
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) {
    if (lines.tail === '') return null;
    // No complete line: a version-1 file (one JSON document, maybe without its newline) or a torn header.
    return { snapshot: versionOneSnapshot(file, { text: lines.tail, number: 1 }), state: { ...versionOneState(identity), completeBytes: identity.size } };
  }
  const json = atLine(file, first.value, () => parseJson(first.value.text));
  if (typeof json === 'object' && json !== null && 'version' in json && json.version === 1) {
    const snapshot = versionOneSnapshot(file, first.value);
    return { snapshot, state: { ...versionOneState(identity), repository: snapshot.repository, apiUrl: snapshot.apiUrl, completeBytes: identity.size } };
  }
  const header = atLine(file, first.value, () => parseHeader(json));
  const snapshot = emptySnapshot(header.repository, header.apiUrl);
  const discussions = new Map<string, DiscussionNode>();
  let records = 0;
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    const line = next.value;
    const record = atLine(file, line, () => parseRecord(line.text));
    records += 1;
    if (record.kind === 'discussion') {
      // Deleted and set again, so the order of first appearance does not keep a superseded place.
      discussions.delete(record.node.id);
      discussions.set(record.node.id, record.node);
    } else if (record.kind === 'deleted') discussions.delete(record.id);
    else snapshot.sync = record.sync;
  }
  if (lines.tail !== '') onTornLine(records + 2);
  snapshot.discussions = newestUpdateFirst(discussions.values());
  return {
    snapshot,
    state: { version: SNAPSHOT_LOG_VERSION, repository: header.repository, apiUrl: header.apiUrl, identity, completeBytes: lines.completeBytes, records },
  };
}

function versionOneState(identity: FileIdentity): SnapshotFileState {
  return { version: 1, repository: '', apiUrl: '', identity, completeBytes: identity.size, records: 0 };
}

/** Version 1: the whole snapshot as one JSON document (it is rewritten as version 2 at the next save). */
function versionOneSnapshot(file: string, line: FileLine): Snapshot {
  const json = atLine(file, line, () => parseJson(line.text));
  const parsed = SnapshotSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue ? formatIssuePath(issue.path) : '';
  throw damagedSnapshotError(file, `${where ? `${where}: ` : ''}${issue?.message ?? 'unexpected content'}`, parsed.error);
}

/** Runs a line's parse; its failure becomes the "damaged" error naming the line. */
function atLine<T>(file: string, line: FileLine, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof SnapshotLineError) throw damagedSnapshotError(file, `line ${line.number}: ${error.message}`, error);
    throw error;
  }
}
