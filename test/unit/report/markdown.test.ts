import * as assert from 'node:assert/strict';
import { normalizeCommunity } from '../../../src/community/normalize';
import { classifyPeople } from '../../../src/community/people';
import type { PartialMetricSettings } from '../../../src/community/metrics/settings';
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

  it('shows who knows whom: the network figures, the connectors and each category, with notes for missing figures', () => {
    // In the window, bob's comment answers dave's discussion: one weak tie between two participants.
    const md = renderMarkdown(report(), { apiUrl: 'https://api.github.com' });
    const section = md.split('## Who knows whom\n\n')[1]!.split('\n## ')[0]!;
    const rows = section.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| ---'));
    assert.deepEqual(rows, [
      '| Participants | Connected | Ties | Strong ties | Reciprocal ties | Density | Mean ties | Know someone | Core |',
      '| 2 | 2 | 1 | 0 | 0 | 100% | 1 | 0% | 0 |',
      '| Person | Ties | Strong ties |',
      '| [bob](https://github.com/bob) | 1 | 0 |',
      '| [dave](https://github.com/dave) | 1 | 0 |',
      '| Category | Participants | Ties | Strong ties | Know someone |',
      '| Q&A | 2 | 1 | 0 | 0% |',
    ]);
    // bob and dave each answered alice once: a tie each, none strong.
    assert.match(section, /^No core: no two people met in two discussions in this window, so nobody has a strong tie yet\.$/m);
    const community = normalizeCommunity('octo/repo', [discussion(1, 'alice', 1)]);
    const alone = renderMarkdown(computeReport(community, classifyPeople(community), { since: T0, until: T0 + 30 * 24 * HOUR }), {
      apiUrl: 'https://api.github.com',
    });
    const note = /\| 1 \| 0 \| 0 \| 0 \| 0 \| — \((\d+)\) \| — \((\d+)\) \| 0% \| 0 \|/.exec(alone);
    assert.ok(note && note[1] === note[2], alone);
    assert.ok(alone.includes(`${note[1]}. nobody answered another person in the window: there are no ties`), alone);
    assert.ok(alone.includes('Nobody answered another person in the window.'), alone);
  });

  it('gives each category its advice in words, with the figures behind it and the thresholds in force', () => {
    // Window: days 100..130. Q&A: dave's one discussion, answered once by bob (2 people, a weak tie). General: one discussion on day 50.
    const community = normalizeCommunity('octo/repo', [
      discussion(1, 'dave', 120 * 24, { comments: [comment('bob', 120 * 24 + 2)] }),
      discussion(2, 'erin', 50 * 24, { category: 'General' }),
    ]);
    const categories = (settings: PartialMetricSettings = {}) => {
      const md = renderMarkdown(computeReport(community, classifyPeople(community), { since: T0 + 100 * 24 * HOUR, until: T0 + 130 * 24 * HOUR, settings }), {
        apiUrl: 'https://api.github.com',
      });
      const section = md.split('## Categories\n\n')[1]!.split('\n## ')[0]!;
      const lines = section.split('\n');
      const cells = (name: string) =>
        lines
          .find((line) => line.startsWith(`| ${name} |`))!
          .slice(2, -2)
          .split(' | ');
      return { header: cells('Category'), advice: (name: string) => cells(name).at(-1), rule: lines.find((line) => line.startsWith('A category is flagged')) };
    };
    const shown = categories();
    assert.equal(shown.header.at(-1), 'Advice');
    assert.equal(
      shown.advice('Q&A'),
      'thin: 1 discussion (fewer than 10) and 0% of its participants know someone (under 50%): consider merging it into a related category',
    );
    assert.equal(shown.advice('General'), 'dormant: no new discussion in the window (the last on 2024-02-20): consider closing it');
    assert.equal(
      shown.rule,
      "A category is flagged over Dunbar's number with more than 150 participants in the window, thin with fewer than 10 discussions (but one at least) and under 50% of its participants knowing someone, dormant with no new discussion in the window. See docs/metrics.md#category-advice.",
    );
    const strict = categories({ categoryAdvice: { overDunbarParticipants: 1, thinDiscussions: 1 } });
    assert.equal(strict.advice('Q&A'), "over Dunbar's number: 2 participants in the window (more than 1): consider splitting it by label or topic");
    assert.match(strict.rule!, /more than 1 participant in the window, thin with fewer than 1 discussion \(/);
  });
});
