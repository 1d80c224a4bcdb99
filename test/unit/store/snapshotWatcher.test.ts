import { strict as assert } from 'node:assert';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptySnapshot } from '../../../src/store/snapshot';
import { directorySnapshotStore } from '../../../src/store/snapshotStore';
import { watchSnapshotsOfOtherProcesses } from '../../../src/store/snapshotWatcher';

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
});
