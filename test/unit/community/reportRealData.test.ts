import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeCommunity } from '../../../src/community/normalize';
import { classifyPeople } from '../../../src/community/people';
import { computeReport } from '../../../src/community/report';
import { ReportSchema, type Report } from '../../../src/community/reportSchema';
import type { DiscussionNode } from '../../../src/github/schemas';

/**
 * The whole report on real data (answered Q&A threads of payloadcms/payload, test/fixtures/README.md),
 * checked against expected values computed here straight from the raw JSON, independently of the
 * engine: no import of src/community/metrics. A few figures are also pinned to numpy's output.
 */

interface RawActor {
  login: string;
}
interface RawPost {
  createdAt: string;
  author: RawActor | null;
  replies?: { nodes: RawPost[] };
}
interface RawDiscussion {
  number: number;
  createdAt: string;
  author: RawActor | null;
  answerChosenAt: string | null;
  comments: { nodes: RawPost[] };
}

const RAW = JSON.parse(readFileSync(join(__dirname, '../../fixtures/payload-discussions.json'), 'utf8')) as { repository: string; discussions: RawDiscussion[] };
const SINCE = Date.parse('2022-01-01T00:00:00Z');
const UNTIL = Date.parse('2023-01-01T00:00:00Z');

const time = (iso: string) => Date.parse(iso);
const login = (actor: RawActor | null) => actor?.login ?? 'ghost';
const inWindow = (t: number) => t >= SINCE && t < UNTIL;

/** Every comment and reply of a raw discussion, with its author's login and time. */
function postsOf(d: RawDiscussion): { at: number; author: string }[] {
  return d.comments.nodes.flatMap((c) => [c, ...(c.replies?.nodes ?? [])]).map((p) => ({ at: time(p.createdAt), author: login(p.author) }));
}

/** numpy.percentile, method "linear", written out once more for the check. */
function numpyPercentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = ((sorted.length - 1) * q) / 100;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const near = (actual: number | null, expected: number, what: string) =>
  assert.ok(actual !== null && Math.abs(actual - expected) <= 1e-6 * Math.max(1, Math.abs(expected)), `${what}: ${actual} ≉ ${expected}`);

function engineReport(): Report {
  const community = normalizeCommunity(RAW.repository, RAW.discussions as unknown as DiscussionNode[]);
  return ReportSchema.parse(computeReport(community, classifyPeople(community), { since: SINCE, until: UNTIL }));
}

describe('report on real data (payloadcms/payload, 2022)', () => {
  const report = engineReport();
  const windowDiscussions = RAW.discussions.filter((d) => inWindow(time(d.createdAt)));

  it('first response: earliest comment or reply by someone else before until', () => {
    const durations: number[] = [];
    for (const d of windowDiscussions) {
      const created = time(d.createdAt);
      const responses = postsOf(d).filter((p) => p.author !== login(d.author) && p.at < UNTIL);
      if (responses.length > 0) durations.push((Math.min(...responses.map((p) => p.at)) - created) / 1000);
    }
    const fr = report.firstResponse;
    assert.equal(fr.discussions, windowDiscussions.length);
    assert.equal(fr.count, durations.length);
    assert.equal(fr.noResponse, windowDiscussions.length - durations.length);
    near(fr.meanSeconds, mean(durations), 'mean');
    near(fr.medianSeconds, numpyPercentile(durations, 50), 'median');
    near(fr.p90Seconds, numpyPercentile(durations, 90), 'p90');
    // numpy 2.4: np.median → 15272.0, np.percentile(…, 90) → 454061.8 over these 119 durations.
    assert.equal(fr.count, 119);
    near(fr.medianSeconds, 15_272, 'median (numpy)');
    near(fr.p90Seconds, 454_061.8, 'p90 (numpy)');
    const target = 48 * 3_600;
    const judged = windowDiscussions.filter((d) => {
      const hasResponse = postsOf(d).some((p) => p.author !== login(d.author) && p.at < UNTIL);
      return hasResponse || (UNTIL - time(d.createdAt)) / 1000 >= target;
    }).length;
    near(fr.withinTargetRate, durations.filter((s) => s <= target).length / judged, 'withinTargetRate');
  });

  it('time to answer: answerChosenAt − createdAt when chosen before until', () => {
    const durations = windowDiscussions
      .filter((d) => d.answerChosenAt !== null && time(d.answerChosenAt) < UNTIL)
      .map((d) => (time(d.answerChosenAt!) - time(d.createdAt)) / 1000);
    assert.equal(report.timeToAnswer.count, durations.length);
    near(report.timeToAnswer.meanSeconds, mean(durations), 'mean');
    near(report.timeToAnswer.medianSeconds, numpyPercentile(durations, 50), 'median');
    near(report.timeToAnswer.p90Seconds, numpyPercentile(durations, 90), 'p90');
    near(report.timeToAnswer.medianSeconds, 97_055, 'median (numpy)');
    near(report.timeToAnswer.p90Seconds, 2_310_852, 'p90 (numpy)');
    // Every discussion in the sample is answered in the end; by the end of 2022 not all were yet.
    near(report.answerRate, durations.length / windowDiscussions.length, 'answerRate');
  });

  it('participation: responses in the window and how they are shared', () => {
    const perPerson = new Map<string, number>();
    for (const d of RAW.discussions) {
      for (const p of postsOf(d)) {
        if (inWindow(p.at) && p.author !== login(d.author)) perPerson.set(p.author, (perPerson.get(p.author) ?? 0) + 1);
      }
    }
    const counts = [...perPerson.values()].sort((a, b) => b - a);
    const total = counts.reduce((a, b) => a + b, 0);
    let covered = 0;
    const absence = counts.findIndex((c) => (covered += c) >= total / 2) + 1;
    const top = counts.slice(0, Math.ceil(counts.length / 10)).reduce((a, b) => a + b, 0) / total;
    let differences = 0;
    for (const a of counts) for (const b of counts) differences += Math.abs(a - b);
    const gini = differences / (2 * counts.length * counts.length * mean(counts));
    const p = report.participation;
    assert.equal(p.responses, total);
    assert.equal(p.responders, counts.length);
    assert.equal(p.absenceFactor, absence);
    near(p.top10Share, top, 'top10Share');
    near(p.gini, gini, 'gini');
    assert.equal(p.maintainerShare, null, 'the sample has no authorAssociation, and no --maintainers were given');
  });

  it('retention: cohorts by first post, returning participants and new participants', () => {
    const postsByPerson = new Map<string, number[]>();
    const note = (who: string, at: number) => at < UNTIL && postsByPerson.set(who, [...(postsByPerson.get(who) ?? []), at]);
    for (const d of RAW.discussions) {
      note(login(d.author), time(d.createdAt));
      for (const p of postsOf(d)) note(p.author, p.at);
    }
    const month = (t: number) => new Date(t).toISOString().slice(0, 7);
    const participants = [...postsByPerson].filter(([, times]) => times.some(inWindow));
    const returning = participants.filter(([, times]) => Math.min(...times) < SINCE).length;
    const r = report.retention;
    assert.equal(r.participants, participants.length);
    near(r.returningRate, returning / participants.length, 'returningRate');
    const newByMonth = new Map<string, number>();
    for (const [, times] of postsByPerson) {
      const first = Math.min(...times);
      if (inWindow(first)) newByMonth.set(month(first), (newByMonth.get(month(first)) ?? 0) + 1);
    }
    assert.deepEqual(r.newParticipants.filter((m) => m.count > 0).map((m) => [m.month, m.count]), [...newByMonth].sort());
    const cohortMonths = Array.from({ length: 12 }, (_, i) => `2022-${String(i + 1).padStart(2, '0')}`);
    const expected = cohortMonths.map((cohort, index) => {
      const members = [...postsByPerson].filter(([, times]) => month(Math.min(...times)) === cohort);
      const active = cohortMonths.slice(index).map((later) => members.filter(([, times]) => times.some((t) => month(t) === later)).length);
      return { month: cohort, size: members.length, active };
    });
    assert.deepEqual(r.cohorts, expected);
  });

  it('previous window: the same headline figures for the 365 days before', () => {
    const community = normalizeCommunity(RAW.repository, RAW.discussions as unknown as DiscussionNode[]);
    const before = computeReport(community, classifyPeople(community), { since: SINCE - (UNTIL - SINCE), until: SINCE });
    assert.deepEqual(report.previous.window, before.window);
    assert.deepEqual(report.previous.headline, before.headline);
    assert.equal(report.previous.headline.discussions, RAW.discussions.filter((d) => time(d.createdAt) >= SINCE - (UNTIL - SINCE) && time(d.createdAt) < SINCE).length);
  });
});
