import * as assert from 'node:assert/strict';
import { buildCategoryAdvice } from '../../../src/viewModels/categoryAdvice';
import { comment, discussion } from '../../support/discussionNodes';
import { reportOf } from '../community/metrics/support';

const day = (n: number) => n * 24;
const WINDOW = { sinceHours: day(100), untilHours: day(130) };
const RULE =
  "A category is flagged over Dunbar's number with more than 150 participants in the window, thin with fewer than 10 discussions (but one at least) and under 50% of its participants knowing someone, dormant with no new discussion in the window.";

describe('Health view model: category advice', () => {
  it('lists each flagged category, busiest first, with a sentence per flag naming its figures', () => {
    // Q&A: two discussions in the window, each answered once by someone else (4 people, no strong tie): thin.
    // General: its one discussion is from day 50: dormant.
    const report = reportOf(
      [
        discussion(1, 'alice', day(101), { comments: [comment('bob', day(101) + 1)] }),
        discussion(2, 'carol', day(102), { comments: [comment('dave', day(102) + 1)] }),
        discussion(3, 'erin', day(50), { category: 'General' }),
      ],
      WINDOW,
    );
    const group = buildCategoryAdvice(report);
    assert.equal(group.label, 'Category advice');
    assert.equal(group.description, '2 categories flagged');
    assert.equal(group.tooltip, RULE);
    assert.deepEqual(
      group.rows.map((row) => [row.name, row.advice, row.description]),
      [
        [
          'Q&A',
          ['thin'],
          'thin: 2 discussions (fewer than 10) and 0% of its participants know someone (under 50%): consider merging it into a related category',
        ],
        ['General', ['dormant'], 'dormant: no new discussion in the window (the last on 2024-02-20): consider closing it'],
      ],
    );
    assert.equal(group.rows[1]!.tooltip, `General\n\n• dormant: no new discussion in the window (the last on 2024-02-20): consider closing it\n\n${RULE}`);
    assert.notEqual(group.rows[0]!.id, group.rows[1]!.id);
  });

  it('words every flag of a category flagged twice, with the thresholds in force', () => {
    const report = reportOf([discussion(1, 'alice', day(101), { comments: [comment('bob', day(101) + 1)] })], {
      ...WINDOW,
      settings: { categoryAdvice: { overDunbarParticipants: 1 } },
    });
    const [row] = buildCategoryAdvice(report).rows;
    assert.deepEqual(row!.sentences, [
      "over Dunbar's number: 2 participants in the window (more than 1): consider splitting it by label or topic",
      'thin: 1 discussion (fewer than 10) and 0% of its participants know someone (under 50%): consider merging it into a related category',
    ]);
    assert.match(buildCategoryAdvice(report).tooltip, /more than 1 participant in the window/);
  });

  it('says so when no category is flagged', () => {
    // Ten discussions in the window, alice and bob meeting in each: everyone knows someone.
    const nodes = Array.from({ length: 10 }, (_, i) => discussion(i + 1, 'alice', day(101 + i), { comments: [comment('bob', day(101 + i) + 1)] }));
    const group = buildCategoryAdvice(reportOf(nodes, WINDOW));
    assert.deepEqual(group.rows, []);
    assert.equal(group.description, 'no category flagged');
    assert.equal(group.tooltip, RULE);
  });
});
