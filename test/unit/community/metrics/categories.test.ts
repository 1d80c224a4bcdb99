import * as assert from 'node:assert/strict';
import { at, comment, discussion } from '../../../support/discussionNodes';
import { reportOf } from './support';

const day = (n: number) => n * 24;

describe('metrics: categories', () => {
  // Window: days 100..130; until = day 130.
  const nodes = [
    discussion(1, 'alice', day(101), { comments: [comment('bob', day(101) + 2, { isAnswer: true }), comment('carol', day(102))] }),
    discussion(2, 'dave', day(105), { comments: [comment('bob', day(105) + 6)] }),
    discussion(3, 'erin', day(110)),
    discussion(4, 'frank', day(103), { category: 'General', comments: [comment('bob', day(104))] }),
    discussion(5, 'gina', day(10), { category: 'General', comments: [comment('bob', day(120))] }), // old discussion, response in the window
    discussion(6, 'hal', day(5), { category: null }), // imported data without a category: nothing for 125 days
  ];
  const byName = (options = {}) => new Map(reportOf(nodes, { sinceHours: day(100), untilHours: day(130), ...options }).categories.map((c) => [c.name, c]));

  it('counts each category’s participants once per person, with more categories than bits in a word', () => {
    // 40 categories; bob answers in every one, carol in every other one, each author opens one.
    const many = Array.from({ length: 40 }, (_, i) => ({
      ...discussion(i + 1, `author${i}`, day(101), {
        comments: [comment('bob', day(102)), comment('bob', day(103)), ...(i % 2 === 0 ? [comment('carol', day(104))] : [])],
      }),
      category: { name: `Category ${String(i).padStart(2, '0')}`, slug: `c${i}`, isAnswerable: false },
    }));
    const categories = reportOf(many, { sinceHours: day(100), untilHours: day(130) }).categories;
    assert.equal(categories.length, 40);
    for (const category of categories) {
      const index = Number(category.name.slice(-2));
      assert.equal(category.participants, index % 2 === 0 ? 3 : 2, category.name);
      assert.equal(category.responses, index % 2 === 0 ? 3 : 2, category.name);
    }
  });

  it('reports discussions, responses, participants, answer rate, median first response and no-response share per category', () => {
    const qa = byName().get('Q&A')!;
    assert.deepEqual(
      {
        discussions: qa.discussions,
        responses: qa.responses,
        participants: qa.participants,
        answerRate: qa.answerRate,
        median: qa.medianFirstResponseSeconds,
        noResponseShare: qa.noResponseShare,
      },
      { discussions: 3, responses: 3, participants: 5, answerRate: 1 / 3, median: 4 * 3_600, noResponseShare: 1 / 3 },
    );
    const general = byName().get('General')!;
    assert.equal(general.discussions, 1);
    assert.equal(general.responses, 2); // the response to the old discussion counts: it was posted in the window
    assert.equal(general.participants, 2); // frank and bob
  });

  it('gives non-answerable categories no answer rate, with the reason', () => {
    const general = byName().get('General')!;
    assert.equal(general.answerable, false);
    assert.equal(general.answerRate, null);
    assert.match(general.reasons['answerRate']!, /not answerable/);
  });

  it('lists the busiest categories first', () => {
    assert.deepEqual([...byName().keys()], ['Q&A', 'General', '(no category)']);
  });

  it('gives each category its latest discussion before until, however old, and lists none whose discussions all come later', () => {
    const ideas = { name: 'Ideas', slug: 'ideas', isAnswerable: false };
    const report = reportOf(
      [
        discussion(1, 'alice', day(101)),
        discussion(2, 'bob', day(129), { comments: [comment('carol', day(129) + 30)] }),
        discussion(3, 'carol', day(130)), // at until: not there yet
        discussion(4, 'dave', day(10), { category: 'General', comments: [comment('erin', day(120))] }), // a response is no new discussion
        discussion(5, 'github-actions', day(125), { category: 'General', bot: true }), // opened by a bot: ignored
        { ...discussion(6, 'frank', day(131)), category: ideas },
      ],
      { sinceHours: day(100), untilHours: day(130) },
    );
    assert.deepEqual(
      report.categories.map((c) => [c.name, c.lastDiscussionAt, c.discussions]),
      [
        ['Q&A', at(day(129)), 2],
        ['General', at(day(10)), 0],
      ],
    );
  });
});
