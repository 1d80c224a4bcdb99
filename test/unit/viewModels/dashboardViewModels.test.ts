import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { cohortRates } from '../../../src/community/metrics/cohortRates';
import { dashboardHtml } from '../../../src/dashboard/html';
import { parseHostMessage, parseWebviewMessage } from '../../../src/dashboard/protocol';
import { formatCount, formatPercent, formatSeconds } from '../../../src/shared/format';
import { resolveWindow, windowLabel } from '../../../src/shared/timeWindow';
import { asOfLabel, formatMoment, withAsOf } from '../../../src/shared/format';
import type { Headline } from '../../../src/community/reportSchema';
import { buildHeadlines, headlineItemLook } from '../../../src/viewModels/health';
import { profileUrl } from '../../../src/github/webLinks';

const DAY = 86_400_000;

function figures(overrides: { median?: number | null; answerRate?: number | null; absence?: number | null; participants?: number } = {}): Headline {
  const median = overrides.median === undefined ? 3_600 : overrides.median;
  const nobodyPosted = overrides.participants === 0;
  const reasons: Record<string, string> = {};
  if (median === null) reasons['firstResponseMedianSeconds'] = 'no discussion in the window got a response';
  if (nobodyPosted)
    Object.assign(reasons, {
      weeklyActiveParticipants: 'nobody posted in the window',
      returningRate: 'nobody posted in the window',
      knowSomeoneRate: 'nobody posted in the window',
    });
  return {
    discussions: 10,
    responses: 20,
    responders: 5,
    absenceFactor: overrides.absence === undefined ? 2 : overrides.absence,
    participants: overrides.participants ?? 9,
    weeklyActiveParticipants: nobodyPosted ? null : 4.25,
    newParticipants: 3,
    returningRate: nobodyPosted ? null : 0.6,
    firstResponseMedianSeconds: median,
    firstResponseP90Seconds: 9_000,
    withinTargetRate: 0.75,
    noResponse: 2,
    answerRate: overrides.answerRate === undefined ? 0.5 : overrides.answerRate,
    timeToAnswerMedianSeconds: 7_200,
    knowSomeoneRate: nobodyPosted ? null : 0.25,
    coreSize: 12,
    reasons,
  };
}

const TARGET_HOURS = 48;
const previousWindow = { previousLabel: 'previous 90 days', targetHours: TARGET_HOURS };
const noEarlierWindow = { previousLabel: 'no earlier window', targetHours: TARGET_HOURS };

describe('dashboard and Health view models', () => {
  it('formats durations, shares and counts as the views show them', () => {
    assert.equal(formatSeconds(42), '42 s');
    assert.equal(formatSeconds(18 * 60), '18 min');
    assert.equal(formatSeconds(5.24 * 3_600), '5.2 h');
    assert.equal(formatSeconds(3 * 86_400), '3 d');
    assert.equal(formatSeconds(null), '—');
    assert.equal(formatPercent(0.456), '46%');
    assert.equal(formatPercent(0.004), '0.4%');
    assert.equal(formatCount(12_345), '12,345');
    assert.equal(formatCount(4.25), '4.3');
  });

  it('gives each headline its value, an arrow for the change and whether the change is good news', () => {
    const rows = buildHeadlines(figures({ median: 7_200, answerRate: 0.6 }), figures(), previousWindow);
    const median = rows.find((row) => row.id === 'firstResponseMedian')!;
    assert.equal(median.value, '2 h');
    assert.deepEqual(median.change, { arrow: '▲', text: '+1 h', tone: 'bad' }, 'slower responses are bad news');
    assert.equal(median.previous, 'previous 90 days: 1 h');
    const answerRate = rows.find((row) => row.id === 'answerRate')!;
    assert.deepEqual(answerRate.change, { arrow: '▲', text: '+10 pts', tone: 'good' });
    assert.deepEqual(rows.find((row) => row.id === 'absenceFactor')!.change, { arrow: '=', text: 'no change', tone: 'neutral' });
  });

  it('shows a missing figure as a dash with the engine’s reason, and no trend without a previous window', () => {
    const rows = buildHeadlines(figures({ median: null }), null, noEarlierWindow);
    const median = rows.find((row) => row.id === 'firstResponseMedian')!;
    assert.equal(median.value, '—');
    assert.equal(median.change, null);
    assert.equal(median.missingReason, 'no discussion in the window got a response');
    const look = headlineItemLook(median);
    assert.equal(look.icon, 'circle-slash');
    assert.match(look.tooltip, /No figure: no discussion in the window got a response\./);
  });

  it('shows weekly active participants of a window where nobody posted as a dash with the engine’s reason, not "0 = no change"', () => {
    const quiet = figures({ participants: 0 });
    const weekly = buildHeadlines(quiet, quiet, previousWindow).find((row) => row.id === 'weeklyActive')!;
    assert.equal(weekly.value, '—');
    assert.equal(weekly.change, null);
    assert.equal(weekly.missingReason, 'nobody posted in the window');
    assert.match(headlineItemLook(weekly).tooltip, /No figure: nobody posted in the window\./);
  });

  it('gives no returning-participants figure over all history, where nobody can have posted before the window', () => {
    const rows = buildHeadlines(figures(), null, noEarlierWindow);
    const returning = rows.find((row) => row.id === 'returningRate')!;
    assert.equal(returning.value, '—');
    assert.match(returning.missingReason ?? '', /^the window covers all history, so nobody can have posted before it/);
    assert.equal(returning.previous, 'no earlier window');
    assert.equal(rows.find((row) => row.id === 'answerRate')!.value, '50%', 'other figures stand');
  });

  it('labels the windowed no-response count apart from the Needs Response list, and says how they differ', () => {
    const row = buildHeadlines(figures(), null, noEarlierWindow).find((one) => one.id === 'noResponse')!;
    assert.equal(row.label, 'No response (new in window)');
    assert.match(row.definition, /^Of the 10 discussions opened in the window, how many had no response at all by its end\. Not the Needs Response list/);
  });

  it('quotes each headline’s definition from docs/metrics.md word for word, in the tooltip', () => {
    // The doc's text as a reader sees it: no Markdown emphasis or code marks, lines joined.
    const docs = readFileSync(new URL('../../../docs/metrics.md', import.meta.url), 'utf8')
      .replace(/\*\*|`/g, '')
      .replace(/\s+/g, ' ');
    const rows = buildHeadlines(figures(), figures(), previousWindow);
    assert.equal(rows.length, 10);
    for (const row of rows) {
      assert.ok(docs.includes(row.docsQuote), `${row.label}: “${row.docsQuote}” is not in docs/metrics.md`);
      assert.ok(row.tooltip.includes(`docs/metrics.md: “${row.docsQuote}”`), `${row.label}'s tooltip quotes it`);
      assert.ok(headlineItemLook(row).tooltip.includes(row.docsQuote), `${row.label}'s Health item quotes it`);
    }
  });

  it('says "as of" a past moment, to the minute when it is not a midnight', () => {
    assert.equal(formatMoment(Date.UTC(2023, 2, 31)), '2023-03-31');
    assert.equal(formatMoment(Date.UTC(2023, 2, 31, 9, 5)), '2023-03-31 09:05 UTC');
    assert.equal(asOfLabel(null), undefined);
    assert.equal(withAsOf('Last 90 days', Date.UTC(2023, 2, 31)), 'Last 90 days · as of 2023-03-31');
    assert.equal(withAsOf('Last 90 days', null), 'Last 90 days');
  });

  it('gives the retention heatmap the share of each cohort active k months later, none for an empty cohort', () => {
    assert.deepEqual(
      cohortRates([
        { month: '2024-01', size: 4, active: [4, 1, 0] },
        { month: '2024-02', size: 0, active: [0, 0] },
      ]),
      [
        [1, 0.25, 0],
        [null, null],
      ],
    );
  });

  it('colours a tree item’s arrow by the tone of the change', () => {
    const [median] = buildHeadlines(figures({ median: 1_800 }), figures(), previousWindow);
    assert.deepEqual(
      { ...headlineItemLook(median!), tooltip: undefined },
      { description: '30 min  ▼ −30 min', icon: 'arrow-down', color: 'charts.green', tooltip: undefined },
    );
  });

  it('resolves the window choices; "all time" starts at the first discussion', () => {
    const until = Date.UTC(2025, 5, 1);
    assert.deepEqual(resolveWindow('30', until, 0), { since: until - 30 * DAY, until });
    assert.deepEqual(resolveWindow('all', until, until - 500 * DAY), { since: until - 500 * DAY, until });
    assert.deepEqual(resolveWindow('all', until, null), { since: until - DAY, until });
    assert.equal(windowLabel('180'), 'Last 180 days');
  });

  it('accepts only protocol messages, naming what is wrong with the others', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'openDiscussion', number: 12 }), { ok: true, message: { type: 'openDiscussion', number: 12 } });
    const bad = parseWebviewMessage({ type: 'openDiscussion', number: 'javascript:alert(1)' });
    assert.equal(bad.ok, false);
    assert.match(bad.ok ? '' : bad.error, /invalid "openDiscussion" message from the dashboard webview at number/);
    assert.equal(parseWebviewMessage({ type: 'runCommand', command: 'x' }).ok, false);
    assert.equal(parseHostMessage({ type: 'show', data: {}, requestedAt: null }).ok, false);
    assert.equal(parseHostMessage({ type: 'inspect', requestId: 3 }).ok, true);
  });

  it('says what is wrong in words in the webview too, where no zod classic schema has installed English messages', () => {
    const { localeError } = z.config();
    z.config({ localeError: undefined });
    try {
      const bad = parseWebviewMessage({ type: 'openProfile', login: '' });
      assert.deepEqual(bad, {
        ok: false,
        error: 'invalid "openProfile" message from the dashboard webview at login: Too small: expected string to have >=1 characters',
      });
    } finally {
      z.config({ localeError });
    }
  });

  it('serves the page with a strict CSP: its code and styles inside it, only with the nonce, no images', () => {
    const html = dashboardHtml({
      cspSource: 'https://webview.test',
      nonce: 'abc123',
      script: 'document.body.dataset.drawn = "yes";',
      style: 'body { color: red; }',
    });
    const csp = /content="([^"]+)"/.exec(html)![1]!;
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-abc123'(;|$)/);
    assert.match(csp, /style-src 'nonce-abc123'(;|$)/);
    assert.match(csp, /img-src 'none'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    // Nothing for the page to fetch before it can draw: the code and the styles come with it, under the nonce.
    assert.match(html, /<script type="module" nonce="abc123">document\.body\.dataset\.drawn = "yes";<\/script>/);
    assert.match(html, /<style nonce="abc123">body \{ color: red; \}<\/style>/);
    assert.doesNotMatch(html, /\ssrc=|<link/, 'no script or style sheet fetched');
  });

  it('links profiles on github.com, GitHub Enterprise Server and the fake GitHub', () => {
    assert.equal(profileUrl('https://api.github.com', 'octo-cat'), 'https://github.com/octo-cat');
    assert.equal(profileUrl('https://ghe.example.com/api/v3', 'alice'), 'https://ghe.example.com/alice');
    assert.equal(profileUrl('http://127.0.0.1:4000', 'bob'), 'http://127.0.0.1:4000/bob');
  });
});
