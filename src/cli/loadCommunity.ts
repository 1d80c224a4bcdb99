import type { Community } from '../community/model';
import type { DiscussionNode } from '../github/schemas';
import { normalizeCommunity } from '../community/normalize';
import { classifyPeople, type People } from '../community/people';
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
}

/** The community a `triage` or `report` command works on, from `--input FILE` or a repository's stored snapshot. */
export async function loadCommunity(source: CommunitySource): Promise<LoadedCommunity> {
  if ((source.input === undefined) === (source.repository === undefined)) {
    throw new UsageError('give either OWNER/REPO (its stored snapshot) or --input FILE, not both and not neither');
  }
  const { repository, discussions } = source.input !== undefined ? await readInput(source.input) : await readStored(source);
  const community = normalizeCommunity(repository, discussions);
  const people = classifyPeople(community, {
    maintainers: parseList(source.maintainers),
    ignoreUsers: parseList(source.ignoreUsers),
  });
  return { community, people };
}

interface Discussions {
  readonly repository: string;
  readonly discussions: DiscussionNode[];
}

async function readInput(file: string): Promise<Discussions> {
  const read = await readDiscussionsFile(file);
  return { repository: read.repository ?? file, discussions: read.discussions };
}

async function readStored(source: CommunitySource): Promise<Discussions> {
  const repo = parseRepository(source.repository);
  const name = `${repo.owner}/${repo.name}`;
  const directory = storeDirectory(source.store);
  const snapshot = await directorySnapshotStore(directory).read(name);
  if (!snapshot) {
    throw new UsageError(`no snapshot of ${name} in ${directory}: run \`community-pulse sync ${name}\` first, or pass --input FILE`);
  }
  return { repository: snapshot.repository, discussions: snapshot.discussions };
}
