import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeCommunity } from '../../../src/community/normalize';
import { classifyPeople } from '../../../src/community/people';
import { buildFacts } from '../../../src/community/metrics/facts';
import { firstResponseSeries } from '../../../src/community/metrics/firstResponseSeries';
import { computeReport } from '../../../src/community/report';
import { ReportSchema, type Report } from '../../../src/community/reportSchema';
import type { DiscussionNode } from '../../../src/github/schemas';
import { independentLeaders } from '../../support/metricsLeaders';
import { rawSampleNetwork } from '../../support/rawSampleNetwork';

/**
 * The whole report on real data (answered Q&A threads of payloadcms/payload, test/fixtures/README.md),
 * checked against expected values computed here straight from the raw JSON, independently of the
 * engine: no expected value uses src/community/metrics. A few figures are also pinned to numpy's output.
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

const RAW = JSON.parse(readFileSync(join(__dirname, '../../fixtures/payload-discussions.json'), 'utf8')) as {
  repository: string;
  discussions: RawDiscussion[];
};
const SINCE = Date.parse('2022-01-01T00:00:00Z');
const UNTIL = Date.parse('2023-01-01T00:00:00Z');

const DAY_MS = 86_400_000;
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

/** Every post (opening, comment, reply) before `until`, per person: when each person posted. */
function postTimesByPerson(until: number): Map<string, number[]> {
  const byPerson = new Map<string, number[]>();
  const note = (who: string, at: number) => at < until && byPerson.set(who, [...(byPerson.get(who) ?? []), at]);
  for (const d of RAW.discussions) {
    note(login(d.author), time(d.createdAt));
    for (const p of postsOf(d)) note(p.author, p.at);
  }
  return byPerson;
}

/** Responses posted in [since, until), per responder. */
function responsesPerPerson(since: number, until: number): Map<string, number> {
  const perPerson = new Map<string, number>();
  for (const d of RAW.discussions) {
    for (const p of postsOf(d)) {
      if (p.at >= since && p.at < until && p.author !== login(d.author)) perPerson.set(p.author, (perPerson.get(p.author) ?? 0) + 1);
    }
  }
  return perPerson;
}

/** Seconds from D's opening to its first response, a response counting before until; null without one. */
function firstResponseOf(d: RawDiscussion, until: number): number | null {
  const responses = postsOf(d).filter((p) => p.author !== login(d.author) && p.at < until);
  return responses.length > 0 ? (Math.min(...responses.map((p) => p.at)) - time(d.createdAt)) / 1000 : null;
}

/** Epoch ms of the Monday 00:00 UTC starting the ISO week holding `at`. */
function mondayOf(at: number): number {
  const date = new Date(at);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
}

/**
 * Every headline figure of docs/metrics.md "Headline" for the window [since, until), from the raw file
 * (the sample has no bot, no hidden post, and every discussion is in the answerable Q&A category).
 */
function expectedHeadline(since: number, until: number) {
  const opened = RAW.discussions.filter((d) => time(d.createdAt) >= since && time(d.createdAt) < until);
  const durations = opened.map((d) => firstResponseOf(d, until)).filter((seconds) => seconds !== null);
  const counts = [...responsesPerPerson(since, until).values()].sort((a, b) => b - a);
  const responses = counts.reduce((a, b) => a + b, 0);
  let covered = 0;
  const postTimes = postTimesByPerson(until);
  const participants = [...postTimes.values()].filter((times) => times.some((t) => t >= since && t < until));
  // Whole weeks only: Mondays from the first at or after since, whose week ends by until.
  const weekly: number[] = [];
  for (let monday = mondayOf(since - 1) + 7 * DAY_MS; monday + 7 * DAY_MS <= until; monday += 7 * DAY_MS) {
    weekly.push([...postTimes.values()].filter((times) => times.some((t) => t >= monday && t < monday + 7 * DAY_MS)).length);
  }
  const target = 48 * 3_600;
  // Judged: those with a response, or at least the target's age at until without one.
  const judged = opened.filter((d) => firstResponseOf(d, until) !== null || (until - time(d.createdAt)) / 1000 >= target).length;
  const answered = opened.filter((d) => d.answerChosenAt !== null && time(d.answerChosenAt) < until);
  const network = rawSampleNetwork(since, until);
  return {
    discussions: opened.length,
    responses,
    responders: counts.length,
    absenceFactor: counts.findIndex((c) => (covered += c) >= responses / 2) + 1,
    participants: participants.length,
    weeklyActiveParticipants: mean(weekly),
    newParticipants: [...postTimes.values()].filter((times) => Math.min(...times) >= since).length,
    returningRate: participants.filter((times) => Math.min(...times) < since).length / participants.length,
    firstResponseMedianSeconds: numpyPercentile(durations, 50),
    firstResponseP90Seconds: numpyPercentile(durations, 90),
    withinTargetRate: durations.filter((seconds) => seconds <= target).length / judged,
    noResponse: opened.length - durations.length,
    answerRate: answered.length / opened.length,
    knowSomeoneRate: network.knowSomeoneRate,
    coreSize: network.coreSize,
    timeToAnswerMedianSeconds: numpyPercentile(
      answered.map((d) => (time(d.answerChosenAt!) - time(d.createdAt)) / 1000),
      50,
    ),
    reasons: {},
  };
}

/** The headline equal to the expected one: counts exactly, shares and durations to float rounding. */
function assertHeadline(actual: Report['headline'], expected: ReturnType<typeof expectedHeadline>, which: string): void {
  for (const [key, value] of Object.entries(expected)) {
    const figure = actual[key as keyof typeof actual];
    if (typeof value === 'number' && !Number.isInteger(value)) near(figure as number | null, value, `${which} ${key}`);
    else assert.deepEqual(figure, value, `${which} ${key}`);
  }
  assert.deepEqual(Object.keys(actual).sort(), Object.keys(expected).sort(), `${which}: the same figures`);
}

function engineReport(): Report {
  const community = normalizeCommunity(RAW.repository, RAW.discussions as unknown as DiscussionNode[]);
  return ReportSchema.parse(computeReport(community, classifyPeople(community), { since: SINCE, until: UNTIL }));
}

describe('report on real data (payloadcms/payload, 2022)', () => {
  const report = engineReport();
  const windowDiscussions = RAW.discussions.filter((d) => inWindow(time(d.createdAt)));

  it('first response: earliest comment or reply by someone else before until', () => {
    const durations = windowDiscussions.map((d) => firstResponseOf(d, UNTIL)).filter((seconds) => seconds !== null);
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
    const judged = windowDiscussions.filter((d) => firstResponseOf(d, UNTIL) !== null || (UNTIL - time(d.createdAt)) / 1000 >= target).length;
    near(fr.withinTargetRate, durations.filter((s) => s <= target).length / judged, 'withinTargetRate');
  });

  it('first-response bands: each band [from, to) counts its discussions', () => {
    const community = normalizeCommunity(RAW.repository, RAW.discussions as unknown as DiscussionNode[]);
    const series = firstResponseSeries(buildFacts(community, classifyPeople(community)), { since: SINCE, until: UNTIL });
    const durations = windowDiscussions.map((d) => firstResponseOf(d, UNTIL)).filter((seconds) => seconds !== null);
    const hour = 3_600;
    const edges = [0, hour, 4 * hour, 12 * hour, 24 * hour, 48 * hour, 168 * hour, Infinity];
    const expected = edges.slice(0, -1).map((from, band) => durations.filter((seconds) => seconds >= from && seconds < edges[band + 1]!).length);
    assert.deepEqual(
      series.bins.map((bin) => bin.count),
      expected,
    );
    // The same counts from a Python one-off over the file: every band is populated.
    assert.deepEqual(expected, [30, 26, 21, 10, 12, 12, 8]);
    assert.equal(series.noResponse, 25);
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
    const counts = [...responsesPerPerson(SINCE, UNTIL).values()].sort((a, b) => b - a);
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
    const postsByPerson = postTimesByPerson(UNTIL);
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
    assert.deepEqual(
      r.newParticipants.filter((m) => m.count > 0).map((m) => [m.month, m.count]),
      [...newByMonth].sort(),
    );
    const cohortMonths = Array.from({ length: 12 }, (_, i) => `2022-${String(i + 1).padStart(2, '0')}`);
    const expected = cohortMonths.map((cohort, index) => {
      const members = [...postsByPerson].filter(([, times]) => month(Math.min(...times)) === cohort);
      const active = cohortMonths.slice(index).map((later) => members.filter(([, times]) => times.some((t) => month(t) === later)).length);
      return { month: cohort, size: members.length, active };
    });
    assert.deepEqual(r.cohorts, expected);
  });

  it('leader candidates: the rule of docs/metrics.md recomputed from the raw file', () => {
    const expected = independentLeaders(RAW.discussions as unknown as DiscussionNode[], { since: SINCE, until: UNTIL });
    const shown = report.leaders.map(({ login, responses, acceptedAnswers, peopleHelped, firstResponses, activeWeeks, upvotes, score }) => ({
      login,
      responses,
      acceptedAnswers,
      peopleHelped,
      firstResponses,
      activeWeeks,
      upvotes,
      score,
    }));
    assert.deepEqual(shown, expected);
    assert.deepEqual(
      expected.map((leader) => leader.login),
      ['jmikrut', 'DanRibbens', 'denolfe', 'JarrodMFlesch'],
      'the sample has leaders to compare',
    );
  });

  it('headline: every figure recomputed from the raw file, for the window and for the previous one', () => {
    assertHeadline(report.headline, expectedHeadline(SINCE, UNTIL), '2022');
    // The previous window is the 365 days before since: 2021, each figure as of its own end.
    assert.deepEqual(report.previous.window, { since: '2021-01-01T00:00:00.000Z', until: '2022-01-01T00:00:00.000Z', days: 365 });
    const previous = expectedHeadline(Date.parse('2021-01-01T00:00:00Z'), SINCE);
    assertHeadline(report.previous.headline, previous, '2021');
    // The sample starts on 2021-01-24, so 2021 is a window of its own figures, not 2022's.
    assert.equal(previous.newParticipants, previous.participants, 'nobody posted before 2021');
    assert.notEqual(previous.discussions, expectedHeadline(SINCE, UNTIL).discussions);
  });
});
