import { strict as assert } from 'node:assert';
import { at, discussion } from '../../support/discussionNodes';
import { pageCursors, startSyncTimeline, TIMELINE_REPOSITORY, type SyncTimeline } from '../../support/syncTimeline';

/**
 * The incremental sync's overlap with what is stored (src/github/sync.ts): it pages newest update
 * first and stops once a page reaches discussions updated more than 5 minutes before the newest one
 * the last pass saw, or after 50 consecutive unchanged discussions. Pages hold 100 discussions.
 */
describe('syncRepository: the incremental overlap', () => {
  let timeline: SyncTimeline;
  afterEach(() => timeline.github.close());

  const minutesAfter = (iso: string, minutes: number): string => new Date(Date.parse(iso) + minutes * 60_000).toISOString();
  const numbersStored = async (): Promise<number[]> => (await timeline.stored()).discussions.map((node) => node.number).sort((a, b) => a - b);
  const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, index) => from + index);
  const commentsOf = async (number: number): Promise<string[]> =>
    ((await timeline.stored()).discussions.find((node) => node.number === number)?.comments?.nodes ?? []).map((comment) => comment.author?.login ?? 'ghost');

  it('keeps changes GitHub stamped out of order inside the overlap window, reading on past the last sync’s newest', async () => {
    // #1..#200, one hour apart: #200 is the newest the first sync sees.
    timeline = await startSyncTimeline(range(1, 200).map((n) => discussion(n, 'alice', n, { updatedAt: at(n) })));
    await timeline.sync('incremental');
    const newestSeen = at(200);
    assert.equal((await timeline.stored()).sync.updatedSince, newestSeen);

    // 98 discussions get new activity after it; with #200 and #30 (below) they fill the first page.
    for (const n of range(102, 199)) timeline.github.addComment(TIMELINE_REPOSITORY, n, { author: 'bob', createdAt: minutesAfter(newestSeen, n - 101) });
    // Stamped out of order, after the first sync ended: 1 and 2 minutes before its newest (inside the
    // window), and 10 minutes before (outside it). #30 ends page 1; #35 and #40 start page 2.
    timeline.github.addComment(TIMELINE_REPOSITORY, 30, { author: 'late', createdAt: minutesAfter(newestSeen, -1) });
    timeline.github.addComment(TIMELINE_REPOSITORY, 35, { author: 'later', createdAt: minutesAfter(newestSeen, -2) });
    timeline.github.addComment(TIMELINE_REPOSITORY, 40, { author: 'latest', createdAt: minutesAfter(newestSeen, -10) });
    timeline.queries.length = 0;

    const result = await timeline.sync('incremental');

    // Page 1 ends at #30, older than the newest seen but inside the window, so page 2 is read; it reaches
    // #101 (hours older) and the pass stops. Every changed discussion on a page read is merged:
    // 98 + #30 + #35 + #40 (outside the window, but on a page read).
    assert.equal(pageCursors(timeline.queries).length, 2);
    assert.equal(result.fetched, 101);
    assert.deepEqual(await commentsOf(30), ['late']);
    assert.deepEqual(await commentsOf(35), ['later']);
    assert.deepEqual(await commentsOf(40), ['latest']);
    assert.deepEqual(await commentsOf(150), ['bob']);
    assert.deepEqual(await numbersStored(), range(1, 200));
    assert.equal(Date.parse((await timeline.stored()).sync.updatedSince!), Date.parse(minutesAfter(newestSeen, 98)));
  });

  it('pages through more than 50 discussions sharing one updatedAt without skipping any, and does not re-read them', async () => {
    const shared = at(100);
    // #21..#140 share one timestamp (a bulk change); #1..#20 are older. GitHub breaks ties by number, so
    // the first page boundary falls inside the tie (page 1: #140..#41, page 2: #40..#21, #20..#1).
    timeline = await startSyncTimeline([
      ...range(1, 20).map((n) => discussion(n, 'alice', n, { updatedAt: at(n) })),
      ...range(21, 140).map((n) => discussion(n, 'alice', n - 50, { updatedAt: shared })),
    ]);
    const first = await timeline.sync('incremental');
    assert.equal(pageCursors(timeline.queries).length, 2);
    assert.equal(first.fetched, 140);
    assert.deepEqual(await numbersStored(), range(1, 140));

    timeline.queries.length = 0;
    const unchanged = await timeline.sync('incremental');
    // All of page 1 is unchanged and inside the window: the 50-unchanged rule ends the pass after one page.
    assert.equal(pageCursors(timeline.queries).length, 1);
    assert.equal(unchanged.fetched, 0);
    assert.equal((await timeline.stored()).sync.pendingPass, null);

    // A new discussion stamped the same second as the tie, and an older one updated one second after it.
    const added = timeline.github.addDiscussion(TIMELINE_REPOSITORY, { title: 'Same second', author: 'dave', createdAt: shared });
    timeline.github.addComment(TIMELINE_REPOSITORY, 5, { author: 'erin', createdAt: minutesAfter(shared, 1 / 60) });
    timeline.queries.length = 0;
    const changed = await timeline.sync('incremental');

    assert.equal(pageCursors(timeline.queries).length, 1);
    assert.equal(changed.fetched, 2);
    assert.equal(added.number, 141);
    assert.deepEqual(await numbersStored(), range(1, 141));
    assert.deepEqual(await commentsOf(5), ['erin']);
  });

  it('reads a post made in the same second as the stored copy (GitHub stamps updatedAt to the second)', async () => {
    timeline = await startSyncTimeline(range(1, 3).map((n) => discussion(n, 'alice', n, { updatedAt: at(n) })));
    const second = at(3);
    const { id: commentId } = timeline.github.addComment(TIMELINE_REPOSITORY, 3, { author: 'bob', createdAt: second });
    await timeline.sync('incremental');
    assert.deepEqual(await commentsOf(3), ['bob']);

    // Posted within that same second after the sync read #3: its updatedAt does not move.
    timeline.github.addComment(TIMELINE_REPOSITORY, 3, { author: 'carol', createdAt: second });
    timeline.github.addReply(TIMELINE_REPOSITORY, commentId, { author: 'dave', createdAt: second });
    const result = await timeline.sync('incremental');

    assert.equal(result.fetched, 1);
    assert.deepEqual(await commentsOf(3), ['bob', 'carol']);
    const stored = (await timeline.stored()).discussions.find((node) => node.number === 3)!;
    assert.deepEqual(
      stored.comments?.nodes[0]?.replies?.nodes.map((reply) => reply.author?.login),
      ['dave'],
    );
    assert.equal(stored.updatedAt, second);
  });
});
