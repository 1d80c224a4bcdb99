import { strict as assert } from 'node:assert';
import { suggestHelpers } from '../../../../src/community/assist/helpers';
import { comment, discussion, reply } from '../../../support/discussionNodes';
import { assistCase, NOW } from './support';

// Now is hour 720. Every Q&A response below is in the 90 days before it.
//   #1 Q&A alice @0:    bob @10 (chosen answer), carol @20
//   #2 Q&A dave @24:    bob @30, erin @40, alice @45, renovate[bot] @35, stalebot @36 (ignored), ghost @37, gus @100
//   #3 General dave @48: frank @50, frank @60 (reply), frank @700
//   #9 Q&A alice @700:  the discussion asking for help
// Score = responses + 3 × accepted + 5 × helped alice before + recency (2 under 7 days, 1 under 30):
//   bob   2 + 3 + 5 + 1 (last @30: 690 h = 28.75 d ago) = 11
//   carol 1 + 0 + 5 + 1 (last @20: 29.2 d ago)          = 7
//   gus   1 + 0 + 0 + 1 (last @100: 25.8 d ago)          = 2
//   erin  1 + 0 + 0 + 1 (last @40: 28.3 d ago)           = 2  (tie with gus: gus's latest response is more recent)
//   frank: active @700 but no Q&A response: not suggested; alice: the author; renovate, stalebot, ghost: never.
const nodes = [
  discussion(1, 'alice', 0, { comments: [comment('bob', 10, { isAnswer: true }), comment('carol', 20)] }),
  discussion(2, 'dave', 24, {
    comments: [
      comment('bob', 30),
      comment('renovate[bot]', 35),
      comment('stalebot', 36),
      comment(null, 37),
      comment('erin', 40),
      comment('alice', 45),
      comment('gus', 100),
    ],
  }),
  discussion(3, 'dave', 48, { category: 'General', comments: [comment('frank', 50, { replies: [reply('frank', 60)] }), comment('frank', 700)] }),
  discussion(9, 'alice', 700),
];

describe('Who can help', () => {
  it('ranks by responses in the category, accepted answers, past help to the author and recency, three at most', () => {
    const { index, byNumber } = assistCase(nodes, { ignoreUsers: ['StaleBot'], leaderCandidates: [] });
    const helpers = suggestHelpers(index, byNumber(9), NOW);
    assert.deepEqual(
      helpers.map((h) => [h.login, h.score, h.responses, h.acceptedAnswers, h.helpedAuthor]),
      [
        ['bob', 11, 2, 1, true],
        ['carol', 7, 1, 0, true],
        ['gus', 2, 1, 0, false],
      ],
    );
  });

  it('never suggests the signed-in viewer to themselves (login compared case-insensitively)', () => {
    const { index, byNumber } = assistCase(nodes, { ignoreUsers: ['StaleBot'], leaderCandidates: [] });
    // bob (11) leads the ranking above; as the viewer he is left out, and erin (2, as gus, but less recent) comes in third.
    assert.deepEqual(
      suggestHelpers(index, byNumber(9), NOW, 'Bob').map((h) => h.login),
      ['carol', 'gus', 'erin'],
    );
  });

  it('puts a leader candidate first at equal score, before the more recent responder', () => {
    const { index, byNumber } = assistCase(nodes, { ignoreUsers: ['stalebot'], leaderCandidates: ['Erin'] });
    assert.deepEqual(
      suggestHelpers(index, byNumber(9), NOW).map((h) => [h.login, h.leaderCandidate]),
      [
        ['bob', false],
        ['carol', false],
        ['erin', true],
      ],
    );
  });

  it('suggests the people of the discussion’s own category: frank for a General discussion, nobody of Q&A', () => {
    // #4 General, by carol @710: frank has 3 General responses (last @700: 20 h ago → +2) = 5; dave's #3 got no other.
    const { index, byNumber } = assistCase([...nodes, discussion(4, 'carol', 710, { category: 'General' })], { leaderCandidates: [] });
    assert.deepEqual(
      suggestHelpers(index, byNumber(4), NOW).map((h) => [h.login, h.score]),
      [['frank', 5]],
    );
  });

  it('never suggests the author, a bot, an ignored user or ghost, even when they answered most', () => {
    // Each of them answered 3 Q&A questions; bob 1. Only bob can be suggested for carol's question.
    const busy = ['carol', 'renovate[bot]', 'stalebot', null].flatMap((login, k) =>
      [0, 1, 2].map((i) => discussion(10 + 3 * k + i, 'zed', 100 + i, { comments: [comment(login, 200 + i)] })),
    );
    const { index, byNumber } = assistCase([...busy, discussion(30, 'zed', 300, { comments: [comment('bob', 301)] }), discussion(31, 'carol', 700)], {
      ignoreUsers: ['stalebot'],
      leaderCandidates: [],
    });
    assert.deepEqual(
      suggestHelpers(index, byNumber(31), NOW).map((h) => h.login),
      ['bob'],
    );
  });

  it('gives recent activity its points, and counts only the 90 days before now', () => {
    // #1 by amy @0, #2 by amy @600 (hour 600 is 5 days before now), #3 by amy @−1800 (75 d before T0: 105 d before now).
    //   ann: one response @1 (29.9 d ago → +1), one @−1790 (outside 90 days): 1 + 1 = 2
    //   ben: one response @601 (4.96 d ago → +2): 1 + 2 = 3
    const { index, byNumber } = assistCase(
      [
        discussion(3, 'amy', -1800, { comments: [comment('ann', -1790)] }),
        discussion(1, 'amy', 0, { comments: [comment('ann', 1)] }),
        discussion(2, 'zoe', 600, { comments: [comment('ben', 601)] }),
        discussion(5, 'cy', 710),
      ],
      { leaderCandidates: [] },
    );
    assert.deepEqual(
      suggestHelpers(index, byNumber(5), NOW).map((h) => [h.login, h.responses, h.score]),
      [
        ['ben', 1, 3],
        ['ann', 1, 2],
      ],
    );
  });
});
