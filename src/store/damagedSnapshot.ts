import { constants } from 'node:fs';
import { copyFile, unlink } from 'node:fs/promises';
import { errorMessage } from '../shared/errorMessage';
import { DamagedSnapshotError, SnapshotStoreError, type SnapshotStore } from './snapshotStore';

/** The button (and the CLI's hint) that moves a damaged snapshot aside and syncs afresh. */
export const MOVE_DAMAGED_ASIDE = 'Move aside and sync again';

/** `octo__repo.json` damaged at 2026-11-30 10:15:00 UTC → `octo__repo.damaged-2026-11-30T10-15-00.json`, beside it. */
export function damagedFileName(file: string, at: Date, attempt = 0): string {
  const stamp = at.toISOString().slice(0, 19).replaceAll(':', '-');
  const base = file.endsWith('.json') ? file.slice(0, -'.json'.length) : file;
  return `${base}.damaged-${stamp}${attempt === 0 ? '' : `-${attempt + 1}`}.json`;
}

/**
 * When the repository's stored snapshot is damaged, keeps it under a dated name beside it (never overwriting an earlier
 * one) so the next sync starts afresh; returns where it went, or null when the snapshot is readable or absent.
 */
export async function moveDamagedSnapshotAside(store: SnapshotStore, repository: string, at = new Date()): Promise<string | null> {
  try {
    await store.read(repository);
    return null;
  } catch (error) {
    if (!(error instanceof DamagedSnapshotError)) throw error;
    return moveAside(error.file, at);
  }
}

/** A copy under the new name, then the old name removed: unlike a rename, the exclusive copy never replaces an existing file, on any file system. */
async function moveAside(file: string, at: Date): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const target = damagedFileName(file, at, attempt);
    try {
      await copyFile(file, target, constants.COPYFILE_EXCL);
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'EEXIST') continue;
      throw new SnapshotStoreError(
        `Cannot move the damaged snapshot ${file} aside to ${target}: ${errorMessage(error)}. Check the folder's permissions.`,
        file,
        {
          cause: error,
        },
      );
    }
    await unlink(file);
    return target;
  }
}
