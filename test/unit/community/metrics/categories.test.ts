import * as assert from 'node:assert/strict';
import { normalizeCommunity } from '../../../../src/community/normalize';
import { classifyPeople } from '../../../../src/community/people';
import { computeReport } from '../../../../src/community/report';
import type { DiscussionNode } from '../../../../src/github/schemas';
import { at, comment, discussion } from '../../../support/discussionNodes';
import { raw, rawSampleNetwork } from '../../../support/rawSampleNetwork';
import { reportOf, type ReportCase } from './support';

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

  describe('advice (docs/metrics.md "Category advice")', () => {
    const window = { sinceHours: day(100), untilHours: day(130) };
    const named = (name: string) => ({ name, slug: name.toLowerCase(), isAnswerable: false });
    const inCategory = (name: string, node: DiscussionNode): DiscussionNode => ({ ...node, category: named(name) });
    const adviceOf = (nodes: DiscussionNode[], options: ReportCase = {}) =>
      new Map(reportOf(nodes, { ...window, ...options }).categories.map((c) => [c.name, c.advice]));

    /**
     * `discussions` discussions opened by `host` (on days 101, 102… unless `openedDay`), with `commenters` distinct
     * people answering once each (an hour after the opening unless `answeredDay`).
     */
    function crowd(name: string, discussions: number, commenters: number, days: { openedDay?: number; answeredDay?: number } = {}): DiscussionNode[] {
      return Array.from({ length: discussions }, (_, d) => {
        const opened = day(days.openedDay ?? 101 + d);
        const people = Array.from({ length: commenters }, (_, c) => c).filter((c) => c % discussions === d);
        const comments = people.map((c) => comment(`person${c}`, days.answeredDay === undefined ? opened + 1 : day(days.answeredDay)));
        return inCategory(name, discussion(1000 * (d + 1), 'host', opened, { comments }));
      });
    }

    it('flags a category over Dunbar’s number at 151 participants in the window, not at 150', () => {
      // Ten discussions (not thin) by one host; 149 or 150 others answer once each: 150 or 151 participants.
      assert.deepEqual(adviceOf(crowd('Help', 10, 149)).get('Help'), []);
      assert.deepEqual(adviceOf(crowd('Help', 10, 150)).get('Help'), ['overDunbar']);
    });

    it('flags a thin category under 10 discussions, not at 10', () => {
      // Each discussion opened by someone else, none answered: nobody has a strong tie (rate 0).
      const lonely = (count: number) => Array.from({ length: count }, (_, i) => inCategory('Ideas', discussion(i + 1, `idea${i}`, day(101 + i))));
      assert.deepEqual(adviceOf(lonely(9)).get('Ideas'), ['thin']);
      assert.deepEqual(adviceOf(lonely(10)).get('Ideas'), []);
      assert.deepEqual(adviceOf(lonely(1)).get('Ideas'), ['thin']);
    });

    it('flags a thin category only when its know-someone rate is below the threshold, not at it', () => {
      // alice and bob meet in two discussions (a strong tie); carol gets one answer from dave (a weak one).
      const met = [
        discussion(1, 'alice', day(101), { comments: [comment('bob', day(101) + 1)] }),
        discussion(2, 'alice', day(102), { comments: [comment('bob', day(102) + 1)] }),
        discussion(3, 'carol', day(103), { comments: [comment('dave', day(103) + 1)] }),
      ].map((node) => inCategory('Show', node));
      const half = reportOf(met, window).categories.find((c) => c.name === 'Show')!;
      assert.equal(half.knowSomeoneRate, 2 / 4);
      assert.deepEqual(half.advice, [], '2 of 4 know someone: 50% is not under 50%');
      // erin opens one nobody answers: 2 of 5 know someone.
      const withErin = [...met, inCategory('Show', discussion(4, 'erin', day(104)))];
      assert.deepEqual(adviceOf(withErin).get('Show'), ['thin']);
    });

    it('flags a category dormant when it had discussions before the window and none in it, however busy its old ones are', () => {
      const advice = adviceOf([
        discussion(1, 'alice', day(101)), // Q&A: one new discussion
        discussion(2, 'dave', day(10), { category: 'General', comments: [comment('erin', day(120)), comment('frank', day(121))] }),
        discussion(3, 'gina', day(40), { category: 'General' }),
      ]);
      assert.deepEqual(advice.get('General'), ['dormant'], 'responses to old discussions are no new discussion; not thin: thin needs one');
      assert.deepEqual(advice.get('Q&A'), ['thin']);
    });

    it('gives several flags at once: over Dunbar’s number and dormant, over Dunbar’s number and thin', () => {
      // 151 people answer old discussions of the category in the window (the host opened them before it): busy, but nothing new.
      assert.deepEqual(adviceOf(crowd('Help', 3, 151, { openedDay: 50, answeredDay: 110 })).get('Help'), ['overDunbar', 'dormant']);
      assert.deepEqual(adviceOf(crowd('Help', 3, 150)).get('Help'), ['overDunbar', 'thin']);
    });

    it('uses the thresholds it is given', () => {
      const nodes = [
        ...crowd('Help', 10, 20), // 21 participants, 10 discussions, nobody knows anyone
        discussion(1, 'alice', day(10), { category: 'General' }),
      ];
      assert.deepEqual(adviceOf(nodes).get('Help'), []);
      const strict = { categoryAdvice: { overDunbarParticipants: 20, thinDiscussions: 11 } };
      assert.deepEqual(adviceOf(nodes, { settings: strict }).get('Help'), ['overDunbar', 'thin']);
      assert.deepEqual(adviceOf(nodes, { settings: { categoryAdvice: { thinDiscussions: 11, thinKnowSomeoneRate: 0 } } }).get('Help'), []);
      const report = reportOf(nodes, { ...window, settings: strict });
      assert.deepEqual(report.settings.categoryAdvice, { overDunbarParticipants: 20, thinKnowSomeoneRate: 0.5, thinDiscussions: 11 });
    });

    describe('on the real sample (one category, Q&A; figures from the raw file)', () => {
      const community = normalizeCommunity(raw.repository, raw.discussions as unknown as DiscussionNode[]);
      const people = classifyPeople(community);
      const qa = (since: string, until: string) =>
        computeReport(community, people, { since: Date.parse(since), until: Date.parse(until) }).categories.find((c) => c.name === 'Q&A')!;
      const openedIn = (since: string, until: string) => raw.discussions.filter((d) => d.createdAt >= since && d.createdAt < until).length;

      it('gives 2022 no advice: many discussions, fewer than 150 people', () => {
        const [since, until] = ['2022-01-01T00:00:00Z', '2023-01-01T00:00:00Z'];
        assert.ok(openedIn(since, until) >= 10);
        assert.ok(rawSampleNetwork(Date.parse(since), Date.parse(until)).participants <= 150);
        assert.deepEqual(qa(since, until).advice, []);
      });

      it('finds April 2022 thin: 8 discussions, and under half its participants know someone', () => {
        const [since, until] = ['2022-04-01T00:00:00Z', '2022-05-01T00:00:00Z'];
        const network = rawSampleNetwork(Date.parse(since), Date.parse(until));
        assert.equal(openedIn(since, until), 8);
        assert.ok(network.knowSomeoneRate < 0.5, `know-someone rate ${network.knowSomeoneRate}`);
        const april = qa(since, until);
        assert.equal(april.knowSomeoneRate, network.knowSomeoneRate);
        assert.deepEqual(april.advice, ['thin']);
      });

      it('finds it dormant after its last discussion', () => {
        const last = raw.discussions
          .map((d) => d.createdAt)
          .sort()
          .at(-1)!;
        const after = qa('2023-04-01T00:00:00Z', '2023-07-01T00:00:00Z');
        assert.equal(after.lastDiscussionAt, new Date(last).toISOString());
        assert.deepEqual(after.advice, ['dormant']);
      });
    });
  });
});
