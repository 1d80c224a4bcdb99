import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { reportCommand } from '../../../src/cli/reportCommand';
import { triageCommand } from '../../../src/cli/triageCommand';
import { normalizeCommunity } from '../../../src/community/normalize';
import { classifyPeople } from '../../../src/community/people';
import { computeReport } from '../../../src/community/report';
import {
  CATEGORY_ADVICE_ANCHOR,
  categoryAdviceRule,
  categoryAdviceSentence,
  categoryAdviceSentences,
  FIGURES,
  NETWORK_FIGURES,
  REPORT_HEADLINE_IDS,
} from '../../../src/report/figures';
import { buildHeadlines } from '../../../src/viewModels/health';
import { buildNeedsResponseModel } from '../../../src/viewModels/needsResponse';
import { triage } from '../../../src/community/triage';
import { CURRENT_WINDOW, TWO_WINDOWS_NODES } from '../../support/twoWindowsCommunity';
import { T0 } from '../../support/discussionNodes';

const HOUR = 3_600_000;

/** Every headline figure's name, as a user reads it on every surface (Health's wording). */
const NAMES = [
  'Discussions opened',
  'Responses',
  'Responders',
  'Absence factor',
  'Participants',
  'Weekly active participants',
  'New participants',
  'Returning participants',
  'Median first response',
  'p90 first response',
  'Within 48 h target',
  'No response (new in window)',
  'Answer rate',
  'Median time to answer',
  'Know someone',
  'Core',
];

/** Names the surfaces used before they shared one vocabulary: none may come back. */
const OLD_VARIANTS = [
  '90th percentile first response',
  'Without a response',
  'First response within target',
  'Answer rate (answerable categories)',
  'People who responded',
  'No response yet',
  'Author replied, waiting on the team',
  'Answered but not marked',
];

const BUCKETS = ['No response', 'Author replied', 'Answer not marked'];

const community = normalizeCommunity('octo/repo', TWO_WINDOWS_NODES);
const people = classifyPeople(community);
const since = T0 + CURRENT_WINDOW.sinceHours * HOUR;
const until = T0 + CURRENT_WINDOW.untilHours * HOUR;

/** The first cell of each row of the Markdown table under `heading`. */
function firstCells(md: string, heading: string): string[] {
  const section = md.split(`## ${heading}\n\n`)[1]!.split('\n\n')[0]!;
  return section
    .split('\n')
    .slice(2)
    .map((line) => line.split(' | ')[0]!.replace(/^\| /, ''));
}

describe('one vocabulary for every surface', () => {
  it('names each headline figure the same in the Markdown report, the Health view and the dashboard cards', async () => {
    const md = await reportCommand({ community, people, since, until, format: 'md' });
    assert.deepEqual(firstCells(md, 'Headline'), NAMES);
    const report = computeReport(community, people, { since, until });
    const rows = buildHeadlines(report.headline, report.previous.headline, { previousLabel: 'previous 30 days', targetHours: 48 });
    for (const row of rows) assert.ok(NAMES.includes(row.label), `Health names "${row.label}" as the report does`);
    assert.equal(rows.length, 10);
    for (const old of OLD_VARIANTS) assert.ok(!md.includes(old), `the report no longer says "${old}"`);
  });

  it('names the Needs Response buckets the same in the report, the tree and the triage CLI', async () => {
    const md = await reportCommand({ community, people, since, until, format: 'md' });
    assert.deepEqual(firstCells(md, 'Needs response (at 2024-03-01)').slice(0, 3), [BUCKETS[0], BUCKETS[1], `${BUCKETS[2]} (older than 7 days)`]);
    const model = buildNeedsResponseModel(triage(community, people, { now: until, staleDays: 7 }), {
      now: until,
      asOf: null,
      staleDays: 7,
      responseTargetHours: 48,
    });
    assert.deepEqual(
      model.sections.map((section) => section.label.replace(/ \(\d+\)$/, '')),
      BUCKETS,
    );
    const table = triageCommand({ community, people, apiUrl: null, partial: null }, { now: until, format: 'table' });
    const headings = table
      .split('\n')
      .filter((line) => /^\S.* \(\d+\)$/.test(line))
      .map((line) => line.replace(/ \(\d+\)$/, ''));
    assert.deepEqual(headings, BUCKETS);
    for (const old of OLD_VARIANTS) assert.ok(!table.includes(old), `the CLI no longer says "${old}"`);
  });

  it('heads the CSV with the per-discussion figures’ columns', async () => {
    const csv = await reportCommand({ community, people, since, until, format: 'csv' });
    assert.equal(
      csv.split('\r\n')[0],
      'number,title,url,author,category,created,first_response_seconds,first_maintainer_response_seconds,answered,time_to_answer_seconds,people,ties',
    );
  });

  it('points each figure at a heading of docs/metrics.md that quotes its definition word for word', () => {
    const text = readFileSync(new URL('../../../docs/metrics.md', import.meta.url), 'utf8');
    // GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens.
    const anchors = [...text.matchAll(/^#+ (.+)$/gm)].map((match) =>
      match[1]!
        .toLowerCase()
        .replace(/[^\p{L}\p{N} -]/gu, '')
        .replace(/ /g, '-'),
    );
    const docs = text.replace(/\*\*|`/g, '').replace(/\s+/g, ' ');
    assert.equal(REPORT_HEADLINE_IDS.length, NAMES.length);
    for (const id of REPORT_HEADLINE_IDS) {
      const figure = FIGURES[id];
      assert.ok(anchors.includes(figure.anchor), `${id}: #${figure.anchor} is a heading of docs/metrics.md`);
      assert.ok(docs.includes(figure.docsQuote), `${id}: “${figure.docsQuote}” is in docs/metrics.md`);
    }
    for (const [id, figure] of Object.entries(NETWORK_FIGURES)) {
      assert.ok(anchors.includes(figure.anchor), `network ${id}: #${figure.anchor} is a heading of docs/metrics.md`);
      assert.ok(docs.includes(`${id}:`) || docs.includes(`${id},`), `network ${id} is defined in docs/metrics.md`);
    }
    assert.ok(anchors.includes(CATEGORY_ADVICE_ANCHOR), `category advice: #${CATEGORY_ADVICE_ANCHOR} is a heading of docs/metrics.md`);
    const thin = categoryAdviceSentence(
      'thin',
      { discussions: 3, participants: 5, knowSomeoneRate: 0.2, lastDiscussionAt: '2024-03-02T10:00:00.000Z' },
      DEFAULTS,
    );
    assert.ok(docs.includes(thin), `docs/metrics.md words a thin category as the views do: “${thin}”`);
  });
});

const DEFAULTS = { overDunbarParticipants: 150, thinKnowSomeoneRate: 0.5, thinDiscussions: 10 };

describe('category advice in words', () => {
  const category = { discussions: 3, participants: 163, knowSomeoneRate: 0.2, lastDiscussionAt: '2024-03-02T23:59:00.000Z' };

  it('names the figures behind each flag and the threshold each crossed', () => {
    assert.equal(
      categoryAdviceSentence('overDunbar', category, DEFAULTS),
      "over Dunbar's number: 163 participants in the window (more than 150): consider splitting it by label or topic",
    );
    assert.equal(
      categoryAdviceSentence('thin', category, DEFAULTS),
      'thin: 3 discussions (fewer than 10) and 20% of its participants know someone (under 50%): consider merging it into a related category',
    );
    assert.equal(
      categoryAdviceSentence('dormant', { ...category, discussions: 0 }, DEFAULTS),
      'dormant: no new discussion in the window (the last on 2024-03-02): consider closing it',
    );
  });

  it('words the thresholds in force, not the defaults, and a single discussion in the singular', () => {
    const strict = { overDunbarParticipants: 1200, thinKnowSomeoneRate: 0.25, thinDiscussions: 2 };
    assert.equal(
      categoryAdviceSentence('overDunbar', { ...category, participants: 1500 }, strict),
      "over Dunbar's number: 1,500 participants in the window (more than 1,200): consider splitting it by label or topic",
    );
    assert.equal(
      categoryAdviceSentence('thin', { ...category, discussions: 1, knowSomeoneRate: 0 }, strict),
      'thin: 1 discussion (fewer than 2) and 0% of its participants know someone (under 25%): consider merging it into a related category',
    );
    assert.equal(
      categoryAdviceRule(strict),
      "A category is flagged over Dunbar's number with more than 1,200 participants in the window, thin with fewer than 2 discussions (but one at least) and under 25% of its participants knowing someone, dormant with no new discussion in the window.",
    );
  });

  it('gives one sentence per flag, in the order of the flags, and none for a category without advice', () => {
    const sentences = categoryAdviceSentences({ ...category, discussions: 0, advice: ['overDunbar', 'dormant'] }, DEFAULTS);
    assert.equal(sentences.length, 2);
    assert.match(sentences[0]!, /^over Dunbar's number: 163 participants/);
    assert.match(sentences[1]!, /^dormant: no new discussion/);
    assert.deepEqual(categoryAdviceSentences({ ...category, advice: [] }, DEFAULTS), []);
  });
});
