import * as assert from 'node:assert/strict';
import { dashboardHtml } from '../../src/dashboard/html';
import { parseHostMessage, parseWebviewMessage } from '../../src/shared/dashboardProtocol';
import { formatCount, formatPercent, formatSeconds } from '../../src/shared/format';
import { resolveWindow, windowLabel } from '../../src/shared/timeWindow';
import { buildHeadlines, headlineItemLook, type WindowFigures } from '../../src/views/healthModel';
import { isWebUrl, profileUrl } from '../../src/views/webLinks';

const DAY = 86_400_000;

function figures(overrides: { median?: number | null; answerRate?: number | null; absence?: number | null } = {}): WindowFigures {
  const median = overrides.median === undefined ? 3_600 : overrides.median;
  return {
    firstResponse: {
      discussions: 10, count: 8, meanSeconds: 4_000, medianSeconds: median, p90Seconds: 9_000, noResponse: 2, withinTargetRate: 0.75, targetHours: 48,
      reasons: median === null ? { medianSeconds: 'no discussion in the window got a response' } : {},
    },
    answerRate: overrides.answerRate === undefined ? 0.5 : overrides.answerRate,
    answerRateReason: undefined,
    participation: { responders: 5, responses: 20, absenceFactor: overrides.absence === undefined ? 2 : overrides.absence, top10Share: 0.4, gini: 0.3, maintainerShare: 0.5, reasons: {} },
    retention: { participants: 9, returningRate: 0.6, newParticipants: [], cohorts: [], reasons: {} },
    weeklyActiveParticipants: 4.25,
  };
}

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
    const rows = buildHeadlines(figures({ median: 7_200, answerRate: 0.6 }), figures(), 'previous 90 days');
    const median = rows.find((row) => row.id === 'firstResponseMedian')!;
    assert.equal(median.value, '2 h');
    assert.deepEqual(median.change, { arrow: '▲', text: '+1 h', tone: 'bad' }, 'slower responses are bad news');
    assert.equal(median.previous, 'previous 90 days: 1 h');
    const answerRate = rows.find((row) => row.id === 'answerRate')!;
    assert.deepEqual(answerRate.change, { arrow: '▲', text: '+10 pts', tone: 'good' });
    assert.deepEqual(rows.find((row) => row.id === 'absenceFactor')!.change, { arrow: '=', text: 'no change', tone: 'neutral' });
  });

  it('shows a missing figure as a dash with the engine’s reason, and no trend without a previous window', () => {
    const rows = buildHeadlines(figures({ median: null }), null, 'no earlier window');
    const median = rows.find((row) => row.id === 'firstResponseMedian')!;
    assert.equal(median.value, '—');
    assert.equal(median.change, null);
    assert.equal(median.missingReason, 'no discussion in the window got a response');
    const look = headlineItemLook(median);
    assert.equal(look.icon, 'circle-slash');
    assert.match(look.tooltip, /No figure: no discussion in the window got a response\./);
  });

  it('colours a tree item’s arrow by the tone of the change', () => {
    const [median] = buildHeadlines(figures({ median: 1_800 }), figures(), 'previous 90 days');
    assert.deepEqual({ ...headlineItemLook(median!), tooltip: undefined }, { description: '30 min  ▼ −30 min', icon: 'arrow-down', color: 'charts.green', tooltip: undefined });
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

  it('serves the page with a strict CSP: the script only with its nonce, no inline style, no images', () => {
    const html = dashboardHtml({ cspSource: 'https://webview.test', nonce: 'abc123', scriptUri: 'https://webview.test/dist/webview.js', styleUri: 'https://webview.test/dist/webview.css' });
    const csp = /content="([^"]+)"/.exec(html)![1]!;
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-abc123'(;|$)/);
    assert.match(csp, /style-src https:\/\/webview\.test(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.match(html, /<script nonce="abc123" src="https:\/\/webview\.test\/dist\/webview\.js"><\/script>/);
  });

  it('links profiles on github.com, GitHub Enterprise Server and the fake GitHub, and opens only web links', () => {
    assert.equal(profileUrl('https://api.github.com', 'octo-cat'), 'https://github.com/octo-cat');
    assert.equal(profileUrl('https://ghe.example.com/api/v3', 'alice'), 'https://ghe.example.com/alice');
    assert.equal(profileUrl('http://127.0.0.1:4000', 'bob'), 'http://127.0.0.1:4000/bob');
    assert.equal(isWebUrl('https://github.com/a/b/discussions/1'), true);
    assert.equal(isWebUrl('command:workbench.action.quit'), false);
  });
});
