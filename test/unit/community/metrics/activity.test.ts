import * as assert from 'node:assert/strict';
import { comment, discussion, reply } from '../../../support/discussionNodes';
import { reportOf } from './support';

const day = (n: number) => n * 24;

describe('metrics: weekly activity', () => {
  // Window: Thursday 2024-01-04 to Thursday 2024-01-18 (2024-01-01 is a Monday).
  const nodes = [
    discussion(1, 'alice', day(2), { comments: [comment('bob', day(4), { replies: [reply('alice', day(5)), reply('stale[bot]', day(5))] })] }), // opened before the window
    discussion(2, 'carol', day(8), { comments: [comment('bob', day(9)), comment('dave', day(9), { isMinimized: true })] }),
    discussion(3, 'erin', day(16), { comments: [comment('bob', day(17)), comment('bob', day(20))] }), // the last comment is after until
  ];

  it('counts discussions, comments, replies and distinct active people per ISO week, marking cut weeks partial', () => {
    const weeks = reportOf(nodes, { sinceHours: day(3), untilHours: day(17) }).activity.weeks;
    assert.deepEqual(weeks, [
      { week: '2024-01-01', partial: true, discussions: 0, comments: 1, replies: 1, activeParticipants: 2 },
      { week: '2024-01-08', partial: false, discussions: 1, comments: 1, replies: 0, activeParticipants: 2 },
      { week: '2024-01-15', partial: true, discussions: 1, comments: 0, replies: 0, activeParticipants: 1 },
    ]);
  });

  it('gives responses per discussion over the discussions created in the window', () => {
    const activity = reportOf(nodes, { sinceHours: day(3), untilHours: day(17) }).activity;
    assert.deepEqual({ mean: activity.responsesPerDiscussion.mean, median: activity.responsesPerDiscussion.median }, { mean: 0.5, median: 0.5 }); // 1 and 0
    const empty = reportOf(nodes, { sinceHours: day(30), untilHours: day(40) }).activity.responsesPerDiscussion;
    assert.equal(empty.mean, null);
    assert.equal(empty.reasons['mean'], 'no discussion was created in the window');
  });

  it('counts the responses of a discussion opened in the window even when the data dates one before it (imported data)', () => {
    // #4 is opened on day 10 but the data says its first comment came on day 1, before the window.
    const dated = [...nodes, discussion(4, 'frank', day(10), { comments: [comment('gina', day(1)), comment('bob', day(11))] })];
    const activity = reportOf(dated, { sinceHours: day(3), untilHours: day(17) }).activity;
    assert.deepEqual({ mean: activity.responsesPerDiscussion.mean, median: activity.responsesPerDiscussion.median }, { mean: 1, median: 1 }); // 1, 2 and 0
  });
});
