import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMUNITY_IMAGE } from '../../../src/community/image';
import type { Community } from '../../../src/community/model';
import { normalizeCommunity } from '../../../src/community/normalize';
import type { DiscussionNode } from '../../../src/github/schemas';
import { emptySnapshot, type Snapshot } from '../../../src/store/snapshot';
import { imageFileOf, loadThroughImage } from '../../../src/store/snapshotImage';
import { directorySnapshotStore, type SnapshotStore } from '../../../src/store/snapshotStore';
import { generateCommunity } from '../../fake-github/generator';

const REPOSITORY = 'octo/community';

function generatedSnapshot(): Snapshot {
  const generated = generateCommunity({ bodies: false, seed: 9, discussions: 60, now: '2025-06-01T00:00:00Z', repository: REPOSITORY });
  const snapshot = emptySnapshot(REPOSITORY, 'https://api.github.com');
  snapshot.sync = { ...snapshot.sync, lastSyncAt: '2025-06-01T00:00:00.000Z' };
  snapshot.discussions = generated.discussions as DiscussionNode[];
  return snapshot;
}

/** A store as a new process has it (it has seen nothing), counting how often it reads the log. */
function freshStore(directory: string): SnapshotStore & { logReads: number } {
  const store = directorySnapshotStore(directory);
  const counted = {
    ...store,
    logReads: 0,
    read: (repository: string) => {
      counted.logReads++;
      return store.read(repository);
    },
  };
  return counted;
}

/** Loads as the extension and the CLI do; returns the community, how often the log was read and what was logged. */
async function load(directory: string, codec = COMMUNITY_IMAGE): Promise<{ community: Community | undefined; logReads: number; logged: string[] }> {
  const store = freshStore(directory);
  const logged: string[] = [];
  const loaded = await loadThroughImage(store, REPOSITORY, codec, (line) => logged.push(line));
  return { community: loaded?.value, logReads: store.logReads, logged };
}

/** The same data as a reader sees it: the titles, and every discussion's posts. */
function contentOf(community: Community | undefined): unknown {
  return community?.discussions.map((discussion) => ({ ...discussion, posts: discussion.posts }));
}

describe('snapshot image', () => {
  let directory: string;
  let snapshot: Snapshot;
  let image: string;
  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'cp-image-'));
    snapshot = generatedSnapshot();
    await directorySnapshotStore(directory).write(snapshot);
    image = imageFileOf(join(directory, 'octo__community.json'));
  });

  it('is made at the first load, and the next load decodes it instead of reading the log, with the same community', async () => {
    const first = await load(directory);
    assert.equal(first.logReads, 1);
    assert.deepEqual(first.logged, [], 'no image yet is no news');
    assert.deepEqual(readdirSync(directory).sort(), ['octo__community.image', 'octo__community.json'], 'no temporary file is left');
    const second = await load(directory);
    assert.equal(second.logReads, 0, 'read from the image');
    const fromLog = await directorySnapshotStore(directory).read(REPOSITORY);
    assert.deepEqual(contentOf(second.community), contentOf(normalizeCommunity(REPOSITORY, fromLog!.discussions)));
  });

  it('is made again when the log changed after it (a checkpoint appended), and the load shows the change', async () => {
    await load(directory);
    const writer = directorySnapshotStore(directory);
    await writer.read(REPOSITORY);
    const changed = { ...snapshot.discussions[0]!, title: 'Renamed since the image', updatedAt: '2025-06-02T00:00:00Z' };
    await writer.saveChanges({
      repository: REPOSITORY,
      apiUrl: snapshot.apiUrl,
      sync: snapshot.sync,
      changed: [changed],
      deleted: [],
      count: 60,
      everything: () => [],
    });
    const after = await load(directory);
    assert.equal(after.logReads, 1, 'read from the log');
    assert.match(after.logged.join('\n'), /snapshot changed since it was made/);
    assert.equal(after.community?.discussions.find((each) => each.id === changed.id)?.title, 'Renamed since the image');
    const next = await load(directory);
    assert.equal(next.logReads, 0, 'the image made again is used');
    assert.deepEqual(contentOf(next.community), contentOf(after.community));
  });

  it('is ignored (logged) and made again when damaged, cut short or of another version: the data is intact', async () => {
    const expected = contentOf((await load(directory)).community);
    const whole = readFileSync(image);
    const damages: [string, () => void, RegExp][] = [
      ['cut short', () => truncateSync(image, whole.length - 10), /damaged/],
      ['cut in its header', () => truncateSync(image, 30), /damaged/],
      ['overwritten', () => writeFileSync(image, 'another program wrote this file, which is no image'), /not an image/],
      ['longer than written', () => writeFileSync(image, Buffer.concat([whole, Buffer.from('more')])), /damaged/],
    ];
    for (const [damage, apply, reason] of damages) {
      apply();
      const loaded = await load(directory);
      assert.equal(loaded.logReads, 1, damage);
      assert.match(loaded.logged.join('\n'), reason, damage);
      assert.deepEqual(contentOf(loaded.community), expected, damage);
      assert.equal((await load(directory)).logReads, 0, `${damage}: made again`);
    }
    const otherVersion = await load(directory, { ...COMMUNITY_IMAGE, version: COMMUNITY_IMAGE.version + 1 });
    assert.equal(otherVersion.logReads, 1);
    assert.match(otherVersion.logged.join('\n'), /of another version/);
    assert.deepEqual(contentOf(otherVersion.community), expected);
  });

  it('failing to write the image only logs it: the load still returns the data', async () => {
    mkdirSync(join(image, 'in-the-way'), { recursive: true });
    const loaded = await load(directory);
    assert.equal(loaded.community?.discussions.length, 60);
    assert.match(loaded.logged.join('\n'), /Cannot write the snapshot image .*octo__community\.image/);
    assert.deepEqual(readdirSync(directory).sort(), ['octo__community.image', 'octo__community.json'], 'no temporary file is left');
  });

  it('is not used for a snapshot that is gone', async () => {
    await load(directory);
    truncateSync(join(directory, 'octo__community.json'), 0);
    assert.equal((await load(directory)).community, undefined, 'an empty log holds no snapshot');
  });
});
