import { mkdirSync, watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { identityOf, sameIdentity, type FileIdentity } from './snapshotLogReader';
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
 * reads it again. Every read and save of this process goes through the returned store, which notes the file as it left
 * it (its inode, size and time: a save either replaces the file or appends to it); a file found otherwise is news.
 * Reading a large snapshot takes seconds (its log) or a fraction of one (its image), so this process's own saves,
 * appends included, must not cause one.
 */
export function watchSnapshotsOfOtherProcesses(directory: string, store: Required<SnapshotStore>, onChange: (file: string) => void): SnapshotWatcher {
  /** Each file as this process last read, saved or reported it. */
  const known = new Map<string, FileIdentity>();
  const pending = new Map<string, NodeJS.Timeout>();
  const remember = (repository: string): void => {
    const identity = store.identityOf(repository);
    if (identity) known.set(store.fileOf(repository), identity);
    else known.delete(store.fileOf(repository));
  };

  const look = async (file: string): Promise<void> => {
    const stats = await stat(file).catch(() => null);
    if (stats === null) return;
    const identity = identityOf(stats);
    const last = known.get(file);
    if (last && sameIdentity(last, identity)) return;
    known.set(file, identity);
    onChange(file);
  };

  // The folder may not exist before the first sync; watching needs it.
  mkdirSync(directory, { recursive: true });
  const watcher: FSWatcher = watch(directory, (_event, name) => {
    // Temporary files start with a dot; lock files end in .lock, community images in .image.
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
      read: async (repository) => {
        const snapshot = await store.read(repository);
        remember(repository);
        return snapshot;
      },
      write: async (snapshot) => {
        await store.write(snapshot);
        remember(snapshot.repository);
      },
      saveChanges: async (changes) => {
        await store.saveChanges(changes);
        remember(changes.repository);
      },
    },
    dispose() {
      watcher.close();
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    },
  };
}
