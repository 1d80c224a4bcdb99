import { strict as assert } from 'node:assert';
import { authorHistory } from '../../../../src/community/assist/authorHistory';
import { comment, discussion } from '../../../support/discussionNodes';
import { assistCase, HOUR, NOW } from './support';
import { T0 } from '../../../support/discussionNodes';

describe('Author history', () => {
  it('says a first-time poster has nothing before, last active at their opening post', () => {
    const { index, byNumber } = assistCase([discussion(1, 'bob', 10, { comments: [comment('carol', 20)] }), discussion(2, 'newbie', 700)]);
    const history = authorHistory(index, byNumber(2), NOW);
    assert.deepEqual(
      [history.discussionsBefore, history.commentsBefore, history.questions, history.lastActiveAt, history.helpedBy],
      [0, 0, 0, T0 + 700 * HOUR, []],
    );
  });

  it('counts a returning author’s discussions, comments and answered questions, and who helped them, most often first', () => {
    // alice before #9 (@700): #1 Q&A answered (chosen @10: 10 h), #5 Q&A unanswered, #6 General; one comment on #2 (@45).
    // helpedBy: bob in #1 and #6 (last @310), carol in #1 and #5 (last @210) → tie on 2, bob more recent; dave once.
    // A response after now (@800) does not count; alice's own comment on #9 @710 is her latest activity.
    const { index, byNumber } = assistCase([
      discussion(1, 'alice', 0, { comments: [comment('bob', 10, { isAnswer: true }), comment('carol', 20)] }),
      discussion(2, 'dave', 24, { comments: [comment('alice', 45)] }),
      discussion(5, 'alice', 200, { comments: [comment('carol', 210), comment('dave', 220), comment('erin', 800)] }),
      discussion(6, 'alice', 300, { category: 'General', comments: [comment('bob', 310)] }),
      discussion(9, 'alice', 700, { comments: [comment('alice', 710)] }),
    ]);
    const history = authorHistory(index, byNumber(9), NOW);
    assert.equal(history.discussionsBefore, 3);
    assert.equal(history.commentsBefore, 1);
    assert.deepEqual([history.questions, history.questionsAnswered, history.medianSecondsToAnswer], [2, 1, 10 * 3600]);
    assert.equal(history.lastActiveAt, T0 + 710 * HOUR);
    assert.deepEqual(
      history.helpedBy.map((helper) => [helper.login, helper.discussions]),
      [
        ['bob', 2],
        ['carol', 2],
        ['dave', 1],
      ],
    );
  });
});
