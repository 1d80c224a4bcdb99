import * as assert from 'node:assert/strict';
import type { CommentNode } from '../../../../src/github/schemas';
import { comment, discussion } from '../../../support/discussionNodes';
import { reportOf } from './support';

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
      { login: 'maint', maintainer: true, responses: 6, lastActive: new Date(Date.UTC(2024, 0, 1) + (UNTIL - day(70)) * 3_600_000).toISOString(), daysInactive: 70 },
      { login: 'gone', maintainer: false, responses: 5, lastActive: new Date(Date.UTC(2024, 0, 1) + (UNTIL - day(61)) * 3_600_000).toISOString(), daysInactive: 61 },
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
    assert.deepEqual(report.inactiveRegulars.map((r) => r.login), ['gone']);
  });
});
