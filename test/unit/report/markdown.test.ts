import * as assert from 'node:assert/strict';
import { normalizeCommunity } from '../../../src/community/normalize';
import { classifyPeople } from '../../../src/community/people';
import { computeReport } from '../../../src/community/report';
import { renderMarkdown } from '../../../src/report/markdown';
import { comment, discussion, T0 } from '../../support/discussionNodes';

const HOUR = 3_600_000;

/** One responder (bob) and one inactive regular (carol: 5 responses, the latest 100 days before until). */
function report() {
  const nodes = [
    ...[1, 2, 3, 4, 5].map((n) => discussion(n, 'alice', n * 24, { comments: [comment('carol', n * 24 + 1)] })),
    discussion(6, 'dave', 120 * 24, { comments: [comment('bob', 120 * 24 + 2)] }),
  ];
  const community = normalizeCommunity('octo/repo', nodes);
  return computeReport(community, classifyPeople(community), { since: T0 + 100 * 24 * HOUR, until: T0 + 130 * 24 * HOUR });
}

describe('renderMarkdown', () => {
  it('links people to their profiles on the GitHub Enterprise Server the data came from', () => {
    const md = renderMarkdown(report(), { apiUrl: 'https://ghe.example.com/api/v3' });
    assert.ok(md.includes('[bob](https://ghe.example.com/bob)'), 'the most active contributor, in the leader candidates section');
    assert.ok(md.includes('[carol](https://ghe.example.com/carol)'), 'the inactive regular');
    assert.ok(!md.includes('github.com'), 'no link leads to github.com');
  });

  it('links people to github.com for data from api.github.com, never @-mentioning them', () => {
    const md = renderMarkdown(report(), { apiUrl: 'https://api.github.com' });
    assert.ok(md.includes('[bob](https://github.com/bob)'));
    assert.ok(md.includes('[carol](https://github.com/carol)'));
    assert.ok(!/(^|\s)@(bob|carol)\b/m.test(md), 'no mention that would ping them');
  });
});
