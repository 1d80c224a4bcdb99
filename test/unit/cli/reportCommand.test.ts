import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeGitHub } from '../../fake-github/server';
import { runCli } from '../../support/cli';
import { comment, discussion } from '../../support/discussionNodes';

/**
 * Four questions opened a day apart, first answered after 2, 5, 10 and 30 hours; carol gives three of
 * the four first responses. By 2024-01-31 every one is older than any target used here.
 */
const DISCUSSIONS = [
  discussion(1, 'alice', 0, { comments: [comment('carol', 2)] }),
  discussion(2, 'bob', 24, { comments: [comment('carol', 29)] }),
  discussion(3, 'dave', 48, { comments: [comment('erin', 58)] }),
  discussion(4, 'frank', 72, { comments: [comment('carol', 102)] }),
];
const WINDOW = ['--since', '2023-12-31T00:00:00Z', '--until', '2024-01-31T00:00:00Z', '--format', 'json'];

interface ReportJson {
  firstResponse: { count: number; noResponse: number; withinTargetRate: number | null; targetHours: number };
  headline: { responses: number; responders: number; participants: number; withinTargetRate: number | null };
  settings: { categoryAdvice: { overDunbarParticipants: number; thinKnowSomeoneRate: number; thinDiscussions: number } };
  categories: { name: string; advice: string[] }[];
}

async function reportOf(argv: string[]): Promise<{ report: ReportJson; text: string }> {
  const run = await runCli(['report', ...argv, ...WINDOW]);
  assert.equal(run.code, 0, run.stderr);
  return { report: JSON.parse(run.stdout) as ReportJson, text: run.stdout };
}

describe('community-pulse report', () => {
  const input = join(mkdtempSync(join(tmpdir(), 'cp-report-')), 'discussions.json');
  writeFileSync(input, JSON.stringify({ repository: 'octo/repo', discussions: DISCUSSIONS }));

  it('--response-target-hours sets the target the within-target figure uses', async () => {
    // Default 48 h: all four within. 24 h: 2, 5 and 10 h (3 of 4). 6 h: 2 and 5 h (2 of 4).
    for (const [flag, target, rate] of [
      [[], 48, 1],
      [['--response-target-hours', '24'], 24, 0.75],
      [['--response-target-hours', '6'], 6, 0.5],
    ] as const) {
      const { report } = await reportOf(['--input', input, ...flag]);
      assert.equal(report.firstResponse.targetHours, target);
      assert.equal(report.firstResponse.withinTargetRate, rate, `target ${target} h`);
      assert.equal(report.headline.withinTargetRate, rate, `headline at target ${target} h`);
    }
  });

  it('--over-dunbar-participants, --thin-discussions and --thin-know-someone-rate set the category advice thresholds', async () => {
    // Q&A: 4 discussions, 6 participants, every tie met once (nobody knows anyone): thin by default.
    for (const [flags, advice, thresholds] of [
      [[], ['thin'], { overDunbarParticipants: 150, thinKnowSomeoneRate: 0.5, thinDiscussions: 10 }],
      [['--over-dunbar-participants', '5'], ['overDunbar', 'thin'], { overDunbarParticipants: 5, thinKnowSomeoneRate: 0.5, thinDiscussions: 10 }],
      [['--over-dunbar-participants', '6'], ['thin'], { overDunbarParticipants: 6, thinKnowSomeoneRate: 0.5, thinDiscussions: 10 }],
      [['--thin-discussions', '4'], [], { overDunbarParticipants: 150, thinKnowSomeoneRate: 0.5, thinDiscussions: 4 }],
      [['--thin-know-someone-rate', '0'], [], { overDunbarParticipants: 150, thinKnowSomeoneRate: 0, thinDiscussions: 10 }],
    ] as const) {
      const { report } = await reportOf(['--input', input, ...flags]);
      assert.deepEqual(report.settings.categoryAdvice, thresholds, flags.join(' '));
      assert.deepEqual(report.categories, [{ ...report.categories[0]!, name: 'Q&A', advice }], flags.join(' '));
    }
    const run = await runCli(['report', '--input', input, ...WINDOW.slice(0, 4), '--format', 'md', '--over-dunbar-participants', '5']);
    assert.ok(run.stdout.includes("over Dunbar's number: 6 participants in the window (more than 5): consider splitting it by label or topic"), run.stdout);
    assert.ok(run.stdout.includes("A category is flagged over Dunbar's number with more than 5 participants in the window"), run.stdout);
  });

  it('--ignore-users removes a person from every figure', async () => {
    const everyone = (await reportOf(['--input', input])).report;
    assert.deepEqual([everyone.headline.responses, everyone.headline.responders, everyone.headline.participants], [4, 2, 6]);

    const { report, text } = await reportOf(['--input', input, '--ignore-users', 'carol']);
    // Only erin's response on #3 remains; carol is neither responder nor participant, nor named anywhere.
    assert.deepEqual([report.headline.responses, report.headline.responders, report.headline.participants], [1, 1, 5]);
    assert.deepEqual([report.firstResponse.count, report.firstResponse.noResponse, report.firstResponse.withinTargetRate], [1, 3, 0.25]);
    assert.equal(text.toLowerCase().includes('carol'), false);
  });

  it('reads OWNER/REPO from the store a sync wrote, and says to sync first when there is none', async () => {
    const github = await startFakeGitHub({ token: 'cli-token', repositories: [{ nameWithOwner: 'octo/repo', discussions: DISCUSSIONS }] });
    const store = mkdtempSync(join(tmpdir(), 'cp-report-store-'));
    try {
      const sync = await runCli(['sync', 'octo/repo', '--api-url', github.url, '--store', store], { GITHUB_TOKEN: 'cli-token' });
      assert.equal(sync.code, 0, sync.stderr);
    } finally {
      await github.close();
    }
    const { report } = await reportOf(['octo/repo', '--store', store, '--response-target-hours', '24']);
    assert.deepEqual([report.firstResponse.count, report.firstResponse.withinTargetRate, report.headline.responders], [4, 0.75, 2]);

    const missing = await runCli(['report', 'octo/other', '--store', store]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no snapshot of octo\/other in .*run `community-pulse sync octo\/other` first/);
  });
});
