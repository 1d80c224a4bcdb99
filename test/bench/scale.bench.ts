import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { COMMUNITY_IMAGE } from '../../src/community/image';
import type { Community } from '../../src/community/model';
import { normalizeCommunity } from '../../src/community/normalize';
import { DiscussionNodeSchema, type DiscussionNode } from '../../src/github/schemas';
import { emptySnapshot, type Snapshot } from '../../src/store/snapshot';
import { imageFileOf, loadThroughImage, saveImage, type LoadedSnapshot } from '../../src/store/snapshotImage';
import { directorySnapshotStore, snapshotFileName, type SnapshotStore } from '../../src/store/snapshotStore';
import { generateCommunity } from '../fake-github/generator';
import type { Benchmark, BenchReporter } from './reporter';

const NOW = '2025-06-01T00:00:00Z';
const SIZES = [50_000, 200_000] as const;
const HEADLINE_SIZE = 200_000;
const CHECKPOINT_DISCUSSIONS = 1_000;
const MB = 1024 * 1024;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
/** A full GC, then again once buffers freed by the first are swept (V8 sweeps them in the background). */
async function collectGarbage(): Promise<void> {
  gc();
  await new Promise((resolve) => setTimeout(resolve, 200));
  gc();
}
/** The JS heap and what typed arrays and buffers hold outside it. */
const memoryInUse = (): number => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;

/**
 * Issue #11, point 4: the stored snapshot at 50,000 and 200,000 discussions (~11.5 posts each): its size on disk, a
 * load from the log (store.read, then normalizeCommunity) and the community image it leaves, a load as the extension
 * and the CLI do it (through the fresh image), the memory the community keeps, a checkpoint saving 1,000 changed
 * discussions, and a save of the whole file.
 */
export default {
  title: 'Snapshot at scale (issue #11, point 4)',
  async run(report) {
    for (const size of SIZES) await measure(report, size);
  },
} satisfies Benchmark;

async function measure(report: BenchReporter, size: number): Promise<void> {
  const headline = size === HEADLINE_SIZE;
  const directory = mkdtempSync(join(tmpdir(), 'cp-scale-bench-'));
  const store = directorySnapshotStore(directory);
  try {
    const { snapshot, changed, posts } = syntheticSnapshot(size);
    report.note(`${size.toLocaleString('en')} discussions, ${posts.toLocaleString('en')} posts`);
    const whole = await timed(() => store.write(snapshot));
    const file = join(directory, snapshotFileName(snapshot.repository));
    report.figure(`  snapshot on disk`, statSync(file).size / MB, 'MB');
    report.figure(`  whole-file save`, whole, 'ms');
    if (!headline) await measureVersionOne(report, snapshot);
    // Only the store's own memory is left: the generated discussions are let go before loading.
    const repository = snapshot.repository;
    snapshot.discussions = [];
    await measureLoad(report, store, repository, headline);
    const sizeBefore = statSync(file).size;
    const checkpoint = await timed(() =>
      store.saveChanges({
        repository,
        apiUrl: snapshot.apiUrl,
        sync: snapshot.sync,
        changed,
        deleted: [],
        count: size,
        everything: () => {
          throw new Error('the checkpoint rewrote the whole file instead of appending');
        },
      }),
    );
    report.figure(
      `  checkpoint save of ${CHECKPOINT_DISCUSSIONS.toLocaleString('en')} changed discussions (appended)`,
      checkpoint,
      'ms',
      headline ? 300 : undefined,
    );
    report.figure(`    bytes it appended`, (statSync(file).size - sizeBefore) / MB, 'MB');
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/**
 * The load as the extension and the CLI do it (`loadThroughImage`): first cold, with no image (the log read and
 * normalized as before the image, then the image written), then as every later start does it, through the fresh image.
 */
async function measureLoad(report: BenchReporter, store: SnapshotStore, repository: string, headline: boolean): Promise<void> {
  const file = store.fileOf!(repository);
  await collectGarbage();
  let baseline = memoryInUse();
  // The cold load's parts, timed through the store and the codec it calls.
  let read = 0;
  let normalizing = 0;
  let snapshot: Snapshot | null = null;
  const timedStore: SnapshotStore = {
    ...store,
    read: async (name) => {
      const started = performance.now();
      snapshot = await store.read(name);
      read = performance.now() - started;
      return snapshot;
    },
  };
  const timedCodec = {
    ...COMMUNITY_IMAGE,
    build: (name: string, discussions: readonly DiscussionNode[]) => {
      const started = performance.now();
      const built = normalizeCommunity(name, discussions);
      normalizing = performance.now() - started;
      return built;
    },
  };
  const started = performance.now();
  let cold: LoadedSnapshot<Community> | null = await loadThroughImage(timedStore, repository, timedCodec, failOnLog);
  const coldLoad = performance.now() - started;
  const validation = await timed(async () => (snapshot as Snapshot | null)?.discussions.forEach((node) => DiscussionNodeSchema.parse(node)));
  snapshot = null;
  await collectGarbage();
  const keptFromLog = memoryInUse() - baseline;
  const imageWrite = await timed(() => saveImage(store, cold!, COMMUNITY_IMAGE, failOnLog));
  cold = null;
  report.figure(`  snapshot load from the log (store.read, then normalizeCommunity), as before the image`, read + normalizing, 'ms');
  report.figure(`    of which store.read (parse, validate, order)`, read, 'ms');
  report.figure(`    validation alone (zod, every discussion once more)`, validation, 'ms');
  report.figure(`  heap and buffers kept after loading (the community only, after GC)`, keptFromLog / MB, 'MB');
  report.figure(`  cold load with no image (the log, normalizeCommunity, the image written)`, coldLoad, 'ms');
  report.figure(`  community image on disk`, statSync(imageFileOf(file)).size / MB, 'MB');
  report.figure(`  community image write (encode, write, rename)`, imageWrite, 'ms');

  await collectGarbage();
  baseline = memoryInUse();
  const nextStart: SnapshotStore = { ...store, read: () => Promise.reject(new Error('the load read the log instead of the fresh image')) };
  const loading = performance.now();
  const loaded = await loadThroughImage(nextStart, repository, COMMUNITY_IMAGE, failOnLog);
  const load = performance.now() - loading;
  await collectGarbage();
  const kept = memoryInUse() - baseline;
  report.figure(`  snapshot load (through the fresh community image, as at every start)`, load, 'ms', headline ? 2000 : undefined);
  report.ratio(`    the load from the log over the load through the image`, read + normalizing, load);
  report.figure(`  heap and buffers kept after loading through the image (after GC)`, kept / MB, 'MB', headline ? 300 : undefined);
  if (!loaded || loaded.value.discussions.length === 0) throw new Error('the snapshot loaded empty');
}

function failOnLog(line: string): never {
  throw new Error(`the bench's load logged: ${line}`);
}

/**
 * Before: version 1, one JSON document written with one JSON.stringify and read with one JSON.parse. Only at 50,000:
 * at 200,000 its text (about 560 million characters) passes V8's longest string, so it can be neither written nor read.
 */
async function measureVersionOne(report: BenchReporter, snapshot: Snapshot): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), 'cp-scale-bench-v1-'));
  try {
    const file = join(directory, snapshotFileName(snapshot.repository));
    const save = await timed(async () => writeFileSync(file, `${JSON.stringify(snapshot)}\n`));
    const load = await timed(() => directorySnapshotStore(directory).read(snapshot.repository));
    report.figure(`  before (version 1, one JSON document): on disk`, statSync(file).size / MB, 'MB');
    report.figure(`  before: whole-file save (every checkpoint)`, save, 'ms');
    report.figure(`  before: store.read`, load, 'ms');
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** The generated community as the sync stores it (unknown fields stripped), with 1,000 of its discussions changed. */
function syntheticSnapshot(size: number): { snapshot: Snapshot; changed: DiscussionNode[]; posts: number } {
  const generated = generateCommunity({ bodies: false, seed: 3, discussions: size, now: NOW });
  const snapshot = emptySnapshot(generated.repository, 'https://api.github.com');
  snapshot.sync = { lastSyncAt: NOW, lastFullSyncAt: NOW, updatedSince: NOW, pendingPass: null };
  snapshot.discussions = generated.discussions.map((node) => DiscussionNodeSchema.parse(node));
  generated.discussions.length = 0;
  const posts = snapshot.discussions.reduce(
    (sum, node) => sum + 1 + (node.comments?.nodes ?? []).reduce((count, comment) => count + 1 + (comment.replies?.nodes.length ?? 0), 0),
    0,
  );
  const changed = snapshot.discussions.slice(0, CHECKPOINT_DISCUSSIONS).map((node) => ({ ...node, updatedAt: NOW, upvoteCount: (node.upvoteCount ?? 0) + 1 }));
  return { snapshot, changed, posts };
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}
