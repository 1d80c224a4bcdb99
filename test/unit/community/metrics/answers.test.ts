import * as assert from 'node:assert/strict';
import { at, comment, discussion } from '../../../support/discussionNodes';
import { reportOf } from './support';

describe('metrics: time to answer and answer rate', () => {
  it('measures answerChosenAt − createdAt over the window’s discussions with an answer chosen by until', () => {
    const report = reportOf(
      [
        discussion(1, 'alice', 0, { comments: [comment('bob', 1, { isAnswer: true })], answerChosenAt: at(10) }),
        discussion(2, 'alice', 0, { comments: [comment('bob', 1, { isAnswer: true })], answerChosenAt: at(30) }),
        discussion(3, 'alice', 0, { comments: [comment('bob', 1, { isAnswer: true })], answerChosenAt: at(500) }), // after until
        discussion(4, 'alice', 0, { comments: [comment('bob', 1)] }),
      ],
      { untilHours: 100 },
    );
    assert.equal(report.timeToAnswer.count, 2);
    assert.equal(report.timeToAnswer.medianSeconds, 20 * 3_600);
    assert.deepEqual(report.discussions, { total: 4, answerable: 4, answered: 2 });
    assert.equal(report.answerRate, 0.5);
  });

  it('answer rate counts answerable categories only and is null with a reason without any', () => {
    const mixed = reportOf([
      discussion(1, 'alice', 0, { comments: [comment('bob', 1, { isAnswer: true })] }),
      discussion(2, 'alice', 0, { category: 'General', comments: [comment('bob', 1)] }),
    ]);
    assert.equal(mixed.answerRate, 1);
    assert.equal(mixed.discussions.answerable, 1);
    const general = reportOf([discussion(1, 'alice', 0, { category: 'General' })]);
    assert.equal(general.answerRate, null);
    assert.match(general.reasons['answerRate']!, /answerable/);
    assert.equal(general.headline.answerRate, null);
    assert.equal(general.timeToAnswer.medianSeconds, null);
    assert.match(general.timeToAnswer.reasons['medianSeconds']!, /had an answer chosen by until/);
  });

  it('counts an answer without a recorded choice time as answered but gives it no duration', () => {
    const report = reportOf([discussion(1, 'alice', 0, { comments: [comment('bob', 2, { isAnswer: true })], answerChosenAt: null })]);
    assert.equal(report.discussions.answered, 1);
    assert.equal(report.timeToAnswer.count, 0);
  });
});
