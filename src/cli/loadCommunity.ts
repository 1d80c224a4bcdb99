import type { Community } from '../community/model';
import type { DiscussionNode } from '../github/schemas';
import { normalizeCommunity } from '../community/normalize';
import { formatRepoRef } from '../github/repoRef';
import { classifyPeople, type People } from '../community/people';
import { partialSnapshotOf, type PartialSnapshot } from '../shared/partialSnapshot';
import { readDiscussionsFile } from '../store/inputFile';
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
  const { repository, discussions, apiUrl, partial } = source.input !== undefined ? await readInput(source.input) : await readStored(source);
  const community = normalizeCommunity(repository, discussions);
  const people = classifyPeople(community, {
    maintainers: parseList(source.maintainers),
    ignoreUsers: parseList(source.ignoreUsers),
  });
  return { community, people, apiUrl, partial };
}

interface Discussions {
  readonly repository: string;
  readonly discussions: DiscussionNode[];
  readonly apiUrl: string | null;
  readonly partial: PartialSnapshot | null;
}

async function readInput(file: string): Promise<Discussions> {
  const read = await readDiscussionsFile(file);
  return { repository: read.repository ?? file, discussions: read.discussions, apiUrl: null, partial: null };
}

async function readStored(source: CommunitySource): Promise<Discussions> {
  const repo = parseRepository(source.repository);
  const name = formatRepoRef(repo);
  const directory = storeDirectory(source.store);
  const snapshot = await directorySnapshotStore(directory).read(name);
  if (!snapshot) {
    throw new UsageError(`no snapshot of ${name} in ${directory}: run \`community-pulse sync ${name}\` first, or pass --input FILE`);
  }
  return {
    repository: snapshot.repository,
    discussions: snapshot.discussions,
    apiUrl: snapshot.apiUrl,
    partial: partialSnapshotOf(snapshot.sync, snapshot.discussions.length),
  };
}
