import { strict as assert } from 'node:assert';
import type { Discussion } from '../../../src/community/model';
import { normalizeCommunity } from '../../../src/community/normalize';
import { SnoozeStore, type SnoozeMemento, type SnoozeRules, type SnoozeScope } from '../../../src/controller/snoozeStore';
import { comment, discussion, T0 } from '../../support/discussionNodes';

const HOUR = 3_600_000;

/** A snooze as the test defines it: until a time, or until someone other than `viewer` posts after `since`. */
type TestSnooze = { readonly until: number | null; readonly since: number; readonly viewer: string };

const rules: SnoozeRules<TestSnooze> = {
  isSnooze: (value): value is TestSnooze => typeof value === 'object' && value !== null && 'since' in value && 'viewer' in value,
  isAwake: (snooze, found, now) =>
    (snooze.until !== null && snooze.until <= now) || found.posts.some((post) => post.author !== snooze.viewer && post.createdAt > snooze.since),
  wakeAt: (snooze) => snooze.until,
};

/** globalState as VS Code keeps it: values go through JSON. */
class MemoryMemento implements SnoozeMemento {
  readonly values = new Map<string, string>();
  get<T>(key: string): T | undefined {
    const text = this.values.get(key);
    return text === undefined ? undefined : (JSON.parse(text) as T);
  }
  update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, JSON.stringify(value));
    return Promise.resolve();
  }
}

function scopeOf(repository: string, discussions: readonly Discussion[] = []): SnoozeScope {
  return { apiUrl: 'https://api.github.com', repository, discussion: (id) => discussions.find((found) => found.id === id) };
}

describe('the snooze store', () => {
  const stores: SnoozeStore<TestSnooze>[] = [];
  const storeOf = (memento: SnoozeMemento, scope: () => SnoozeScope | null, clock?: () => number): SnoozeStore<TestSnooze> => {
    const store = new SnoozeStore({ memento, rules, scope, ...(clock && { clock }) });
    stores.push(store);
    return store;
  };
  afterEach(() => stores.splice(0).forEach((store) => store.dispose()));

  it('keeps a snooze across a restart, for its own repository only', async () => {
    const memento = new MemoryMemento();
    let scope = scopeOf('octo/repo');
    const clock = () => T0;
    await storeOf(memento, () => scope, clock).snooze('D_1', { until: T0 + 24 * HOUR, since: T0, viewer: 'maint' });
    const restarted = storeOf(memento, () => scope, clock);
    assert.deepEqual([...restarted.snoozed().keys()], ['D_1']);
    scope = scopeOf('octo/other');
    assert.equal(restarted.snoozed().size, 0, 'another repository has its own snoozes');
    scope = scopeOf('OCTO/Repo');
    assert.equal(restarted.snoozed().size, 1, 'repository names compare without case, as on GitHub');
  });

  it('ends a dated snooze when its time comes, and prune forgets it and tells the views', async () => {
    const memento = new MemoryMemento();
    let now = T0;
    const store = storeOf(
      memento,
      () => scopeOf('octo/repo'),
      () => now,
    );
    await store.snooze('D_1', { until: T0 + 24 * HOUR, since: T0, viewer: 'maint' });
    let changes = 0;
    store.onDidChange(() => changes++);
    now = T0 + 24 * HOUR - 1;
    await store.prune();
    assert.equal(store.get('D_1')?.until, T0 + 24 * HOUR, 'a millisecond before, still snoozed');
    assert.equal(changes, 0);
    now = T0 + 24 * HOUR;
    assert.equal(store.get('D_1'), undefined, 'at its time it has ended, even before a prune');
    await store.prune();
    assert.equal(changes, 1);
    assert.equal(memento.values.size, 0, 'nothing left in globalState');
  });

  it('wakes by itself on a timer at the next wake-up time', async () => {
    const memento = new MemoryMemento();
    const store = storeOf(memento, () => scopeOf('octo/repo'));
    const woke = new Promise<void>((resolve) => store.onDidChange(resolve));
    const start = Date.now();
    await store.snooze('D_1', { until: start + 30, since: start, viewer: 'maint' });
    await woke; // the snooze itself fired once; wait for the timer's change
    await new Promise<void>((resolve) => store.onDidChange(resolve));
    assert.ok(Date.now() - start >= 30, 'not before its time');
    assert.equal(memento.values.size, 0);
  });

  it('ends an "until someone else posts" snooze when another person posts, not when the viewer does', async () => {
    const memento = new MemoryMemento();
    const since = T0 + 10 * HOUR;
    const snooze = { until: null, since, viewer: 'maint' };
    const viewerOnly = normalizeCommunity('octo/repo', [discussion(1, 'alice', 0, { comments: [comment('maint', 12)] })]).discussions;
    let scope = scopeOf('octo/repo', viewerOnly);
    const store = storeOf(
      memento,
      () => scope,
      () => T0 + 48 * HOUR,
    );
    await store.snooze('D_1', snooze);
    await store.prune();
    assert.equal(store.snoozed().size, 1, 'the viewer’s own reply does not wake it');
    scope = scopeOf(
      'octo/repo',
      normalizeCommunity('octo/repo', [discussion(1, 'alice', 0, { comments: [comment('maint', 12), comment('alice', 20)] })]).discussions,
    );
    await store.prune();
    assert.equal(store.snoozed().size, 0);
    assert.equal(memento.values.size, 0);
  });

  it('wakes one discussion on request and drops stored values that are no snooze', async () => {
    const memento = new MemoryMemento();
    await memento.update('communityPulse.snoozes:https://api.github.com octo/repo', { D_9: 'garbage' });
    const store = storeOf(
      memento,
      () => scopeOf('octo/repo'),
      () => T0,
    );
    assert.equal(store.snoozed().size, 0);
    await store.snooze('D_1', { until: null, since: T0, viewer: 'maint' });
    await store.snooze('D_2', { until: null, since: T0, viewer: 'maint' });
    await store.wake('D_1');
    assert.deepEqual([...store.snoozed().keys()], ['D_2']);
    assert.deepEqual(Object.keys(memento.get<object>('communityPulse.snoozes:https://api.github.com octo/repo')!), ['D_2']);
  });

  it('keeps nothing without a repository', async () => {
    const memento = new MemoryMemento();
    const store = storeOf(memento, () => null);
    await store.snooze('D_1', { until: null, since: T0, viewer: 'maint' });
    assert.equal(memento.values.size, 0);
    assert.equal(store.snoozed().size, 0);
  });
});
