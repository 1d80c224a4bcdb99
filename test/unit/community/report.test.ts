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
import { independentLeaders } from '../../support/metricsLeaders';
import { CURRENT_WINDOW, PREVIOUS_FIGURES, TWO_WINDOWS_NODES } from '../../support/twoWindowsCommunity';

const NOW = '2025-06-01T00:00:00Z';
const FIXTURE = join(__dirname, '../../fixtures/payload-discussions.json');

function synthetic(): { nodes: DiscussionNode[]; community: Community; people: People } {
  const generated = generateCommunity({ bodies: false, seed: 5, discussions: 1_500, now: NOW });
  const nodes = generated.discussions as DiscussionNode[];
  const community = normalizeCommunity(generated.repository, nodes);
  return { nodes, community, people: classifyPeople(community) };
}

describe('community report', () => {
  const { nodes, community, people } = synthetic();
  const until = Date.parse(NOW);
  const report = computeReport(community, people, { until });

  it('matches its zod schema, every null figure explained', () => {
    const parsed = ReportSchema.safeParse(report);
    assert.ok(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3)));
    assert.equal(report.window.days, 90);
    assert.equal(report.window.until, '2025-06-01T00:00:00.000Z');
    assert.equal(report.previous.window.until, '2025-03-03T00:00:00.000Z');
    assert.equal(report.contributors.length, 50, 'a synthetic community has a long tail');
  });

  it('lists as leaders the contributors the rule of docs/metrics.md picks, recomputed from the raw nodes, highest score first', () => {
    const expected = independentLeaders(nodes, { since: until - 90 * 86_400_000, until });
    assert.deepEqual(
      report.leaders.map(({ login, responses, acceptedAnswers, peopleHelped, firstResponses, activeWeeks, upvotes, score }) => ({
        login,
        responses,
        acceptedAnswers,
        peopleHelped,
        firstResponses,
        activeWeeks,
        upvotes,
        score,
      })),
      expected,
    );
    assert.equal(expected.length, 37, 'the generated community (seed 5) has leaders to compare, bots and maintainers among its people');
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

  it('previous window: its own headline, as of its own end (worked by hand on the two-window community)', () => {
    const small = normalizeCommunity('octo/repo', TWO_WINDOWS_NODES);
    const hours = (n: number) => T0 + n * 3_600_000;
    const twoWindows = computeReport(small, classifyPeople(small), { since: hours(CURRENT_WINDOW.sinceHours), until: hours(CURRENT_WINDOW.untilHours) });
    assert.deepEqual(twoWindows.previous.window, { since: '2024-01-01T00:00:00.000Z', until: '2024-01-31T00:00:00.000Z', days: 30 });
    // Days 0–30, as of day 30: discussions 1–6; bob's response to 6 on day 31 is not there yet.
    const { firstResponseP90Seconds, ...figures } = twoWindows.previous.headline;
    assert.ok(Math.abs(firstResponseP90Seconds! - PREVIOUS_FIGURES.firstResponseP90Seconds) < 1e-6, `p90 ${firstResponseP90Seconds}`);
    assert.deepEqual(figures, {
      discussions: 6,
      responses: 6, // bob 2 (d1, d2), carol 2 (d1, d3), dave's reply on d3, erin on d4; gina's own follow-up is none
      responders: 4,
      absenceFactor: PREVIOUS_FIGURES.absenceFactor,
      participants: 8, // alice, bob, carol, dave, erin, frank, gina, harry
      weeklyActiveParticipants: PREVIOUS_FIGURES.weeklyActiveParticipants,
      newParticipants: 8, // nobody posted before day 0
      returningRate: 0,
      firstResponseMedianSeconds: 3 * 3_600, // 1, 2, 4, 10 h: (2 + 4) / 2
      withinTargetRate: 4 / 5, // four within 48 h; d5 (20 days old) counts against; d6 (1 day old at day 30) is not judged yet
      noResponse: 2, // d5, d6
      answerRate: 0, // six in Q&A, none answered
      timeToAnswerMedianSeconds: null,
      // Ties alice–bob, alice–carol, bob–dave, carol–erin, carol–dave, erin–frank: each pair met in one discussion, none strong.
      knowSomeoneRate: 0,
      coreSize: 0,
      reasons: { timeToAnswerMedianSeconds: 'none of the 6 discussions created in the window had an answer chosen by until' },
    });
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
    for (const heading of [
      '# Community report: payloadcms/payload',
      '## Headline',
      '## Response times',
      '## Needs response',
      '## Leader candidates',
      '## Retention',
      '## Categories',
      '## Notes',
    ]) {
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
        'number,title,url,author,category,created,first_response_seconds,first_maintainer_response_seconds,answered,time_to_answer_seconds,people,ties',
        // #1: alice and bob, who answered her (one tie); #2: carol alone.
        '1,"Commas, ""quotes""\nand lines",https://github.com/octo/repo/discussions/1,alice,Q&A,2024-01-01T01:00:00.000Z,7200,,true,10800,2,1',
        `2,"'=HYPERLINK(""http://evil"")",https://github.com/octo/repo/discussions/2,carol,Q&A,2024-01-01T02:00:00.000Z,,,false,,1,0`,
        '',
      ].join('\r\n'),
    );
  });

  it('runs from the command line with the shared flags and writes --out', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'cp-report-')), 'report.json');
    const run = await runCli([
      'report',
      '--input',
      FIXTURE,
      '--since',
      '2022-10-01',
      '--until',
      '2023-01-01',
      '--format',
      'json',
      '--maintainers',
      'jmikrut',
      '--out',
      out,
    ]);
    assert.equal(run.code, 0, run.stderr);
    const written = ReportSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    assert.equal(written.maintainersKnown, true);
    // By the raw file: the discussions opened in the window with a comment or reply by jmikrut (not their author) before until.
    const raw = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { discussions: DiscussionNode[] };
    const answeredByJmikrut = raw.discussions.filter((d) => {
      const opened = Date.parse(d.createdAt);
      const posts = (d.comments?.nodes ?? []).flatMap((c) => [c, ...(c.replies?.nodes ?? [])]);
      return (
        opened >= window.since &&
        opened < window.until &&
        d.author?.login !== 'jmikrut' &&
        posts.some((p) => p.author?.login === 'jmikrut' && Date.parse(p.createdAt) < window.until)
      );
    });
    assert.equal(written.firstMaintainerResponse.count, answeredByJmikrut.length);
    assert.equal(answeredByJmikrut.length, 19);
    assert.ok(
      written.contributors.every((c) => c.login !== 'jmikrut'),
      'maintainers are not community leader candidates',
    );
  });

  it('rejects a window that ends before it starts, with exit status 2 and the reason', async () => {
    const run = await runCli(['report', '--input', FIXTURE, '--since', '2023-01-01', '--until', '2022-01-01']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--since\/--until: the window must start before it ends/);
  });
});
