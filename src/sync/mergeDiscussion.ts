import type { DiscussionNode } from '../github/schemas';
import type { SnapshotStore } from '../store/snapshotStore';

/** Merges in progress per store and repository: each waits for the one before, so none overwrites another's change. */
const pendingMerges = new WeakMap<SnapshotStore, Map<string, Promise<void>>>();

/**
 * After a change made from the Discussion view: the discussion fetched again replaces the stored one (or, when
 * `node` is null because it no longer exists, is removed), appended to the snapshot file (or in one atomic write of it). The sync state is kept as it is, so
 * the next incremental sync still pages down to where the last one stopped, re-reads this discussion and agrees.
 * Nothing happens when the repository has no snapshot yet: the first sync brings everything.
 */
export async function mergeDiscussionIntoSnapshot(
  store: SnapshotStore,
  repository: string,
  discussion: { id: string; node: DiscussionNode | null },
): Promise<void> {
  const byRepository = pendingMerges.get(store) ?? new Map<string, Promise<void>>();
  pendingMerges.set(store, byRepository);
  const key = repository.toLowerCase();
  const previous = byRepository.get(key) ?? Promise.resolve();
  const merged = previous.catch(() => undefined).then(() => replaceDiscussion(store, repository, discussion));
  byRepository.set(key, merged);
  try {
    await merged;
  } finally {
    if (byRepository.get(key) === merged) byRepository.delete(key);
  }
}

async function replaceDiscussion(store: SnapshotStore, repository: string, { id, node }: { id: string; node: DiscussionNode | null }): Promise<void> {
  const snapshot = await store.read(repository);
  if (snapshot === null) return;
  const others = snapshot.discussions.filter((stored) => stored.id !== id);
  await store.saveChanges({
    repository: snapshot.repository,
    apiUrl: snapshot.apiUrl,
    sync: snapshot.sync,
    changed: node === null ? [] : [node],
    deleted: node === null ? [id] : [],
    count: others.length + (node === null ? 0 : 1),
    everything: () => (node === null ? others : [...others, node]),
  });
}
