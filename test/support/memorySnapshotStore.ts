import { newestUpdateFirst, SnapshotSchema, type Snapshot } from '../../src/store/snapshot';
import type { SnapshotStore } from '../../src/store/snapshotStore';

/** A SnapshotStore in memory that keeps snapshots as JSON text, as the file store does, and counts its saves. */
export interface MemorySnapshotStore extends SnapshotStore {
  readonly writes: number;
}

export function memorySnapshotStore(): MemorySnapshotStore {
  const files = new Map<string, string>();
  let writes = 0;
  const write = async (snapshot: Snapshot): Promise<void> => {
    writes += 1;
    files.set(snapshot.repository.toLowerCase(), JSON.stringify(snapshot));
  };
  return {
    get writes() {
      return writes;
    },
    read: async (repository) => {
      const text = files.get(repository.toLowerCase());
      return text === undefined ? null : SnapshotSchema.parse(JSON.parse(text));
    },
    write,
    // Saved whole: the file store's appending is tested against files.
    saveChanges: async ({ repository, apiUrl, sync, everything }) =>
      write({ format: 'community-pulse/snapshot', version: 1, repository, apiUrl, sync, discussions: newestUpdateFirst(everything()) }),
  };
}
