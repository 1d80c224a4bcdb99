import * as assert from 'node:assert/strict';
import { newPeopleThisMonth } from '../../../../src/community/metrics/newPeople';
import { at, comment, discussion, reply, T0 } from '../../../support/discussionNodes';
import { factsOf, HOUR, shifted } from './support';

// T0 is 2024-01-01; February 2024 starts 744 h later and March (a leap year) 1440 h later.
const FEB = 744;
const MAR = 1440;

describe('metrics: new this month', () => {
  const facts = factsOf(
    [
      discussion(1, 'olive', 24, {
        // alice first posts a second before February; bob's first post, a reply, is February's first instant.
        comments: [shifted(comment('alice', FEB, { replies: [reply('bob', FEB)] }), -1)],
      }),
      discussion(2, 'alice', FEB + 80, {
        comments: [
          comment('carol', FEB + 216),
          comment('renovate[bot]', FEB + 100),
          comment('stalebot', FEB + 101), // ignored user
          comment(null, FEB + 102), // deleted account: ghost
          comment('erin', FEB + 336), // 2024-02-15, the until of the first case
          comment('dave', FEB + 400),
        ],
      }),
      discussion(3, 'github-actions', FEB + 90, { bot: true, comments: [comment('carol', FEB + 300)] }),
    ],
    { maintainers: ['carol'], ignoreUsers: ['stalebot'] },
  );
  const listed = (untilHours: number, plusSeconds = 0) => {
    const { month, people } = newPeopleThisMonth(facts, T0 + untilHours * HOUR + plusSeconds * 1000);
    return { month, people: people.map((p) => [p.login, new Date(p.firstPostAt).toISOString(), p.discussion.number, p.maintainer]) };
  };

  it('lists the people whose first post is in the month holding until, newest first, bots and ghost left out', () => {
    assert.deepEqual(listed(FEB + 336), {
      month: '2024-02',
      people: [
        ['carol', at(FEB + 216), 2, true],
        ['bob', at(FEB), 1, false], // a reply is a first post too
      ],
    });
    const bob = newPeopleThisMonth(facts, T0 + (FEB + 336) * HOUR).people[1]!;
    assert.deepEqual(bob.discussion, { number: 1, title: 'Discussion 1', url: 'https://github.com/octo/repo/discussions/1' });
  });

  it('counts nothing at or after until: erin, first posting exactly at until, is not new yet', () => {
    assert.deepEqual(
      listed(FEB + 336).people.map(([login]) => login),
      ['carol', 'bob'],
    );
    assert.deepEqual(
      listed(FEB + 336, 1).people.map(([login]) => login),
      ['erin', 'carol', 'bob'],
    );
  });

  it('takes the month of the last moment before until: an until at midnight on the 1st gives the month just ended', () => {
    // Until February's first instant: bob's reply is not there yet, and alice's first post, a second earlier, is January's.
    assert.deepEqual(listed(FEB), {
      month: '2024-01',
      people: [
        ['alice', new Date(T0 + FEB * HOUR - 1000).toISOString(), 1, false],
        ['olive', at(24), 1, false],
      ],
    });
    // A second later, February: bob only (alice's first post is January's, so she is not new in February).
    assert.deepEqual(listed(FEB, 1), { month: '2024-02', people: [['bob', at(FEB), 1, false]] });
    assert.deepEqual(
      listed(MAR).people.map(([login]) => login),
      ['dave', 'erin', 'carol', 'bob'],
    );
  });
});
