import { SnapshotSchema, type Snapshot } from '../../src/store/snapshot';
import type { SnapshotStore } from '../../src/store/snapshotStore';

/** A SnapshotStore in memory that keeps snapshots as JSON text, as the file store does, and counts its writes. */
export interface MemorySnapshotStore extends SnapshotStore {
  readonly writes: number;
}

export function memorySnapshotStore(): MemorySnapshotStore {
  const files = new Map<string, string>();
  let writes = 0;
  return {
    get writes() {
      return writes;
    },
    read: async (repository) => {
      const text = files.get(repository.toLowerCase());
      return text === undefined ? null : SnapshotSchema.parse(JSON.parse(text));
    },
    write: async (snapshot: Snapshot) => {
      writes += 1;
      files.set(snapshot.repository.toLowerCase(), JSON.stringify(snapshot));
    },
  };
}
