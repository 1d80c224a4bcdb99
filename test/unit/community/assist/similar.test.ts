import { strict as assert } from 'node:assert';
import { similarDiscussions } from '../../../../src/community/assist/similar';
import { comment, discussion } from '../../../support/discussionNodes';
import { assistCase, NOW } from './support';

// Terms after stop words and stemming: #1 and #6 "configur, webhook, retry"; #2 "configur, retry, webhook";
// #3 "webhook, retry, configurabl"; #4 "dark, mode, admin, panel"; #5 "retry, cli".
const answered = (number: number, title: string, answeredAtHour: number) =>
  discussion(number, 'amy', answeredAtHour - 5, { title, comments: [comment('bob', answeredAtHour, { isAnswer: true })] });
const nodes = [
  answered(1, 'How to configure webhook retries?', 400),
  answered(2, 'Configuring retries for webhooks', 500),
  discussion(3, 'amy', 300, { title: 'Webhook retries not configurable' }),
  answered(4, 'Dark mode for the admin panel', 600),
  answered(5, 'Retries in the CLI', 650),
  answered(6, 'how to configure webhook retries', 200),
];

describe('Similar discussions', () => {
  it('finds answered discussions with the same words in other forms, not itself, not unanswered or unrelated ones', () => {
    const { index, byNumber } = assistCase(nodes);
    // #2 and #6 have the same three terms as #1: the same score; #2's answer (@500) is more recent than #6's (@200).
    // #3 is not answered; #4 shares nothing; #5 shares only "retry", 1 of 3 terms (2 needed).
    const similar = similarDiscussions(index, byNumber(1), NOW);
    assert.deepEqual(
      similar.map((s) => s.discussion.number),
      [2, 6],
    );
    assert.equal(similar[0]!.answerPostId, byNumber(2).answerId);
  });

  it('leaves out a discussion answered after now', () => {
    const { index, byNumber } = assistCase(nodes);
    // At hour 450, #2 (answered @500) is not answered yet; #6 is.
    assert.deepEqual(
      similarDiscussions(index, byNumber(1), NOW - 270 * 3_600_000).map((s) => s.discussion.number),
      [6],
    );
  });
});
