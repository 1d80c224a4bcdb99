import { strict as assert } from 'node:assert';
import { normalizeCommunity } from '../../../src/community/normalize';
import { classifyPeople } from '../../../src/community/people';
import { TriageService } from '../../../src/controller/triageService';
import type { PulseData } from '../../../src/controller/pulseController';
import { DEFAULT_SETTINGS } from '../../../src/settings/schema';
import { comment, discussion, T0 } from '../../support/discussionNodes';

const HOUR = 3_600_000;

function dataAt(now: number, asOf: number | null): PulseData {
  const community = normalizeCommunity('octo/repo', [discussion(1, 'alice', 0), discussion(2, 'bob', 10, { comments: [comment('carol', 50)] })]);
  return {
    repository: 'octo/repo',
    community,
    people: classifyPeople(community),
    settings: { ...DEFAULT_SETTINGS, asOf },
    lastSyncAt: null,
    partial: null,
    now,
  };
}

describe('the shared Needs Response triage', () => {
  it('triages each data once, however many views read it, and again when the data changes', () => {
    let data: PulseData | null = dataAt(T0 + 100 * HOUR, null);
    const shared = new TriageService(() => data);
    const first = shared.current;
    assert.ok(first);
    assert.equal(shared.current, first, 'the status bar, the tree and the dashboard get the same triage');
    data = dataAt(T0 + 100 * HOUR, null);
    assert.notEqual(shared.current, first, 'a sync or a settings change brings new data: triaged anew');
    data = null;
    assert.equal(shared.current, null);
  });

  it('judges at the data’s moment: a past asOf does not see later comments', () => {
    const before = new TriageService(() => dataAt(T0 + 20 * HOUR, T0 + 20 * HOUR)).current!;
    assert.deepEqual(before.counts, { noResponse: 2, awaitingReply: 0, unmarkedAnswer: 0, total: 2 });
    assert.equal(before.asOf, T0 + 20 * HOUR);
    const after = new TriageService(() => dataAt(T0 + 100 * HOUR, null)).current!;
    assert.deepEqual(after.counts, { noResponse: 1, awaitingReply: 0, unmarkedAnswer: 0, total: 1 }, 'carol answered #2 at 50 h');
    assert.equal(after.asOf, null);
  });

  it('leaves snoozed discussions out of every bucket and the counts, and triages again when the snoozes change', () => {
    const data = dataAt(T0 + 100 * HOUR, null);
    let snoozed = new Set(['D_1']);
    const shared = new TriageService(
      () => data,
      () => snoozed,
    );
    assert.deepEqual(shared.current!.counts, { noResponse: 0, awaitingReply: 0, unmarkedAnswer: 0, total: 0 }, '#1 is the only one waiting, and it is snoozed');
    snoozed = new Set();
    assert.equal(shared.current!.counts.total, 0, 'kept until told the snoozes changed');
    shared.invalidate();
    assert.deepEqual(
      shared.current!.triage.noResponse.map((item) => item.discussion.number),
      [1],
    );
  });
});
