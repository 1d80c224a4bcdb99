import { randomBytes } from 'node:crypto';
import { open, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import * as z from 'zod';
import type { DiscussionNode } from '../github/schemas';
import { errorMessage } from '../shared/errorMessage';
import { SyncStateSchema, type Snapshot, type SyncState } from './snapshot';
import { identityOf, sameIdentity, type FileIdentity } from './snapshotLogReader';
import type { SnapshotStore } from './snapshotStore';

/**
 * A snapshot's image: what loading makes of the snapshot log (the community, through a codec the store does not know),
 * kept as bytes beside it and stamped with the log file's identity, so the next load decodes it instead of reading and
 * normalizing the whole log (docs/architecture.md, "Snapshot format"). It is disposable: missing, stale, of another
 * version or damaged, it is ignored (logged) and made again from the log, which stays the truth.
 *
 * File: `IMAGE_MAGIC`, a 4-byte header length, the header as JSON (`ImageHeader`), then the codec's sections.
 */

/** Turns a snapshot's discussions into what the application loads (`community/image.ts`'s `COMMUNITY_IMAGE`) and back. */
export interface ImageCodec<T> {
  /** Changes whenever what `encode` writes changes meaning: an image of another version is made again. */
  readonly version: number;
  build(repository: string, discussions: readonly DiscussionNode[]): T;
  /**
   * Sections, each a list of chunks written one after another. Each section is read back into a buffer of its own, so
   * what `decode` keeps views of (the community's table of posts) holds no other section's bytes in memory.
   */
  encode(value: T): readonly (readonly Uint8Array[])[];
  /** Throws when the sections cannot be what `encode` wrote. */
  decode(sections: readonly Uint8Array[]): T;
}

/** A stored snapshot as loaded: what of it besides its discussions the surfaces read, and what the codec made of them. */
export interface LoadedSnapshot<T> {
  readonly repository: string;
  readonly apiUrl: string;
  readonly sync: SyncState;
  /** How many discussions it holds. */
  readonly discussions: number;
  readonly value: T;
}

const IMAGE_MAGIC = 'community-pulse/image\n';
/** The file's own layout (the header and what follows it); the codec's version is the body's. */
const IMAGE_FILE_VERSION = 1;

const ImageHeaderSchema = z.object({
  version: z.number(),
  codecVersion: z.number(),
  /** The snapshot log's identity when the image was made of it. */
  log: z.object({ ino: z.number(), size: z.number(), mtimeMs: z.number() }),
  repository: z.string(),
  apiUrl: z.string(),
  sync: SyncStateSchema,
  discussions: z.number().int().nonnegative(),
  /** The byte length of each of the codec's sections, which follow the header. */
  sections: z.array(z.number().int().nonnegative()),
});
type ImageHeader = z.infer<typeof ImageHeaderSchema>;

/** `octo__repo.json` → `octo__repo.image`, beside it (not `.json`: the snapshot watcher looks at those only). */
export function imageFileOf(logFile: string): string {
  return `${logFile.endsWith('.json') ? logFile.slice(0, -'.json'.length) : logFile}.image`;
}

/** A snapshot as `build` makes it, for a store without an image (or the image's own making). */
export function loadedSnapshotOf<T>(snapshot: Snapshot, codec: ImageCodec<T>): LoadedSnapshot<T> {
  return {
    repository: snapshot.repository,
    apiUrl: snapshot.apiUrl,
    sync: snapshot.sync,
    discussions: snapshot.discussions.length,
    value: codec.build(snapshot.repository, snapshot.discussions),
  };
}

/**
 * The repository's stored snapshot as loaded: from its image when the image was made of the log as it is now, else
 * read from the log and built (then imaged for the next load). Null when none is stored; the log's errors are the
 * store's (a damaged snapshot), the image's are only logged.
 */
export async function loadThroughImage<T>(
  store: SnapshotStore,
  repository: string,
  codec: ImageCodec<T>,
  log: (line: string) => void,
): Promise<LoadedSnapshot<T> | null> {
  const file = store.fileOf?.(repository);
  if (file !== undefined) {
    const image = imageFileOf(file);
    try {
      const fromImage = await readImage(file, image, repository, codec);
      if (fromImage) return fromImage;
    } catch (error) {
      log(`The snapshot image ${image} was not used (${errorMessage(error)}): reading the snapshot ${file} and making the image again.`);
    }
  }
  const snapshot = await store.read(repository);
  if (snapshot === null) return null;
  const loaded = loadedSnapshotOf(snapshot, codec);
  await saveImage(store, loaded, codec, log);
  return loaded;
}

/**
 * Writes the image of `loaded`, which must be what the store last read or wrote (a sync's last checkpoint, a load),
 * unless the file has changed since (another process's save: whoever loads it next makes its image). Atomic: a
 * temporary file renamed over the old image. A failure is only logged: the next load reads the log.
 */
export async function saveImage<T>(store: SnapshotStore, loaded: LoadedSnapshot<T>, codec: ImageCodec<T>, log: (line: string) => void): Promise<void> {
  const file = store.fileOf?.(loaded.repository);
  const identity = store.identityOf?.(loaded.repository);
  if (file === undefined || !identity) return;
  const image = imageFileOf(file);
  try {
    const now = await stat(file);
    if (!sameIdentity(identityOf(now), identity)) return;
    await writeImage(image, identity, loaded, codec);
  } catch (error) {
    log(`Cannot write the snapshot image ${image}: ${errorMessage(error)}. The next load reads the snapshot instead (slower, nothing is lost).`);
  }
}

/** Why an image was not used: it is then made again. */
class ImageUnusable extends Error {}

/** The image's snapshot; null when there is no image yet (not worth a note); throws ImageUnusable saying why not. */
async function readImage<T>(file: string, image: string, repository: string, codec: ImageCodec<T>): Promise<LoadedSnapshot<T> | null> {
  const current = await stat(file).catch((error: unknown) => {
    throw new ImageUnusable(isMissing(error) ? 'the snapshot is gone' : errorMessage(error));
  });
  const handle = await open(image, 'r').catch((error: unknown) => {
    if (isMissing(error)) return null;
    throw new ImageUnusable(errorMessage(error));
  });
  if (handle === null) return null;
  try {
    const size = (await handle.stat()).size;
    const prefix = await readExactly(handle, 0, IMAGE_MAGIC.length + 4);
    if (prefix.toString('latin1', 0, IMAGE_MAGIC.length) !== IMAGE_MAGIC) throw new ImageUnusable('not an image');
    const headerBytes = prefix.readUInt32LE(IMAGE_MAGIC.length);
    if (prefix.length + headerBytes > size) throw new ImageUnusable('damaged: it ends inside its header');
    const header = parseHeader(await readExactly(handle, prefix.length, headerBytes), codec.version);
    if (!sameIdentity(header.log, identityOf(current))) throw new ImageUnusable('the snapshot changed since it was made');
    if (header.repository.toLowerCase() !== repository.toLowerCase()) throw new ImageUnusable(`made of ${header.repository}`);
    let position = prefix.length + headerBytes;
    const written = position + header.sections.reduce((sum, length) => sum + length, 0);
    if (written !== size) throw new ImageUnusable(`damaged: ${size} bytes where ${written} were written`);
    const sections: Buffer[] = [];
    for (const length of header.sections) {
      sections.push(await readExactly(handle, position, length));
      position += length;
    }
    const value = decodeSections(codec, sections);
    return { repository: header.repository, apiUrl: header.apiUrl, sync: header.sync, discussions: header.discussions, value };
  } finally {
    await handle.close();
  }
}

async function writeImage<T>(image: string, identity: FileIdentity, loaded: LoadedSnapshot<T>, codec: ImageCodec<T>): Promise<void> {
  const sections = codec.encode(loaded.value);
  const header: ImageHeader = {
    version: IMAGE_FILE_VERSION,
    codecVersion: codec.version,
    log: { ino: identity.ino, size: identity.size, mtimeMs: identity.mtimeMs },
    repository: loaded.repository,
    apiUrl: loaded.apiUrl,
    sync: loaded.sync,
    discussions: loaded.discussions,
    sections: sections.map((chunks) => chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0)),
  };
  const headerBytes = Buffer.from(JSON.stringify(header));
  const prefix = Buffer.alloc(IMAGE_MAGIC.length + 4);
  prefix.write(IMAGE_MAGIC, 'latin1');
  prefix.writeUInt32LE(headerBytes.byteLength, IMAGE_MAGIC.length);
  // A dot first: the snapshot watcher ignores it; another process sees the old image or the new one, never part of one.
  const temporary = join(dirname(image), `.${basename(image)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, [prefix, headerBytes, ...sections.flat()]);
    await rename(temporary, image);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/** The header, checked for its versions first: another version's header may have another shape. */
function parseHeader(bytes: Buffer, codecVersion: number): ImageHeader {
  let json: { version?: unknown; codecVersion?: unknown } | null;
  try {
    json = JSON.parse(bytes.toString('utf8')) as typeof json;
  } catch {
    throw new ImageUnusable('damaged: its header is not JSON');
  }
  if (json?.version !== IMAGE_FILE_VERSION || json.codecVersion !== codecVersion) {
    throw new ImageUnusable(`of another version (${String(json?.version)}.${String(json?.codecVersion)}, expected ${IMAGE_FILE_VERSION}.${codecVersion})`);
  }
  const parsed = ImageHeaderSchema.safeParse(json);
  if (!parsed.success) throw new ImageUnusable('damaged: its header is not an image header');
  return parsed.data;
}

function decodeSections<T>(codec: ImageCodec<T>, sections: readonly Buffer[]): T {
  try {
    return codec.decode(sections);
  } catch (error) {
    throw new ImageUnusable(`damaged: ${errorMessage(error)}`);
  }
}

async function readExactly(handle: Awaited<ReturnType<typeof open>>, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) throw new ImageUnusable(`damaged: it ends at byte ${position + filled}, before ${position + length}`);
    filled += bytesRead;
  }
  return buffer;
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}
