import * as assert from 'node:assert/strict';
import { monthIndex, monthName, monthStart, weekIndex, weekName, weekStart } from '../../../../src/community/metrics/calendar';
import { previousWindow, reportWindow } from '../../../../src/community/metrics/window';

const at = (iso: string) => Date.parse(iso);

describe('metrics: weeks, months and windows', () => {
  it('names a week by the Monday 00:00 UTC that starts it (ISO weeks)', () => {
    assert.equal(weekName(weekIndex(at('2024-01-01T00:00:00Z'))), '2024-01-01'); // a Monday
    assert.equal(weekName(weekIndex(at('2024-01-07T23:59:59Z'))), '2024-01-01'); // its Sunday
    assert.equal(weekName(weekIndex(at('2024-01-08T00:00:00Z'))), '2024-01-08');
    assert.equal(weekName(weekIndex(at('2025-01-01T12:00:00Z'))), '2024-12-30'); // ISO week 2025-W01 starts in 2024
    assert.equal(weekName(weekIndex(at('1970-01-01T00:00:00Z'))), '1969-12-29'); // before the first Monday of the epoch
    assert.equal(weekStart(weekIndex(at('2024-03-13T08:00:00Z'))), at('2024-03-11T00:00:00Z'));
    assert.equal(weekIndex(at('2024-01-08T00:00:00Z')) - weekIndex(at('2024-01-01T00:00:00Z')), 1);
  });

  it('names a month YYYY-MM in UTC, leap days and year ends included', () => {
    assert.equal(monthName(monthIndex(at('2024-02-29T23:59:59Z'))), '2024-02');
    assert.equal(monthName(monthIndex(at('2024-03-01T00:00:00Z'))), '2024-03');
    assert.equal(monthName(monthIndex(at('2023-12-31T23:59:59Z'))), '2023-12');
    assert.equal(monthName(monthIndex(at('2024-01-01T00:00:00Z'))), '2024-01');
    assert.equal(monthName(monthIndex(at('2000-02-29T12:00:00Z'))), '2000-02');
    assert.equal(monthName(monthIndex(at('1900-03-01T00:00:00Z'))), '1900-03');
    assert.equal(monthStart(monthIndex(at('2024-07-19T10:00:00Z'))), at('2024-07-01T00:00:00Z'));
    assert.equal(monthIndex(at('2024-01-15T00:00:00Z')) - monthIndex(at('2023-12-15T00:00:00Z')), 1);
  });

  it('agrees with Date on every day of four years', () => {
    for (let time = at('2023-01-01T00:00:00Z'); time < at('2027-01-01T00:00:00Z'); time += 86_400_000) {
      const date = new Date(time + 86_399_000);
      assert.equal(monthName(monthIndex(date.getTime())), date.toISOString().slice(0, 7));
      const mondayOffset = (date.getUTCDay() + 6) % 7;
      assert.equal(weekName(weekIndex(date.getTime())), new Date(time - mondayOffset * 86_400_000).toISOString().slice(0, 10));
    }
  });

  it('defaults the window to the 90 days before until, and until to now', () => {
    const until = at('2024-04-01T00:00:00Z');
    assert.deepEqual(reportWindow({ until, windowDays: 90 }), { since: until - 90 * 86_400_000, until });
    assert.deepEqual(reportWindow({ now: until, windowDays: 30 }), { since: until - 30 * 86_400_000, until });
    assert.deepEqual(reportWindow({ since: at('2024-01-01T00:00:00Z'), until, windowDays: 90 }), { since: at('2024-01-01T00:00:00Z'), until });
  });

  it('takes the previous window of the same length just before since', () => {
    assert.deepEqual(previousWindow({ since: 1_000, until: 1_600 }), { since: 400, until: 1_000 });
  });

  it('rejects a window that does not start before it ends, naming both ends', () => {
    assert.throws(
      () => reportWindow({ since: at('2024-02-01T00:00:00Z'), until: at('2024-01-01T00:00:00Z'), windowDays: 90 }),
      /since 2024-02-01T00:00:00.000Z is not before until 2024-01-01/,
    );
  });
});
