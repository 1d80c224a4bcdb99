import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { COMPARISON_DOC, issueMetricsFirstResponseSeconds, renderComparison } from '../../issueMetricsComparison';

describe('report: comparison with github/issue-metrics', () => {
  const node = (comments: { at: string; by: string; replies?: { at: string; by: string }[] }[]) => ({
    number: 1,
    createdAt: '2024-01-01T00:00:00Z',
    author: { login: 'alice' },
    comments: {
      nodes: comments.map((c) => ({
        createdAt: c.at,
        author: { login: c.by },
        replies: { nodes: (c.replies ?? []).map((r) => ({ createdAt: r.at, author: { login: r.by } })) },
      })),
    },
  });

  it('models issue-metrics: the first top-level comment by anyone, replies ignored, none without a comment', () => {
    assert.equal(
      issueMetricsFirstResponseSeconds(
        node([
          { at: '2024-01-01T01:00:00Z', by: 'alice' },
          { at: '2024-01-01T02:00:00Z', by: 'bob' },
        ]),
      ),
      3_600,
    );
    assert.equal(
      issueMetricsFirstResponseSeconds(node([{ at: '2024-01-01T05:00:00Z', by: 'alice', replies: [{ at: '2024-01-01T06:00:00Z', by: 'bob' }] }])),
      5 * 3_600,
    );
    assert.equal(issueMetricsFirstResponseSeconds(node([])), null);
  });

  it('docs/issue-metrics-comparison.md is what the bundled data gives today', () => {
    assert.equal(readFileSync(COMPARISON_DOC, 'utf8'), renderComparison(), 'regenerate with: npx tsx test/issueMetricsComparison.ts --write');
  });
});
