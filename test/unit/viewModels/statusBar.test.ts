import assert from 'node:assert/strict';
import { normalizeCommunity } from '../../../src/community/normalize';
import { classifyPeople } from '../../../src/community/people';
import { DEFAULT_SETTINGS } from '../../../src/settings/schema';
import { statusBarLook } from '../../../src/viewModels/statusBar';
import { summarizeTriage } from '../../../src/viewModels/triageSummary';
import { discussion, T0 } from '../../support/discussionNodes';

const HOUR = 3_600_000;

describe('the Needs Response status bar item', () => {
  const community = normalizeCommunity('octo/repo', [discussion(1, 'alice', 0), discussion(2, 'bob', 10)]);
  const input = { repository: 'octo/repo', community, people: classifyPeople(community), settings: { ...DEFAULT_SETTINGS, asOf: null }, now: T0 + 100 * HOUR };

  it('shows the count alone for a complete snapshot', () => {
    const look = statusBarLook(summarizeTriage(input));
    assert.equal(look.text, '$(comment-discussion) 2');
    assert.doesNotMatch(look.tooltip, /partial/);
    assert.equal(look.accessibilityLabel, '2 discussions need a response');
  });

  it('marks the count of a partial snapshot partial in its text, tooltip and spoken label', () => {
    const look = statusBarLook(summarizeTriage({ ...input, partial: { stored: 4_200, total: 20_000 } }));
    assert.equal(look.text, '$(comment-discussion) 2 · partial: 4,200 of 20,000 discussions');
    assert.match(look.tooltip, /^partial: 4,200 of 20,000 discussions, newest activity first: the first sync has not finished/);
    assert.equal(look.accessibilityLabel, '2 discussions need a response, partial: 4,200 of 20,000 discussions');
  });
});
