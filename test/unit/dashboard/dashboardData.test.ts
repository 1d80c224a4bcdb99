import assert from 'node:assert/strict';
import { normalizeCommunity } from '../../../src/community/normalize';
import { classifyPeople } from '../../../src/community/people';
import { toDashboardData } from '../../../src/dashboard/dashboardData';
import { HostMessageSchema } from '../../../src/dashboard/protocol';
import { DEFAULT_SETTINGS } from '../../../src/settings/schema';
import { analyze } from '../../../src/viewModels/analysis';
import { summarizeTriage } from '../../../src/viewModels/triageSummary';
import { comment, discussion, T0 } from '../../support/discussionNodes';

const DAY = 86_400_000;

describe('toDashboardData: the partial banner', () => {
  const community = normalizeCommunity('octo/repo', [discussion(1, 'alice', 0), discussion(2, 'bob', 10, { comments: [comment('carol', 50)] })]);
  const input = {
    repository: 'octo/repo',
    community,
    people: classifyPeople(community),
    settings: { ...DEFAULT_SETTINGS, asOf: null },
    lastSyncAt: null,
    now: T0 + 30 * DAY,
  };
  const dataOf = (partial: { stored: number; total: number | null } | null) =>
    toDashboardData(analyze({ ...input, partial }, 'all', input.now), summarizeTriage({ ...input, partial }));

  it('carries the one wording of a partial snapshot to the page, and the message passes the protocol', () => {
    const data = dataOf({ stored: 2, total: 160 });
    assert.equal(data.partial, 'partial: 2 of 160 discussions, newest activity first');
    assert.ok(HostMessageSchema.safeParse({ type: 'show', data, requestedAt: null }).success);
  });

  it('carries no banner for a complete snapshot', () => {
    assert.equal(dataOf(null).partial, null);
  });
});
