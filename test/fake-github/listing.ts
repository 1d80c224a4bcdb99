import type { Ordering } from './connection';
import type { StoredDiscussion, StoredRepository } from './model';

/** `repository.discussions` arguments other than paging (the schema supplies the defaults). */
export interface DiscussionFilter {
  orderBy: { field: 'CREATED_AT' | 'UPDATED_AT'; direction: 'ASC' | 'DESC' };
  categoryId?: string | null;
  answered?: boolean | null;
  states?: readonly ('OPEN' | 'CLOSED')[] | null;
}

/**
 * Keyset ordering by time then number (ties broken like GitHub: by the same direction), so a cursor
 * keeps its place when other discussions are updated and move to the front.
 */
export function discussionOrdering(orderBy: DiscussionFilter['orderBy']): Ordering<StoredDiscussion> {
  const sign = orderBy.direction === 'ASC' ? 1 : -1;
  const time = orderBy.field === 'CREATED_AT' ? (d: StoredDiscussion) => d.createdAtMs : (d: StoredDiscussion) => d.updatedAtMs;
  return { keyLength: 2, keyOf: (discussion) => [sign * time(discussion), sign * discussion.number] };
}

interface CachedListing {
  version: number;
  items: readonly StoredDiscussion[];
}

const listings = new WeakMap<StoredRepository, Map<string, CachedListing>>();

/** The repository's discussions filtered and sorted, cached until the repository changes. */
export function listDiscussions(repository: StoredRepository, filter: DiscussionFilter): readonly StoredDiscussion[] {
  if (!repository.hasDiscussionsEnabled) return [];
  const cacheKey = JSON.stringify([filter.orderBy.field, filter.orderBy.direction, filter.categoryId, filter.answered, filter.states]);
  let cache = listings.get(repository);
  if (!cache) listings.set(repository, (cache = new Map()));
  const cached = cache.get(cacheKey);
  if (cached?.version === repository.version) return cached.items;

  const states = filter.states?.length ? new Set(filter.states) : undefined;
  const { keyOf } = discussionOrdering(filter.orderBy);
  const items = repository.discussions
    .filter(
      (discussion) =>
        (filter.categoryId == null || discussion.category.id === filter.categoryId) &&
        (filter.answered == null || (discussion.answer !== null) === filter.answered) &&
        (!states || states.has(discussion.closed ? 'CLOSED' : 'OPEN')),
    )
    .map((discussion) => ({ discussion, key: keyOf(discussion, 0) }))
    .sort((a, b) => a.key[0]! - b.key[0]! || a.key[1]! - b.key[1]!)
    .map(({ discussion }) => discussion);
  cache.set(cacheKey, { version: repository.version, items });
  return items;
}
