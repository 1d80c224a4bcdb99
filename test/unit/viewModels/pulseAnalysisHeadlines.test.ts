import * as assert from 'node:assert/strict';
import { normalizeCommunity } from '../../../src/community/normalize';
import { classifyPeople } from '../../../src/community/people';
import { DEFAULT_SETTINGS } from '../../../src/settings/schema';
import type { HeadlineId } from '../../../src/report/figures';
import { analyze } from '../../../src/viewModels/analysis';
import { T0 } from '../../support/discussionNodes';
import { TWO_WINDOWS_NODES } from '../../support/twoWindowsCommunity';

const DAY = 86_400_000;

describe('Health headlines of the views', () => {
  const community = normalizeCommunity('octo/repo', TWO_WINDOWS_NODES);
  const input = { repository: community.repository, community, people: classifyPeople(community), settings: DEFAULT_SETTINGS, lastSyncAt: null };
  const rowsOf = (choice: '30' | 'all') => new Map(analyze(input, choice, T0 + 60 * DAY).headlines.map((row) => [row.id, row]));

  it('show both windows’ p90 first response, absence factor and weekly active participants, with the change', () => {
    const rows = rowsOf('30');
    const shown = (id: HeadlineId) => {
      const row = rows.get(id)!;
      return { value: row.value, previous: row.previous, change: row.change && `${row.change.arrow} ${row.change.text} (${row.change.tone})` };
    };
    // Figures worked out by hand in twoWindowsCommunity.ts.
    assert.deepEqual(shown('firstResponseP90'), { value: '24.8 h', previous: 'previous 30 days: 8.2 h', change: '▲ +16.6 h (bad)' });
    assert.deepEqual(shown('absenceFactor'), { value: '1', previous: 'previous 30 days: 2', change: '▼ −1 (bad)' });
    assert.deepEqual(shown('weeklyActive'), { value: '2', previous: 'previous 30 days: 2.5', change: '▼ −0.5 (bad)' });
  });

  it('over all history show no change, no earlier window and no returning participants', () => {
    const rows = rowsOf('all');
    for (const row of rows.values()) {
      assert.equal(row.change, null, row.label);
      assert.equal(row.previous, 'no earlier window', row.label);
    }
    assert.equal(rows.get('returningRate')!.value, '—');
    assert.equal(rows.get('absenceFactor')!.value, '1', 'bob made 5 of the 10 responses');
  });
});
