import { strict as assert } from 'node:assert';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptySnapshot } from '../../../src/store/snapshot';
import { directorySnapshotStore, type SnapshotChanges } from '../../../src/store/snapshotStore';
import { watchSnapshotsOfOtherProcesses } from '../../../src/store/snapshotWatcher';
import { discussion } from '../../support/discussionNodes';

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 400));

describe('snapshot watcher', () => {
  it('reports a snapshot saved by another process once, and not this process’s own saves', async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'cp-watch-')), 'not-created-yet');
    const changed: string[] = [];
    const watcher = watchSnapshotsOfOtherProcesses(directory, directorySnapshotStore(directory), (file) => changed.push(file));
    try {
      await watcher.store.write(emptySnapshot('octo/repo', 'https://api.github.com'));
      await settle();
      assert.deepEqual(changed, [], 'its own save was reported');

      // Another process saves through its own store on the same folder.
      await directorySnapshotStore(directory).write(emptySnapshot('octo/repo', 'https://api.github.com'));
      await settle();
      assert.deepEqual(changed, [join(directory, 'octo__repo.json')]);

      await watcher.store.write(emptySnapshot('octo/repo', 'https://api.github.com'));
      await settle();
      assert.equal(changed.length, 1, 'its own save after another’s was reported');
    } finally {
      watcher.dispose();
    }
  });

  it('tells its own appended checkpoints from another process’s, though an append keeps the file’s inode', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'cp-watch-'));
    const file = join(directory, 'octo__repo.json');
    await directorySnapshotStore(directory).write(emptySnapshot('octo/repo', API));
    const changed: string[] = [];
    const watcher = watchSnapshotsOfOtherProcesses(directory, directorySnapshotStore(directory), (changedFile) => changed.push(changedFile));
    try {
      // As a sync does: read, then save each checkpoint's changes (appended to the file it read).
      await watcher.store.read('octo/repo');
      await watcher.store.saveChanges(checkpoint(1));
      await watcher.store.saveChanges(checkpoint(2));
      await settle();
      assert.deepEqual(changed, [], 'its own appends were taken for another process’s save (the extension would read the snapshot again)');

      const other = directorySnapshotStore(directory);
      await other.read('octo/repo');
      const inode = statSync(file).ino;
      await other.saveChanges(checkpoint(3));
      assert.equal(statSync(file).ino, inode, 'the other process appended');
      await settle();
      assert.deepEqual(changed, [file], 'another process’s append went unnoticed');
    } finally {
      watcher.dispose();
    }
  });
});

const API = 'https://api.github.com';

/** The changes of a sync's checkpoint: one discussion more. */
function checkpoint(count: number): SnapshotChanges {
  const node = discussion(count, 'alice', count);
  return {
    repository: 'octo/repo',
    apiUrl: API,
    sync: { ...emptySnapshot('octo/repo', API).sync, lastSyncAt: new Date(Date.UTC(2025, 0, count)).toISOString() },
    changed: [node],
    deleted: [],
    count,
    everything: () => {
      throw new Error('the checkpoint rewrote the whole file instead of appending');
    },
  };
}
