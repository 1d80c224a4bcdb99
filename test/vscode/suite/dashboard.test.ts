import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { reportCommand } from '../../../src/cli/reportCommand';
import { computeReport } from '../../../src/community/report';
import { ReportSchema, type Report } from '../../../src/community/reportSchema';
import type { DashboardHandle } from '../../../src/api';
import type { CommunityPulseApi } from '../../../src/api';
import type { DomSummary } from '../../../src/dashboard/protocol';
import { formatCount, formatPercent, formatSeconds } from '../../../src/shared/format';
import type { PeopleNode } from '../../../src/viewModels/people';
import { generateCommunity } from '../../fake-github/generator';
import { startFakeGitHub, type FakeGitHub } from '../../fake-github/server';
import { takeScreenshot } from '../screenshot';

/**
 * The dashboard, the Health and People views and the time window inside VS Code, on a synthetic community
 * served by the fake GitHub. Every figure shown is checked against the engine (computeReport) run here on the
 * synced data, and what the dashboard shows is read from the webview's DOM (its `inspect` reply).
 */

const REPOSITORY = 'synthetic/pulse';
const XSS_TITLE = '<img src=x onerror=alert(1)>';
const DAY = 86_400_000;

describe('Dashboard, Health and People in VS Code', () => {
  let fake: FakeGitHub;
  let api: CommunityPulseApi;
  let panel: DashboardHandle;
  const configuration = () => vscode.workspace.getConfiguration('communityPulse');

  /** The report the engine gives for the window the views show, computed here on the same data. */
  function engineReport(): Report {
    const data = api.data;
    const analysis = api.analysis;
    assert.ok(data && analysis, 'data is loaded');
    return computeReport(data.community, data.people, {
      since: analysis.window.since,
      until: analysis.window.until,
      settings: { staleDays: data.settings.staleDays, responseTargetHours: data.settings.responseTargetHours },
    });
  }

  async function inspect(): Promise<DomSummary> {
    return panel.inspect();
  }

  function rowsOf(snapshot: DomSummary, section: string): string[][] {
    const rows = snapshot.tables[section];
    assert.ok(rows, `the dashboard has a "${section}" section`);
    return rows;
  }

  function rowStartingWith(rows: string[][], first: string): string[] {
    const row = rows.find((cells) => cells[0] === first);
    assert.ok(row, `a row "${first}" in ${JSON.stringify(rows.map((cells) => cells[0]))}`);
    return row;
  }

  before(async function () {
    this.timeout(120_000);
    process.env['COMMUNITY_PULSE_TOKEN'] ||= 'community-pulse-test-token';
    const community = generateCommunity({ seed: 42, discussions: 600, now: new Date().toISOString(), repository: REPOSITORY, spanDays: 400 });
    // An open question nobody answered, older than any other: first in the dashboard's waiting list.
    const xss = structuredClone(community.discussions.find((discussion) => discussion.category.isAnswerable)!);
    Object.assign(xss, {
      id: 'D_xss',
      number: 99_999,
      title: XSS_TITLE,
      url: `https://github.com/${REPOSITORY}/discussions/99999`,
      createdAt: new Date(Date.now() - 700 * DAY).toISOString(),
      updatedAt: new Date(Date.now() - 700 * DAY).toISOString(),
      closed: false,
      locked: false,
      isAnswered: false,
      answer: null,
      answerChosenAt: null,
      answerChosenBy: null,
      author: { __typename: 'User', login: 'mallory' },
      comments: { totalCount: 0, nodes: [] },
    });
    fake = await startFakeGitHub({
      token: process.env['COMMUNITY_PULSE_TOKEN'],
      repositories: [{ nameWithOwner: REPOSITORY, discussions: [...community.discussions, xss] }],
    });
    await configuration().update('apiUrl', fake.url, vscode.ConfigurationTarget.Global);
    await configuration().update('repository', REPOSITORY, vscode.ConfigurationTarget.Global);
    const extension = vscode.extensions.getExtension<CommunityPulseApi>('community-pulse.community-pulse');
    assert.ok(extension, 'the extension is installed');
    api = await extension.activate();
    await api.window.choose('90');
    await vscode.commands.executeCommand('communityPulse.refresh');
    assert.equal(api.state, 'ready', api.problem);
    assert.equal(api.data?.repository, REPOSITORY);
  });

  /** Changes a setting and waits until the views show data read with it. */
  async function setAndReload(key: string, value: unknown): Promise<void> {
    await configuration().update(key, value, vscode.ConfigurationTarget.Global);
    await api.reload();
  }

  after(async () => {
    api?.dashboard.panel?.dispose();
    await configuration().update('asOf', undefined, vscode.ConfigurationTarget.Global);
    await configuration().update('defaultWindow', undefined, vscode.ConfigurationTarget.Global);
    await configuration().update('maintainers', undefined, vscode.ConfigurationTarget.Global);
    await configuration().update('maintainers', undefined, vscode.ConfigurationTarget.Workspace);
    await configuration().update('repository', undefined, vscode.ConfigurationTarget.Global);
    await configuration().update('apiUrl', undefined, vscode.ConfigurationTarget.Global);
    await fake?.close();
  });

  it('opens the dashboard from its command and draws every section with the engine’s numbers', async function () {
    this.timeout(60_000);
    const opened = new Promise<DashboardHandle>((resolve) => api.dashboard.onDidOpen(resolve));
    await vscode.commands.executeCommand('communityPulse.openDashboard');
    panel = await opened;
    const render = await panel.nextRender();
    assert.ok(render.messageBytes > 0, 'the data was sent');
    assert.equal(panel.sentBytes, render.messageBytes, 'the data was sent once, with the page, not again when it said ready');
    const report = engineReport();
    const shown = await inspect();

    assert.equal(shown.heading, `Community Pulse — ${REPOSITORY}`);
    const headlines = rowsOf(shown, 'headlines');
    assert.equal(rowStartingWith(headlines, 'Median first response')[1], formatSeconds(report.firstResponse.medianSeconds));
    assert.equal(rowStartingWith(headlines, 'p90 first response')[1], formatSeconds(report.firstResponse.p90Seconds));
    assert.equal(rowStartingWith(headlines, 'Within 48 h target')[1], formatPercent(report.firstResponse.withinTargetRate));
    assert.equal(rowStartingWith(headlines, 'No response (new in window)')[1], formatCount(report.firstResponse.noResponse));
    assert.equal(rowStartingWith(headlines, 'Answer rate')[1], formatPercent(report.answerRate));
    assert.equal(rowStartingWith(headlines, 'Returning participants')[1], formatPercent(report.retention.returningRate));
    assert.equal(rowStartingWith(headlines, 'Absence factor')[1], formatCount(report.participation.absenceFactor));

    const distribution = rowsOf(shown, 'first-response');
    assert.equal(rowStartingWith(distribution, 'none yet')[1], formatCount(report.firstResponse.noResponse));
    const bands = ['< 1 h', '1–4 h', '4–12 h', '12–24 h', '1–2 d', '2–7 d', '≥ 7 d'];
    const responded = bands.reduce((sum, band) => sum + Number(rowStartingWith(distribution, band)[1]!.replace(/,/g, '')), 0);
    assert.equal(responded, report.firstResponse.count, 'the bands add up to the responded discussions');

    const activity = rowsOf(shown, 'activity').filter((row) => /^\d{4}-\d{2}-\d{2}/.test(row[0]!));
    assert.deepEqual(
      activity.map((row) => row.slice(1)),
      report.activity.weeks.map((week) => [week.discussions, week.comments, week.replies, week.activeParticipants].map(formatCount)),
    );

    const cohorts = rowsOf(shown, 'retention').filter((row) => /^\d{4}-\d{2}$/.test(row[0]!));
    assert.deepEqual(
      cohorts.map((row) => [row[0], row[1]]),
      report.retention.cohorts.map((cohort) => [cohort.month, formatCount(cohort.size)]),
    );
    // Each cell: the count and its share of the cohort (computed here from the report's counts; the webview only shows it).
    assert.deepEqual(
      cohorts.map((row) => row.slice(2, 2 + (report.retention.cohorts.find((cohort) => cohort.month === row[0])?.active.length ?? 0))),
      report.retention.cohorts.map((cohort) =>
        cohort.active.map((active) => (cohort.size === 0 ? formatCount(active) : `${formatCount(active)} (${formatPercent(active / cohort.size)})`)),
      ),
    );

    const participation = rowsOf(shown, 'participation');
    assert.equal(rowStartingWith(participation, 'Responders')[1], formatCount(report.participation.responders));
    assert.equal(rowStartingWith(participation, 'Responses')[1], formatCount(report.participation.responses));
    assert.equal(rowStartingWith(participation, 'Top 10% share')[1], formatPercent(report.participation.top10Share));

    const leaders = rowsOf(shown, 'leaders').filter((row) => row[0]!.startsWith('@'));
    assert.ok(report.leaders.length > 0, 'the synthetic community has leader candidates');
    assert.deepEqual(
      leaders.slice(0, Math.min(20, report.leaders.length)).map((row) => row[0]),
      report.leaders.slice(0, 20).map((leader) => `@${leader.login}`),
    );

    const categories = rowsOf(shown, 'categories').slice(1);
    assert.deepEqual(
      categories.map((row) => [row[0], row[1]]),
      report.categories.map((category) => [category.name, formatCount(category.discussions)]),
    );

    for (const section of ['first-response', 'activity', 'retention', 'participation']) {
      assert.ok((shown.charts[section] ?? 0) > 0, `the ${section} section draws a chart`);
    }
  });

  it('shows a discussion title holding HTML as text, never as markup', async () => {
    const shown = await inspect();
    const waiting = rowsOf(shown, 'needs-response').slice(1);
    assert.equal(waiting[0]?.[0], `#99999 ${XSS_TITLE}`, 'the oldest open question is listed first, its title as typed');
    assert.equal(shown.injected.images, 0, 'no <img> element exists');
    assert.equal(shown.injected.inlineHandlers, 0, 'no element has an inline event handler');
  });

  it('asks for the data again when its page reloads, and draws it', async function () {
    this.timeout(30_000);
    // A new page (Developer: Reload Webviews, or the panel shown again) starts from its saved state and says
    // `ready`; only the panel's first page had its data sent with it.
    const sentBefore = panel.sentBytes;
    const rendered = panel.nextRender();
    await vscode.commands.executeCommand('workbench.action.webview.reloadWebviewAction');
    const render = await rendered;
    assert.ok(panel.sentBytes > sentBefore, 'the data was sent to the new page');
    assert.equal(render.timeline.scriptReadyAt < render.timeline.showReceivedAt, true, 'the new page said ready before the data came');
    const shown = await inspect();
    assert.equal(shown.heading, `Community Pulse — ${REPOSITORY}`);
    assert.equal(rowsOf(shown, 'needs-response').slice(1)[0]?.[0], `#99999 ${XSS_TITLE}`);
  });

  it('lists the headline figures in the Health view, with their change and definition', async () => {
    const report = engineReport();
    const rows = await api.health.getChildren();
    const items = rows.map((row) => api.health.getTreeItem(row));
    assert.deepEqual(
      items.map((item) => item.label),
      [
        'Median first response',
        'p90 first response',
        'Within 48 h target',
        'No response (new in window)',
        'Answer rate',
        'Weekly active participants',
        'Returning participants',
        'Absence factor',
      ],
    );
    assert.ok(String(items[0]!.description).startsWith(formatSeconds(report.firstResponse.medianSeconds)));
    assert.ok(String(items[4]!.description).startsWith(formatPercent(report.answerRate)));
    assert.match(String(items[0]!.tooltip), /first response/);
    assert.match(String(items[0]!.tooltip), /docs\/metrics\.md: “First response \(firstResponse\): for those that had a response by until/);
    assert.match(String(items[0]!.tooltip), /previous 90 days: /);
    assert.match(String(items[3]!.tooltip), /Not the Needs Response list/, 'the windowed count says how it differs from Needs Response');
    assert.equal(api.health.view.description, 'Last 90 days');
  });

  it('lists leader candidates with the evidence behind each score component in the People view', async () => {
    const report = engineReport();
    const people = api.people;
    const groups = people.getChildren();
    assert.deepEqual(
      groups.map((group) => people.getTreeItem(group).label),
      [
        `Leader candidates (${report.leaders.length})`,
        `Inactive regulars (${report.inactiveRegulars.length})`,
        `New this month (${groups[2]?.kind === 'group' ? groups[2].people.length : -1})`,
      ],
    );
    const leaders = people.getChildren(groups[0]);
    const top = report.leaders[0]!;
    assert.equal(people.getTreeItem(leaders[0]!).label, `@${top.login}`);
    const evidence = people.getChildren(leaders[0]);
    const counted: Record<string, number> = {};
    for (const node of evidence) {
      assert.equal(node.kind, 'evidence');
      if (node.kind === 'evidence') counted[node.component] = node.discussions.length;
    }
    // Accepted answers and first responses list one discussion per counted item; people helped one per person; weeks one per week.
    assert.deepEqual(counted, {
      acceptedAnswers: top.acceptedAnswers,
      peopleHelped: top.peopleHelped,
      activeWeeks: top.activeWeeks,
      firstResponses: top.firstResponses,
    });
    const discussion = people.getChildren(evidence.find((node) => node.kind === 'evidence' && node.discussions.length > 0))[0]!;
    const item = people.getTreeItem(discussion);
    assert.equal(item.command?.command, 'vscode.open', 'a discussion item opens the discussion');
    assert.equal(people.getTreeItem(leaders[0]!).contextValue, 'person');
  });

  it('updates the dashboard, Health and People when the window changes', async function () {
    this.timeout(60_000);
    const rendered = panel.nextRender();
    await vscode.commands.executeCommand('communityPulse.chooseWindow', '30');
    await rendered;
    const report = engineReport();
    assert.equal(report.window.days, 30);
    const shown = await inspect();
    const headlines = rowsOf(shown, 'headlines');
    assert.equal(rowStartingWith(headlines, 'Median first response')[1], formatSeconds(report.firstResponse.medianSeconds));
    assert.equal(rowStartingWith(headlines, 'No response (new in window)')[1], formatCount(report.firstResponse.noResponse));
    assert.equal(rowsOf(shown, 'activity').filter((row) => /^\d{4}-\d{2}-\d{2}/.test(row[0]!)).length, report.activity.weeks.length);
    const health = api.health.getChildren().map((row) => api.health.getTreeItem(row));
    assert.ok(String(health[3]!.description).startsWith(formatCount(report.firstResponse.noResponse)));
    assert.equal(api.health.view.description, 'Last 30 days');
    const groups = api.people.getChildren();
    assert.equal(api.people.getTreeItem(groups[0]!).label, `Leader candidates (${report.leaders.length})`);
    assert.equal(api.people.view.description, 'Last 30 days');
    await vscode.commands.executeCommand('communityPulse.chooseWindow', '90');
  });

  it('moves a leader out of the candidates with "Mark as Maintainer", and recomputes', async function () {
    this.timeout(60_000);
    const people = api.people;
    const leaderNode = people.getChildren(people.getChildren()[0])[0] as PeopleNode & { kind: 'person' };
    const login = leaderNode.login;
    const changed = new Promise<void>((resolve) => api.onDidChangeAnalysis(resolve));
    await vscode.commands.executeCommand('communityPulse.markMaintainer', leaderNode);
    await changed;
    assert.ok(api.data?.people.isMaintainer(login), `${login} counts as a maintainer`);
    const logins = people.getChildren(people.getChildren()[0]).map((node) => (node.kind === 'person' ? node.login : ''));
    assert.ok(!logins.includes(login), `${login} is no longer a leader candidate`);
    assert.deepEqual(
      logins,
      engineReport().leaders.map((leader) => leader.login),
    );
  });

  it('exports the window’s report as Markdown, JSON and CSV, exactly as `community-pulse report` writes it', async () => {
    const data = api.data!;
    const window = api.analysis!.window;
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'pulse-export-'));
    for (const format of ['md', 'json', 'csv'] as const) {
      const target = vscode.Uri.file(path.join(directory, `report.${format}`));
      const written = await vscode.commands.executeCommand<vscode.Uri>('communityPulse.exportReport', format, target);
      assert.equal(written?.fsPath, target.fsPath);
      const cli = await reportCommand({
        community: data.community,
        people: data.people,
        since: window.since,
        until: window.until,
        format,
        staleDays: data.settings.staleDays,
        responseTargetHours: data.settings.responseTargetHours,
        apiUrl: data.settings.apiUrl,
      });
      assert.equal(fs.readFileSync(target.fsPath, 'utf8'), cli, `the ${format} export is what the CLI writes for the same data and window`);
    }
    assert.deepEqual(ReportSchema.parse(JSON.parse(fs.readFileSync(path.join(directory, 'report.json'), 'utf8'))), engineReport());
    assert.match(fs.readFileSync(path.join(directory, 'report.md'), 'utf8'), new RegExp(`^# Community report: ${REPOSITORY.replace('/', '\\/')}`));
    assert.match(fs.readFileSync(path.join(directory, 'report.csv'), 'utf8'), /^number,title,url,author,category,created,/);
  });

  it('shows every view and the export as of communityPulse.asOf, and says so', async function () {
    this.timeout(60_000);
    const asOf = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()) - 60 * DAY;
    const date = new Date(asOf).toISOString().slice(0, 10);
    const rendered = panel.nextRender();
    await setAndReload('asOf', date);
    try {
      await rendered;
      const analysis = api.analysis!;
      assert.equal(analysis.window.until, asOf, 'the window ends at the as-of moment');
      const report = engineReport();
      const shown = await inspect();
      assert.match(shown.asOf ?? '', new RegExp(`^As of ${date}: the community as it stood then \\(setting communityPulse\\.asOf\\), not live data`));
      const headlines = rowsOf(shown, 'headlines');
      assert.equal(rowStartingWith(headlines, 'Median first response')[1], formatSeconds(report.firstResponse.medianSeconds));
      assert.equal(rowStartingWith(headlines, 'No response (new in window)')[1], formatCount(report.firstResponse.noResponse));
      // The waiting list is the shared triage at the same moment: the Needs Response view's longest wait comes first.
      const triage = api.triage!;
      assert.equal(triage.now, asOf);
      assert.equal(triage.counts.total, report.needsResponse.total, 'the dashboard’s counts and the tree’s agree');
      const oldest = [...triage.triage.noResponse, ...triage.triage.awaitingReply, ...triage.triage.unmarkedAnswer].sort(
        (a, b) => a.waitingSince - b.waitingSince,
      )[0]!;
      assert.equal(rowsOf(shown, 'needs-response')[1]?.[0], `#${oldest.discussion.number} ${oldest.discussion.title}`);
      assert.equal(api.health.view.description, `Last 90 days · as of ${date}`);
      assert.equal(api.people.view.description, `Last 90 days · as of ${date}`);
      const target = vscode.Uri.file(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pulse-export-')), 'report.json'));
      await vscode.commands.executeCommand('communityPulse.exportReport', 'json', target);
      assert.equal(ReportSchema.parse(JSON.parse(fs.readFileSync(target.fsPath, 'utf8'))).window.until, new Date(asOf).toISOString());
    } finally {
      const live = panel.nextRender();
      await setAndReload('asOf', undefined);
      await live;
    }
    assert.equal((await inspect()).asOf, null, 'live again: no notice');
    assert.equal(api.health.view.description, 'Last 90 days');
  });

  it('shows a window without any discussion as dashes with the engine’s reasons, never as zeros that did not change', async function () {
    this.timeout(60_000);
    // Before the first discussion of the community: nothing existed yet.
    const rendered = panel.nextRender();
    await setAndReload('asOf', new Date(Date.now() - 900 * DAY).toISOString().slice(0, 10));
    try {
      await rendered;
      const items = api.health.getChildren().map((row) => api.health.getTreeItem(row));
      const weekly = items.find((item) => item.label === 'Weekly active participants')!;
      assert.equal(weekly.description, '—');
      assert.match(String(weekly.tooltip), /No figure: nobody posted in the window\./);
      const median = items.find((item) => item.label === 'Median first response')!;
      assert.equal(median.description, '—');
      assert.match(String(median.tooltip), /No figure: no discussion was created in the window\./);
      const shown = await inspect();
      assert.equal(rowStartingWith(rowsOf(shown, 'headlines'), 'Weekly active participants')[1], '—');
    } finally {
      const live = panel.nextRender();
      await setAndReload('asOf', undefined);
      await live;
    }
  });

  it('shows the communityPulse.defaultWindow until a window is chosen for the workspace', async function () {
    this.timeout(60_000);
    const selection = api.window;
    try {
      await setAndReload('defaultWindow', '30');
      await vscode.commands.executeCommand('communityPulse.chooseWindow', 'default');
      assert.equal(selection.chosen, undefined, 'the workspace follows the setting');
      assert.equal(engineReport().window.days, 30);
      assert.equal(api.health.getChildren().length, 8);
      assert.equal(api.health.view.description, 'Last 30 days');
      const rendered = panel.nextRender();
      await setAndReload('defaultWindow', '180');
      await rendered;
      assert.equal(engineReport().window.days, 180, 'a new default applies at once');
      assert.equal(api.health.view.description, 'Last 180 days');
      assert.equal(
        rowStartingWith(rowsOf(await inspect(), 'headlines'), 'Median first response')[1],
        formatSeconds(engineReport().firstResponse.medianSeconds),
      );
      await vscode.commands.executeCommand('communityPulse.chooseWindow', '90');
      await setAndReload('defaultWindow', '365');
      assert.equal(engineReport().window.days, 90, 'the workspace’s own choice wins over the default');
    } finally {
      await setAndReload('defaultWindow', undefined);
      await vscode.commands.executeCommand('communityPulse.chooseWindow', '90');
    }
  });

  it('looks native in the light and dark themes (README screenshots)', async function () {
    this.timeout(90_000);
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    const rendered = panel.nextRender();
    panel.webviewPanel.reveal();
    await vscode.commands.executeCommand('communityPulse.openDashboard');
    await rendered;
    await takeScreenshot('dashboard-light');
    const workbench = vscode.workspace.getConfiguration('workbench');
    await workbench.update('colorTheme', 'Default Dark Modern', vscode.ConfigurationTarget.Global);
    try {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await takeScreenshot('dashboard-dark');
      await vscode.commands.executeCommand('communityPulse.health.focus');
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await takeScreenshot('views-dark');
    } finally {
      await workbench.update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    await takeScreenshot('views-light');
  });
});
