import * as assert from 'node:assert/strict';
import { responseLorenzCurve } from '../../../../src/community/metrics/lorenz';
import { comment, discussion, reply, T0 } from '../../../support/discussionNodes';
import { DAY, factsOf } from './support';

// Window: the first 30 days from T0.
const WINDOW = { since: T0, until: T0 + 30 * DAY };

describe('metrics: Lorenz curve of responses', () => {
  it('gives one exact point per responder, fewest responses first, ties side by side', () => {
    const facts = factsOf([
      discussion(1, 'asker', 0, {
        comments: [
          comment('dave', 1, { replies: [reply('dave', 2), reply('asker', 3)] }), // asker's own reply is no response
          comment('dave', 4),
          comment('carol', 5),
          comment('dave', 6),
          comment('carol', 7),
          comment('renovate[bot]', 8), // bots make no response
        ],
      }),
      discussion(2, 'asker', 24, { comments: [comment('alice', 25), comment('bob', 26)] }),
      discussion(3, 'asker', -100, { comments: [comment('erin', -99), comment('alice', 40 * 24)] }), // before and after the window
    ]);
    // Responses in the window: alice 1, bob 1, carol 2, dave 4 (8 in all); sorted 1, 1, 2, 4, running sums 1, 2, 4, 8.
    assert.deepEqual(responseLorenzCurve(facts, WINDOW), [
      { responders: 0, responses: 0 },
      { responders: 0.25, responses: 1 / 8 },
      { responders: 0.5, responses: 2 / 8 },
      { responders: 0.75, responses: 4 / 8 },
      { responders: 1, responses: 1 },
    ]);
  });

  it('is the diagonal when everyone made as many responses', () => {
    const facts = factsOf([discussion(1, 'asker', 0, { comments: [comment('alice', 1), comment('bob', 2)] })]);
    assert.deepEqual(responseLorenzCurve(facts, WINDOW), [
      { responders: 0, responses: 0 },
      { responders: 0.5, responses: 0.5 },
      { responders: 1, responses: 1 },
    ]);
  });

  it('keeps at most 100 points after the origin, each on the curve', () => {
    // 200 responders: 100 with one response, then 100 with three (400 responses). Point s of 100 takes the
    // 2s fewest-responding: share s/100 of responders; they made 2s responses while 2s ≤ 100, else 100 + 3(2s − 100).
    const comments = Array.from({ length: 200 }, (_, i) => Array.from({ length: i < 100 ? 1 : 3 }, () => comment(`person${String(i).padStart(3, '0')}`, 1)));
    const curve = responseLorenzCurve(factsOf([discussion(1, 'asker', 0, { comments: comments.flat() })]), WINDOW);
    assert.equal(curve.length, 101);
    assert.deepEqual(curve[0], { responders: 0, responses: 0 });
    assert.deepEqual(curve[25], { responders: 0.25, responses: 50 / 400 });
    assert.deepEqual(curve[50], { responders: 0.5, responses: 100 / 400 });
    assert.deepEqual(curve[75], { responders: 0.75, responses: (100 + 3 * 50) / 400 });
    assert.deepEqual(curve[100], { responders: 1, responses: 1 });
  });

  it('has no curve when nobody responded in the window', () => {
    const facts = factsOf([
      discussion(1, 'asker', 0, { comments: [comment('asker', 1), comment('github-actions', 2, { bot: true }), comment('bob', 31 * 24)] }),
    ]);
    assert.deepEqual(responseLorenzCurve(facts, WINDOW), []);
    assert.deepEqual(responseLorenzCurve(factsOf([]), WINDOW), []);
  });
});
