import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseRepoRef } from '../../../src/github/repoRef';
import { damagedFileName } from '../../../src/store/damagedSnapshot';
import { emptySnapshot } from '../../../src/store/snapshot';
import { directorySnapshotStore } from '../../../src/store/snapshotStore';
import { syncLockFileOf } from '../../../src/store/syncLock';

const ATTEMPTS = [
  '../x',
  'a/..',
  '../../etc/passwd',
  'octo/../../x',
  '/etc/passwd',
  '/abs/path',
  'C:\\Windows/x',
  'octo\\..\\..\\x/repo',
  'octo/..\\..\\x',
  'octo/repo\0.json',
  'octo\0/repo',
  'octo/.',
  './repo',
  'octo/repo/extra',
  '',
  '/',
  `${'a'.repeat(300)}/repo`,
  `octo/${'r'.repeat(300)}`,
];

describe('file names from owner/name stay in the store folder', () => {
  it('refuses every traversal attempt, absolute path, backslash, NUL and over-long name, and writes nothing', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'cp-paths-'));
    const directory = join(parent, 'store');
    const store = directorySnapshotStore(directory);
    for (const name of ATTEMPTS) {
      assert.equal(parseRepoRef(name), null, `parseRepoRef accepted ${JSON.stringify(name)}`);
      assert.throws(() => store.fileOf(name), /is not a repository name of the form owner\/name/, JSON.stringify(name));
      await assert.rejects(async () => store.read(name), /is not a repository name/, JSON.stringify(name));
      await assert.rejects(async () => store.write(emptySnapshot(name, 'https://api.github.com')), /is not a repository name/, JSON.stringify(name));
    }
    assert.deepEqual(readdirSync(parent), [], 'something was written');
  });

  it('keeps the snapshot, its lock and a damaged copy of a valid name inside the folder', () => {
    const directory = resolve(mkdtempSync(join(tmpdir(), 'cp-paths-')));
    const store = directorySnapshotStore(directory);
    for (const name of ['octo/repo', 'a-b/c.d_e', 'octo/..repo', 'octo/repo..', `${'o'.repeat(100)}/${'r'.repeat(100)}`]) {
      const file = store.fileOf(name);
      for (const path of [file, syncLockFileOf(file), damagedFileName(file, new Date())]) {
        assert.equal(dirname(resolve(path)), directory, `${name} → ${path}`);
      }
    }
  });
});
