import type { Community } from '../community/model';
import { COMMUNITY_IMAGE } from '../community/image';
import { normalizeCommunity } from '../community/normalize';
import { formatRepoRef } from '../github/repoRef';
import { classifyPeople, type People } from '../community/people';
import { partialSnapshotOf, type PartialSnapshot } from '../shared/partialSnapshot';
import { readDiscussionsFile } from '../store/inputFile';
import { loadThroughImage } from '../store/snapshotImage';
import { directorySnapshotStore } from '../store/snapshotStore';
import { parseList, parseRepository, storeDirectory } from './options';
import { UsageError } from './usage';

export interface CommunitySource {
  /** OWNER/REPO positional argument: read that repository's stored snapshot. */
  readonly repository: string | undefined;
  readonly input: string | undefined;
  readonly store: string | undefined;
  readonly maintainers: string | undefined;
  readonly ignoreUsers: string | undefined;
}

export interface LoadedCommunity {
  readonly community: Community;
  readonly people: People;
  /** The GitHub API URL a stored snapshot was synced from; null for an `--input` file, which does not say. */
  readonly apiUrl: string | null;
  /** A stored snapshot no sync pass has completed (the first sync was interrupted); null when complete or an input file. */
  readonly partial: PartialSnapshot | null;
}

/** The community a `triage` or `report` command works on, from `--input FILE` or a repository's stored snapshot. */
export async function loadCommunity(source: CommunitySource): Promise<LoadedCommunity> {
  if ((source.input === undefined) === (source.repository === undefined)) {
    throw new UsageError('give either OWNER/REPO (its stored snapshot) or --input FILE, not both and not neither');
  }
  const { community, apiUrl, partial } = source.input !== undefined ? await readInput(source.input) : await readStored(source);
  const people = classifyPeople(community, {
    maintainers: parseList(source.maintainers),
    ignoreUsers: parseList(source.ignoreUsers),
  });
  return { community, people, apiUrl, partial };
}

type Read = Omit<LoadedCommunity, 'people'>;

async function readInput(file: string): Promise<Read> {
  const read = await readDiscussionsFile(file);
  return { community: normalizeCommunity(read.repository ?? file, read.discussions), apiUrl: null, partial: null };
}

/**
 * Through the snapshot's image (`store/snapshotImage.ts`), as the extension loads it. An image not used (stale after
 * another process's sync, damaged) is made again without a word: stderr is for what the user must know, and the image
 * is only a cache of the log.
 */
async function readStored(source: CommunitySource): Promise<Read> {
  const repo = parseRepository(source.repository);
  const name = formatRepoRef(repo);
  const directory = storeDirectory(source.store);
  const loaded = await loadThroughImage(directorySnapshotStore(directory), name, COMMUNITY_IMAGE, () => undefined);
  if (!loaded) {
    throw new UsageError(`no snapshot of ${name} in ${directory}: run \`community-pulse sync ${name}\` first, or pass --input FILE`);
  }
  return { community: loaded.value, apiUrl: loaded.apiUrl, partial: partialSnapshotOf(loaded.sync, loaded.discussions) };
}
