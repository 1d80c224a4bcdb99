import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportCommand } from '../../../src/cli/reportCommand';
import type { Community } from '../../../src/community/model';
import { normalizeCommunity } from '../../../src/community/normalize';
import { classifyPeople, type People } from '../../../src/community/people';
import { buildFacts } from '../../../src/community/metrics/facts';
import { computeReport } from '../../../src/community/report';
import { ReportSchema } from '../../../src/community/reportSchema';
import { triage } from '../../../src/community/triage';
import type { DiscussionNode } from '../../../src/github/schemas';
import { generateCommunity } from '../../fake-github/generator';
import { runCli } from '../../support/cli';
import { at, comment, discussion, T0 } from '../../support/discussionNodes';
import { CURRENT_WINDOW, TWO_WINDOWS_NODES } from '../../support/twoWindowsCommunity';

const NOW = '2025-06-01T00:00:00Z';
const FIXTURE = join(__dirname, '../../fixtures/payload-discussions.json');

function synthetic(): { community: Community; people: People } {
  const generated = generateCommunity({ seed: 5, discussions: 1_500, now: NOW });
  const community = normalizeCommunity(generated.repository, generated.discussions as DiscussionNode[]);
  return { community, people: classifyPeople(community) };
}

describe('community report', () => {
  const { community, people } = synthetic();
  const until = Date.parse(NOW);
  const report = computeReport(community, people, { until });

  it('matches its zod schema, every null figure explained', () => {
    const parsed = ReportSchema.safeParse(report);
    assert.ok(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3)));
    assert.equal(report.window.days, 90);
    assert.equal(report.window.until, '2025-06-01T00:00:00.000Z');
    assert.equal(report.previous.window.until, '2025-03-03T00:00:00.000Z');
    assert.ok(report.leaders.length > 0 && report.contributors.length === 50, 'a synthetic community has a long tail and a few leaders');
  });

  it('the schema rejects a null figure without a reason, and a reason for a figure that is there', () => {
    const unexplained = { ...report, firstResponse: { ...report.firstResponse, medianSeconds: null } };
    assert.match(JSON.stringify(ReportSchema.safeParse(unexplained).error?.issues), /medianSeconds is null without a reason/);
    const overexplained = { ...report, participation: { ...report.participation, reasons: { gini: 'made up' } } };
    assert.match(JSON.stringify(ReportSchema.safeParse(overexplained).error?.issues), /a reason is given for gini, which is not null/);
  });

  it('is the same from facts built beforehand (they hold for any window), and refuses facts of another community', () => {
    const facts = buildFacts(community, people);
    assert.deepEqual(computeReport(community, people, { until }, facts), report);
    const since = until - 400 * 86_400_000;
    assert.deepEqual(computeReport(community, people, { since, until }, facts), computeReport(community, people, { since, until }));
    const other = synthetic();
    assert.throws(() => computeReport(other.community, other.people, { until }, facts), /facts given are not/);
  });

  it('counts the Needs Response buckets by triage at until', () => {
    // An hour past the generator's "now", so nothing in the data is at or after until.
    const later = until + 3_600_000;
    const expected = triage(community, people, { now: later, staleDays: 7 });
    assert.deepEqual(computeReport(community, people, { until: later }).needsResponse, {
      noResponse: expected.noResponse.length,
      awaitingReply: expected.awaitingReply.length,
      unmarkedAnswer: expected.unmarkedAnswer.length,
      total: expected.noResponse.length + expected.awaitingReply.length + expected.unmarkedAnswer.length,
      staleDays: 7,
    });
    assert.ok(expected.noResponse.length > 0 && expected.awaitingReply.length > 0 && expected.unmarkedAnswer.length > 0);
  });

  it('judges needs-response as of until, ignoring what came later', () => {
    const nodes = [discussion(1, 'alice', 0), discussion(2, 'bob', 0, { comments: [comment('carol', 100)] })];
    const small = normalizeCommunity('octo/repo', nodes);
    const early = computeReport(small, classifyPeople(small), { until: Date.parse(at(50)), since: T0 });
    assert.equal(early.needsResponse.noResponse, 2); // carol's comment comes after until
  });

  it('previous window: the headline the same report would give for the window before', () => {
    const previous = computeReport(community, people, { since: until - 180 * 86_400_000, until: until - 90 * 86_400_000 });
    assert.deepEqual(report.previous.headline, previous.headline);
    assert.notDeepEqual(report.previous.headline, report.headline);
  });
});

describe('community-pulse report', () => {
  const real = () => {
    const raw = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { repository: string; discussions: DiscussionNode[] };
    const community = normalizeCommunity(raw.repository, raw.discussions);
    return { community, people: classifyPeople(community) };
  };
  const window = { since: Date.parse('2022-10-01T00:00:00Z'), until: Date.parse('2023-01-01T00:00:00Z') };

  it('--format json prints the report, valid against the schema', async () => {
    const json = JSON.parse(await reportCommand({ ...real(), ...window, format: 'json' })) as unknown;
    const parsed = ReportSchema.parse(json);
    assert.equal(parsed.repository, 'payloadcms/payload');
    assert.equal(parsed.window.since, '2022-10-01T00:00:00.000Z');
  });

  it('--format md gives a pasteable report: headline with change, response times, needs response, leaders, retention, categories, the reasons for missing figures', async () => {
    const md = await reportCommand({ ...real(), ...window, format: 'md' });
    for (const heading of ['# Community report: payloadcms/payload', '## Headline', '## Response times', '## Needs response', '## Leader candidates', '## Retention', '## Categories', '## Notes']) {
      assert.ok(md.includes(heading), heading);
    }
    assert.match(md, /\| Discussions opened \| 59 \| 47 \| \+12 \|/);
    assert.match(md, /\| \[jmikrut\]\(https:\/\/github\.com\/jmikrut\) \| /, 'leaders are profile links with their evidence');
    assert.doesNotMatch(md, /(^|\s)@\w/, 'pasting it pings nobody');
    assert.match(md, /\| First maintainer response \| — \(1\) \|/);
    assert.match(md, /1\. no maintainer known: .*pass --maintainers/);
  });

  it('--format md gives each window’s p90 first response, absence factor and weekly active participants in the headline, with the change', async () => {
    const community = normalizeCommunity('octo/repo', TWO_WINDOWS_NODES);
    const since = T0 + CURRENT_WINDOW.sinceHours * 3_600_000;
    const until = T0 + CURRENT_WINDOW.untilHours * 3_600_000;
    const md = await reportCommand({ community, people: classifyPeople(community), since, until, format: 'md' });
    // Figures worked out by hand in twoWindowsCommunity.ts.
    assert.ok(md.includes('| p90 first response | 24.8 h | 8.2 h | +16.6 h |'), md);
    assert.ok(md.includes('| Absence factor | 1 | 2 | −1 |'), md);
    assert.ok(md.includes('| Weekly active participants | 2 | 2.5 | −0.5 |'), md);
    const empty = await reportCommand({ community, people: classifyPeople(community), since: T0, until: T0 + 30 * 86_400_000, format: 'md' });
    const weekly = /\| Weekly active participants \| 2\.5 \| — \((\d+)\) \| — \|/.exec(empty);
    assert.ok(weekly, 'no figure before the first post, with a note');
    assert.match(empty, new RegExp(`^${weekly[1]}\\. nobody posted in the window$`, 'm'));
  });

  it('--format md shows a change too small to show as 0, not as "+0 s"', async () => {
    const hours = (n: number) => n / 3_600_000;
    const nodes = [
      discussion(1, 'alice', 0, { comments: [comment('bob', 1)] }),
      discussion(2, 'carol', 24, { comments: [comment('bob', 25 + hours(300))] }), // 1 h and 0.3 s
    ];
    const community = normalizeCommunity('octo/repo', nodes);
    const md = await reportCommand({ community, people: classifyPeople(community), since: T0 + 86_400_000, until: T0 + 2 * 86_400_000, format: 'md' });
    assert.ok(md.includes('| Median first response | 1 h | 1 h | 0 |'), md);
  });

  it('--format csv writes one row per discussion opened in the window, quoting and defusing text', async () => {
    const nodes = [
      discussion(1, 'alice', 1, { title: 'Commas, "quotes"\nand lines', comments: [comment('bob', 3, { isAnswer: true })], answerChosenAt: at(4) }),
      discussion(2, 'carol', 2, { title: '=HYPERLINK("http://evil")' }),
      discussion(3, 'dan', -10),
    ];
    const community = normalizeCommunity('octo/repo', nodes);
    const csv = await reportCommand({ community, people: classifyPeople(community), since: T0, until: Date.parse(at(24)), format: 'csv' });
    assert.equal(
      csv,
      [
        'number,title,url,author,category,created,first_response_seconds,first_maintainer_response_seconds,answered,time_to_answer_seconds',
        '1,"Commas, ""quotes""\nand lines",https://github.com/octo/repo/discussions/1,alice,Q&A,2024-01-01T01:00:00.000Z,7200,,true,10800',
        `2,"'=HYPERLINK(""http://evil"")",https://github.com/octo/repo/discussions/2,carol,Q&A,2024-01-01T02:00:00.000Z,,,false,`,
        '',
      ].join('\r\n'),
    );
  });

  it('runs from the command line with the shared flags and writes --out', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'cp-report-')), 'report.json');
    const run = await runCli(['report', '--input', FIXTURE, '--since', '2022-10-01', '--until', '2023-01-01', '--format', 'json', '--maintainers', 'jmikrut', '--out', out]);
    assert.equal(run.code, 0, run.stderr);
    const written = ReportSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    assert.equal(written.maintainersKnown, true);
    assert.ok(written.firstMaintainerResponse.count! > 0);
    assert.ok(written.contributors.every((c) => c.login !== 'jmikrut'), 'maintainers are not community leader candidates');
  });

  it('rejects a window that ends before it starts, with exit status 2 and the reason', async () => {
    const run = await runCli(['report', '--input', FIXTURE, '--since', '2023-01-01', '--until', '2022-01-01']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--since\/--until: the window must start before it ends/);
  });
});
