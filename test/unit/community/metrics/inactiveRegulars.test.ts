import * as assert from 'node:assert/strict';
import type { CommentNode } from '../../../../src/github/schemas';
import { comment, discussion } from '../../../support/discussionNodes';
import { reportOf, shifted } from './support';

const day = (n: number) => n * 24;
const UNTIL = day(400);

/** `count` responses by `login` on someone else's discussion, the last one `lastDaysBeforeUntil` before until. */
function responder(number: number, login: string | null, count: number, lastDaysBeforeUntil: number, options: { bot?: boolean } = {}) {
  const comments: CommentNode[] = Array.from({ length: count }, (_, i) => comment(login, UNTIL - day(lastDaysBeforeUntil + i), options));
  return discussion(number, 'asker', UNTIL - day(lastDaysBeforeUntil + count + 1), { comments: comments.reverse() });
}

describe('metrics: inactive regulars', () => {
  it('lists people with ≥ 5 responses in the past year whose latest post is more than 60 days old', () => {
    const report = reportOf(
      [
        responder(1, 'gone', 5, 61),
        responder(2, 'recent', 5, 59),
        responder(3, 'few', 4, 61),
        responder(4, 'longAgo', 5, 362), // responses 362..366 days before until: only four within the year
        responder(5, null, 5, 100), // deleted account: cannot be reached
        responder(6, 'stale[bot]', 8, 100),
        responder(7, 'maint', 6, 70),
      ],
      { untilHours: UNTIL, sinceHours: UNTIL - day(90), maintainers: ['maint'] },
    );
    assert.deepEqual(report.inactiveRegulars, [
      {
        login: 'maint',
        maintainer: true,
        responses: 6,
        lastActive: new Date(Date.UTC(2024, 0, 1) + (UNTIL - day(70)) * 3_600_000).toISOString(),
        daysInactive: 70,
      },
      {
        login: 'gone',
        maintainer: false,
        responses: 5,
        lastActive: new Date(Date.UTC(2024, 0, 1) + (UNTIL - day(61)) * 3_600_000).toISOString(),
        daysInactive: 61,
      },
    ]);
  });

  it('a later post of any kind (here opening a discussion) makes a regular active again', () => {
    const report = reportOf([responder(1, 'gone', 5, 100), discussion(2, 'gone', UNTIL - day(3))], { untilHours: UNTIL, sinceHours: UNTIL - day(90) });
    assert.deepEqual(report.inactiveRegulars, []);
  });

  it('follows the thresholds in settings', () => {
    const report = reportOf([responder(1, 'gone', 3, 20)], {
      untilHours: UNTIL,
      sinceHours: UNTIL - day(90),
      settings: { inactiveRegular: { minResponses: 3, inactiveDays: 14 } },
    });
    assert.deepEqual(
      report.inactiveRegulars.map((r) => r.login),
      ['gone'],
    );
  });

  it('counts as inactive only a latest post more than inactiveDays (60) before until', () => {
    // Five responses, the latest 60 days before until, moved by a second either way.
    const listed = (seconds: number) =>
      reportOf(
        [
          discussion(1, 'asker', UNTIL - day(100), {
            comments: [...[90, 80, 70, 65].map((days) => comment('regular', UNTIL - day(days))), shifted(comment('regular', UNTIL - day(60)), seconds)],
          }),
        ],
        { untilHours: UNTIL, sinceHours: UNTIL - day(90) },
      ).inactiveRegulars.map((r) => [r.login, r.daysInactive]);
    assert.deepEqual(listed(-1), [['regular', 60]], 'a second more than 60 days');
    assert.deepEqual(listed(0), [], 'exactly 60 days');
    assert.deepEqual(listed(1), [], 'a second less than 60 days');
  });

  it('counts the responses of the lookbackDays (365) before until, the first instant included', () => {
    // Four responses 100 days before until, and a fifth at the lookback's first instant, or a second before it.
    const listed = (seconds: number) =>
      reportOf(
        [
          discussion(1, 'asker', UNTIL - day(380), {
            comments: [shifted(comment('regular', UNTIL - day(365)), seconds), ...Array.from({ length: 4 }, () => comment('regular', UNTIL - day(100)))],
          }),
        ],
        { untilHours: UNTIL, sinceHours: UNTIL - day(90) },
      ).inactiveRegulars.map((r) => [r.login, r.responses]);
    assert.deepEqual(listed(-1), [], 'a second before the lookback: four responses');
    assert.deepEqual(listed(0), [['regular', 5]], 'exactly 365 days before until');
    assert.deepEqual(listed(1), [['regular', 5]]);
  });
});
