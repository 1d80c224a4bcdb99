import { mkdirSync, watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SnapshotStore } from './snapshotStore';

export interface SnapshotWatcher {
  /** The store to read and write through: its own writes are not reported as changes. */
  readonly store: SnapshotStore;
  dispose(): void;
}

/** Events of one atomic save (temporary file, rename) arrive in a burst: one look after it settles. */
const SETTLE_MS = 150;

/**
 * Calls `onChange` when another process (a second VS Code window, the CLI) saves a snapshot in `directory`, so this one
 * reads it again. A save replaces the file by a rename, so each save leaves a new inode: the inode this process's own
 * last save left (through the returned store) is known, and only a file whose inode differs from the last one seen is
 * news. Reading a large snapshot takes about a second, so this process's own saves must not cause one.
 */
export function watchSnapshotsOfOtherProcesses(directory: string, store: Required<SnapshotStore>, onChange: (file: string) => void): SnapshotWatcher {
  const knownInode = new Map<string, number>();
  const pending = new Map<string, NodeJS.Timeout>();
  const inodeOf = async (file: string): Promise<number | null> => (await stat(file).catch(() => null))?.ino ?? null;

  const look = async (file: string): Promise<void> => {
    const inode = await inodeOf(file);
    if (inode === null || knownInode.get(file) === inode) return;
    knownInode.set(file, inode);
    onChange(file);
  };

  // The folder may not exist before the first sync; watching needs it.
  mkdirSync(directory, { recursive: true });
  const watcher: FSWatcher = watch(directory, (_event, name) => {
    // Temporary files start with a dot; lock files end in .lock.
    if (!name || name.startsWith('.') || !name.endsWith('.json')) return;
    const file = join(directory, name);
    clearTimeout(pending.get(file));
    pending.set(
      file,
      setTimeout(() => {
        pending.delete(file);
        void look(file);
      }, SETTLE_MS),
    );
  });
  // A watcher error (the folder removed) must not take the extension host down; the views then keep what they show.
  watcher.on('error', () => watcher.close());

  return {
    store: {
      ...store,
      write: async (snapshot) => {
        await store.write(snapshot);
        const file = store.fileOf(snapshot.repository);
        const inode = await inodeOf(file);
        if (inode !== null) knownInode.set(file, inode);
      },
    },
    dispose() {
      watcher.close();
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    },
  };
}
