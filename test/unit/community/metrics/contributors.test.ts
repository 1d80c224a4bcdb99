import * as assert from 'node:assert/strict';
import { at, comment, discussion, reply } from '../../../support/discussionNodes';
import { reportOf } from './support';

// Window 2024-01-01 .. 2024-01-31 (until = 720 h).
const nodes = [
  discussion(1, 'alice', 0, {
    comments: [comment('helper', 1, { isAnswer: true, upvoteCount: 3 }), comment('other', 5)],
    answerChosenAt: at(6),
  }),
  discussion(2, 'alice', 0, { comments: [comment('helper', 2, { replies: [reply('alice', 3)] })] }),
  discussion(3, 'bob', 190, { comments: [comment('bob', 195, { isAnswer: true }), comment('helper', 200)], answerChosenAt: at(201) }),
  discussion(4, 'carol', 10, { comments: [comment('other', 11), comment('helper', 12), comment('maint', 13)] }),
  discussion(5, 'dan', -500, { comments: [comment('helper', -400)] }), // before the window
];

describe('metrics: contributors and leader candidates', () => {
  it('counts each component of a contributor over the window', () => {
    const helper = reportOf(nodes, { maintainers: ['maint'] }).contributors.find((c) => c.login === 'helper')!;
    assert.deepEqual(
      {
        responses: helper.responses,
        acceptedAnswers: helper.acceptedAnswers,
        peopleHelped: helper.peopleHelped,
        firstResponses: helper.firstResponses,
        activeWeeks: helper.activeWeeks,
        upvotes: helper.upvotes,
        lastResponse: helper.lastResponse,
        lastActive: helper.lastActive,
      },
      {
        responses: 4,
        acceptedAnswers: 1, // d1; bob chose his own comment in d3, which is nobody's accepted answer
        peopleHelped: 3, // alice (twice), bob, carol
        firstResponses: 3, // d1, d2 and d3, where bob's earlier comment on his own discussion is no response
        activeWeeks: 2, // weeks of 2024-01-01 and 2024-01-08
        upvotes: 3,
        lastResponse: at(200),
        lastActive: at(200),
      },
    );
  });

  it('never lists maintainers or the author of a discussion as a contributor to it', () => {
    const report = reportOf(nodes, { maintainers: ['maint'] });
    assert.deepEqual(
      report.contributors.map((c) => c.login),
      ['helper', 'other'],
    );
  });

  it('counts bots (a [bot] login, a GitHub App, an ignored user) in no figure, even where they respond first or open discussions', () => {
    const withBots = [
      ...nodes.map((node) => {
        const botComments =
          {
            1: [comment('renovate[bot]', 0.5, { upvoteCount: 9 })], // before helper's first response
            2: [comment('github-actions', 1.5, { bot: true })],
            3: [comment('StaleBot', 191)],
            4: [comment('stalebot', 10.5), comment('renovate[bot]', 10.6)],
          }[node.number] ?? [];
        return { ...node, comments: { nodes: [...botComments, ...(node.comments?.nodes ?? [])] } };
      }),
      // Opened by bots: nobody waits on them, and helper's comment there is no response.
      discussion(6, 'github-actions', 300, { bot: true, comments: [comment('helper', 301), comment('renovate[bot]', 302)] }),
      discussion(7, 'stalebot', 400, { comments: [comment('other', 401)] }),
      // Six responses long before the window: a person would be an inactive regular.
      discussion(8, 'dan', -1_500, { comments: Array.from({ length: 6 }, (_, i) => comment('renovate[bot]', -1_400 + i)) }),
    ];
    const report = reportOf(withBots, {
      maintainers: ['maint'],
      ignoreUsers: ['StaleBot'],
      settings: { leader: { minResponses: 1, minPeopleHelped: 1, minActiveWeeks: 1 } },
    });
    assert.doesNotMatch(JSON.stringify(report), /renovate|github-actions|stalebot/i);
    // By hand, from the people's posts only: responses in the window are helper's 3 (d1, d2, d3) + 1 (d4), other's 2 (d1, d4), maint's 1 (d4).
    assert.deepEqual(
      {
        discussions: report.headline.discussions,
        responses: report.participation.responses,
        responders: report.participation.responders,
        participants: report.retention.participants,
        noResponse: report.needsResponse.noResponse,
        leaders: report.leaders.map((c) => [c.login, c.responses, c.firstResponses, c.upvotes]),
        inactiveRegulars: report.inactiveRegulars,
      },
      {
        discussions: 4,
        responses: 7,
        responders: 3,
        participants: 6, // alice, bob, carol, helper, other, maint
        noResponse: 1, // d8: dan only heard from a bot
        leaders: [
          ['helper', 4, 3, 3],
          ['other', 2, 1, 0],
        ],
        inactiveRegulars: [],
      },
    );
  });

  it('explains each score by its weighted parts', () => {
    const helper = reportOf(nodes).contributors[0]!;
    assert.deepEqual(helper.scoreParts, { responses: 4, acceptedAnswers: 3, peopleHelped: 6, firstResponses: 3, activeWeeks: 4, upvotes: 1.5 });
    assert.equal(helper.score, 21.5);
    const weighted = reportOf(nodes, { settings: { scoreWeights: { responses: 10, upvotes: 0 } } }).contributors[0]!;
    assert.equal(weighted.scoreParts.responses, 40);
    assert.equal(weighted.scoreParts.upvotes, 0);
    assert.equal(weighted.score, 40 + 3 + 6 + 3 + 4);
  });

  it('is a leader candidate only when every threshold is met, and says which are not', () => {
    const defaults = reportOf(nodes).contributors[0]!;
    assert.equal(defaults.eligible, false);
    assert.deepEqual(defaults.unmet, ['4 responses (needs 10)', '3 people helped (needs 5)', '2 active weeks (needs 4)']);
    const lowered = { minResponses: 4, minPeopleHelped: 3, minActiveWeeks: 2 };
    const report = reportOf(nodes, { settings: { leader: lowered } });
    assert.deepEqual(
      report.leaders.map((c) => c.login),
      ['helper'],
    );
    assert.deepEqual(report.leaders[0]!.unmet, []);
    // The last response (200 h) is 21 days before until: not within the last 20 days.
    const stale = reportOf(nodes, { settings: { leader: { ...lowered, recentDays: 20 } } });
    assert.deepEqual(stale.leaders, []);
    assert.deepEqual(stale.contributors[0]!.unmet, ['no response in the last 20 days (latest 21 days before until)']);
  });

  it('ranks leaders by score and lists at most contributorLimit contributors, most responses first', () => {
    const many = Array.from({ length: 5 }, (_, i) =>
      discussion(10 + i, `asker${i}`, 0, { comments: Array.from({ length: i + 1 }, (_, j) => comment(`person${j}`, 1 + j)) }),
    );
    const report = reportOf(many, { settings: { contributorLimit: 3, leader: { minResponses: 1, minPeopleHelped: 1, minActiveWeeks: 1 } } });
    assert.deepEqual(
      report.contributors.map((c) => [c.login, c.responses]),
      [
        ['person0', 5],
        ['person1', 4],
        ['person2', 3],
      ],
    );
    assert.deepEqual(
      report.leaders.map((c) => c.login),
      ['person0', 'person1', 'person2', 'person3', 'person4'],
    );
    assert.ok(report.leaders.every((c, i, all) => i === 0 || all[i - 1]!.score >= c.score));
  });

  it('breaks a tie in score between leaders by more responses, then by login', () => {
    const tied = [discussion(20, 'asker', 0, { comments: [comment('zed', 1), comment('zed', 2), comment('bob', 3), comment('amy', 4)] })];
    const noWeights = { responses: 0, acceptedAnswers: 0, peopleHelped: 0, firstResponses: 0, activeWeeks: 0, upvotes: 0 };
    const report = reportOf(tied, { settings: { scoreWeights: noWeights, leader: { minResponses: 1, minPeopleHelped: 1, minActiveWeeks: 1 } } });
    assert.deepEqual(
      report.leaders.map((c) => [c.login, c.score, c.responses]),
      [
        ['zed', 0, 2],
        ['amy', 0, 1],
        ['bob', 0, 1],
      ],
    );
  });
});
