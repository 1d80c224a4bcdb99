import { strict as assert } from 'node:assert';
import { isAwake, snoozeFor, snoozeLabel, type SnoozeChoice } from '../../../../src/community/assist/snooze';
import { normalizeCommunity } from '../../../../src/community/normalize';
import { SNOOZE_CHOICES } from '../../../../src/discussionView/protocol';
import { comment, discussion, T0 } from '../../../support/discussionNodes';

const HOUR = 3_600_000;
// Compile-time: the page's choices are exactly the ones snoozeFor takes.
const choices: readonly SnoozeChoice[] = SNOOZE_CHOICES;

function thread(...comments: ReturnType<typeof comment>[]) {
  return normalizeCommunity('octo/repo', [discussion(7, 'alice', 0, { comments })]).discussions[0]!;
}

describe('Snooze', () => {
  it('snoozes 1, 3 or 7 days from now, or until activity without a date', () => {
    const d = thread();
    assert.deepEqual(choices, ['1d', '3d', '7d', 'activity']);
    assert.equal(snoozeFor('3d', d, T0, 'maint').until, T0 + 72 * HOUR);
    assert.deepEqual(snoozeFor('activity', d, T0, 'maint'), {
      discussionId: 'D_7',
      number: 7,
      snoozedAt: T0,
      until: null,
      untilActivity: true,
      snoozedBy: 'maint',
    });
  });

  it('labels the wake-up day in UTC, with the year only when it is not this one', () => {
    const monday = Date.parse('2024-12-02T15:00:00Z');
    assert.equal(snoozeLabel(snoozeFor('1d', thread(), monday, null), monday), 'until Tue 3 Dec');
    const lastMonday = Date.parse('2024-12-30T15:00:00Z');
    assert.equal(snoozeLabel(snoozeFor('7d', thread(), lastMonday, null), lastMonday), 'until Mon 6 Jan 2025');
    assert.equal(snoozeLabel(snoozeFor('activity', thread(), monday, null), monday), 'until someone else posts');
  });

  it('wakes a dated snooze at its moment, and a gone discussion at once', () => {
    const snooze = snoozeFor('1d', thread(), T0, 'maint');
    assert.equal(isAwake(snooze, thread(), T0 + 24 * HOUR - 1), false);
    assert.equal(isAwake(snooze, thread(), T0 + 24 * HOUR), true);
    assert.equal(isAwake(snooze, undefined, T0 + HOUR), true);
  });

  it('wakes a snooze until activity on someone else’s post, not on the viewer’s own, a bot’s or an older one', () => {
    const snooze = snoozeFor('activity', thread(), T0 + 10 * HOUR, 'maint');
    const later = T0 + 100 * HOUR;
    assert.equal(isAwake(snooze, thread(comment('bob', 5), comment('Maint', 20), comment('renovate[bot]', 21)), later), false);
    assert.equal(isAwake(snooze, thread(comment('bob', 5), comment('alice', 30)), later), true);
  });
});
