import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { damagedFileName, moveDamagedSnapshotAside } from '../../../src/store/damagedSnapshot';
import { emptySnapshot } from '../../../src/store/snapshot';
import { directorySnapshotStore } from '../../../src/store/snapshotStore';

const AT = new Date('2026-11-30T10:15:00.250Z');

describe('moving a damaged snapshot aside', () => {
  it('names the kept file after the moment it was moved, beside the snapshot', () => {
    assert.equal(damagedFileName('/s/octo__repo.json', AT), '/s/octo__repo.damaged-2026-11-30T10-15-00.json');
    assert.equal(damagedFileName('/s/octo__repo.json', AT, 1), '/s/octo__repo.damaged-2026-11-30T10-15-00-2.json');
  });

  it('keeps a damaged file under its dated name, never over an earlier one, so the next read finds no snapshot', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'cp-damaged-'));
    const store = directorySnapshotStore(directory);
    const file = join(directory, 'octo__repo.json');
    writeFileSync(file, '{"format": "community-pulse/snap');
    assert.equal(await moveDamagedSnapshotAside(store, 'octo/repo', AT), join(directory, 'octo__repo.damaged-2026-11-30T10-15-00.json'));
    writeFileSync(file, 'also damaged');
    assert.equal(await moveDamagedSnapshotAside(store, 'octo/repo', AT), join(directory, 'octo__repo.damaged-2026-11-30T10-15-00-2.json'));
    assert.deepEqual(readdirSync(directory).sort(), ['octo__repo.damaged-2026-11-30T10-15-00-2.json', 'octo__repo.damaged-2026-11-30T10-15-00.json']);
    assert.equal(readFileSync(join(directory, 'octo__repo.damaged-2026-11-30T10-15-00.json'), 'utf8'), '{"format": "community-pulse/snap');
    assert.equal(await store.read('octo/repo'), null);
  });

  it('leaves a readable or absent snapshot where it is', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'cp-damaged-'));
    const store = directorySnapshotStore(directory);
    assert.equal(await moveDamagedSnapshotAside(store, 'octo/repo', AT), null);
    await store.write(emptySnapshot('octo/repo', 'https://api.github.com'));
    assert.equal(await moveDamagedSnapshotAside(store, 'octo/repo', AT), null);
    assert.deepEqual(readdirSync(directory), ['octo__repo.json']);
  });
});
