import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { reportCommand } from '../../../src/cli/reportCommand';
import { ReportSchema } from '../../../src/community/reportSchema';
import type { CommunityPulseApi, DashboardHandle } from '../../../src/api';
import type { DomSummary } from '../../../src/dashboard/protocol';
import type { PeopleNode } from '../../../src/viewModels/people';
import { generateCommunity, type GeneratedDiscussion } from '../../fake-github/generator';
import { startFakeGitHub, type FakeGitHub } from '../../fake-github/server';
import { activatePulse, applySettings, arrangePulse, type TestSettings } from '../../support/vscodeTestState';
import { communityFigures, percentile, type CommunityFigures } from '../communityFigures';
import { openDashboardRendered } from '../openDashboard';
import { takeScreenshot } from '../screenshot';
import { pressInWebview } from '../typeInWebview';

/**
 * The dashboard, the Health and People views and the time window inside VS Code, on a synthetic community
 * served by the fake GitHub. Every figure shown is compared with the figures worked out again from the generated
 * discussions by communityFigures (plain code sharing nothing with the engine), and what the dashboard shows is
 * read from the webview's DOM (its `inspect` reply). Each test starts from the same state (beforeEach), so any
 * one of them can run alone.
 */

const REPOSITORY = 'synthetic/pulse';
const XSS_TITLE = '<img src=x onerror=alert(1)>';
const DAY = 86_400_000;
const LEADER_ROWS = 20;
const NEAR_CANDIDATE_ROWS = 5;

/** Counts as the dashboard writes them: `2,218`; a mean keeps one decimal. */
const countText = (value: number): string => (Number.isInteger(value) ? value.toLocaleString('en-US') : (Math.round(value * 10) / 10).toString());
/** A share as the dashboard writes it: `53%`, one decimal under 1%. */
const percentText = (fraction: number): string => {
  const percent = fraction * 100;
  return percent !== 0 && percent < 1 ? `${Math.round(percent * 10) / 10}%` : `${Math.round(percent)}%`;
};
/** A duration under two days in hours with one decimal, as `6.8 h`; longer ones in days, as `1.5 d`. */
const durationText = (seconds: number): string => (seconds < 2 * 86_400 ? `${Math.round(seconds / 360) / 10} h` : `${Math.round(seconds / 8640) / 10} d`);

/** The headline figures as text, from the independently worked figures. */
function headlineTexts(figures: CommunityFigures): Record<string, string> {
  // The mean over the window's whole weeks (over its partial ones when it has none).
  const whole = figures.weeks.filter((week) => !week.partial);
  const wholeWeeks = whole.length > 0 ? whole : figures.weeks;
  return {
    'Median first response': durationText(percentile(figures.firstResponseSeconds, 50)!),
    'p90 first response': durationText(percentile(figures.firstResponseSeconds, 90)!),
    'Within 48 h target': percentText(figures.withinTargetRate!),
    'No response (new in window)': countText(figures.noResponse),
    'Answer rate': percentText(figures.answerRate!),
    'Weekly active participants': countText(wholeWeeks.reduce((sum, week) => sum + week.activeParticipants, 0) / wholeWeeks.length),
    'Returning participants': percentText(figures.returningRate!),
    'Absence factor': countText(figures.absenceFactor!),
    'Know someone': percentText(figures.knowSomeoneRate!),
    Core: countText(figures.coreSize),
  };
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

/** The headline cards as `label → figure` (their table, after its header row). */
function shownHeadlines(snapshot: DomSummary): Record<string, string> {
  return Object.fromEntries(
    rowsOf(snapshot, 'headlines')
      .slice(1)
      .map((row) => [row[0], row[1]]),
  );
}

describe('Dashboard, Health and People in VS Code', () => {
  let fake: FakeGitHub;
  let api: CommunityPulseApi;
  /** The discussion nodes the fake GitHub serves: what the figures are worked out from. */
  let served: GeneratedDiscussion[];
  let settings: TestSettings;

  /** The figures of the window the views show now, worked out from the served discussions. */
  function expectedFigures(options: { maintainers?: readonly string[] } = {}): CommunityFigures {
    const window = api.analysis?.window;
    assert.ok(window, 'the views show a window');
    return communityFigures(served, window, options);
  }

  async function openDashboard(): Promise<DashboardHandle> {
    return (await openDashboardRendered(api)).panel;
  }

  /** Changes one setting and waits until the views show data read with it. */
  async function setAndReload(key: keyof TestSettings, value: unknown): Promise<void> {
    await applySettings({ ...settings, [key]: value });
    await api.reload();
  }

  before(async function () {
    this.timeout(120_000);
    process.env['COMMUNITY_PULSE_TOKEN'] ||= 'community-pulse-test-token';
    const community = generateCommunity({ seed: 42, discussions: 600, now: new Date().toISOString(), repository: REPOSITORY, spanDays: 400 });
    // An open question nobody answered, older than any other: first in the dashboard's waiting list.
    const xss: GeneratedDiscussion = {
      ...structuredClone(community.discussions.find((discussion) => discussion.category.isAnswerable)!),
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
      authorAssociation: 'NONE',
      comments: { totalCount: 0, nodes: [] },
    };
    served = [...community.discussions, xss];
    fake = await startFakeGitHub({ token: process.env['COMMUNITY_PULSE_TOKEN'], repositories: [{ nameWithOwner: REPOSITORY, discussions: served }] });
    settings = { apiUrl: fake.url, repository: REPOSITORY };
    api = await activatePulse();
    // Synced once this session, as after any first view: opening the dashboard then syncs only when the interval has
    // passed (AutoSync), so the figures it draws are the ones each test arranged.
    await arrangePulse(api, settings);
    await api.sync('incremental');
  });

  beforeEach(async function () {
    this.timeout(120_000);
    await arrangePulse(api, settings);
    assert.equal(api.data?.repository, REPOSITORY);
  });

  afterEach(() => api.dashboard.panel?.dispose());

  after(async () => {
    await applySettings({});
    await fake?.close();
  });

  it('opens the dashboard from its command and draws every section with the figures of the generated community', async function () {
    this.timeout(60_000);
    const { panel, render } = await openDashboardRendered(api);
    assert.ok(render.messageBytes > 0, 'the data was sent');
    assert.equal(panel.sentBytes, render.messageBytes, 'the data was sent once, with the page, not again when it said ready');
    const { since, until } = api.analysis!.window;
    assert.equal(until - since, 90 * DAY, 'the last 90 days');
    assert.ok(Math.abs(Date.now() - until) < 60_000, 'ending now');
    const expected = expectedFigures();
    const shown = await panel.inspect();

    assert.equal(shown.heading, `Community Pulse — ${REPOSITORY}`);
    // The generator is seeded and its times are relative to `now`, so the window's figures are the same on every
    // run (worked out by communityFigures): 231 of the 255 discussions opened in the window got a response, the
    // median after 24,371 s, the 90th percentile after 131,051 s; 318 responders made 2,218 responses; one
    // participant in seven has a strong tie, and the strong ties hold 61 people together.
    const pinned = {
      'Median first response': '6.8 h',
      'p90 first response': '36.4 h',
      'Within 48 h target': '84%',
      'No response (new in window)': '24',
      'Answer rate': '51%',
      'Returning participants': '53%',
      'Absence factor': '7',
      'Know someone': '14%',
      Core: '61',
    };
    const { 'Weekly active participants': weeklyActive, ...windowFigures } = headlineTexts(expected);
    assert.deepEqual(windowFigures, pinned, 'the worked-out figures are the pinned ones');
    assert.deepEqual(shownHeadlines(shown), { ...pinned, 'Weekly active participants': weeklyActive });

    const distribution = rowsOf(shown, 'first-response');
    const bands = ['< 1 h', '1–4 h', '4–12 h', '12–24 h', '1–2 d', '2–7 d', '≥ 7 d'];
    assert.deepEqual(
      [...bands, 'none yet'].map((band) => rowStartingWith(distribution, band)[1]),
      [...expected.bands, expected.noResponse].map(countText),
      'each band counts the discussions whose first response took that long',
    );

    const activity = rowsOf(shown, 'activity').filter((row) => /^\d{4}-\d{2}-\d{2}/.test(row[0]!));
    assert.deepEqual(
      activity.map((row) => [row[0]!.slice(0, 10), ...row.slice(1)]),
      expected.weeks.map((week) => [week.week, ...[week.discussions, week.comments, week.replies, week.activeParticipants].map(countText)]),
    );

    const cohorts = rowsOf(shown, 'retention').filter((row) => /^\d{4}-\d{2}$/.test(row[0]!));
    // Each cell: how many of the cohort posted that month, and their share of it.
    assert.deepEqual(
      cohorts.map((row) => row.slice(0, 2 + 12 - cohorts.indexOf(row))),
      expected.cohorts.map((cohort) => [
        cohort.month,
        countText(cohort.size),
        ...cohort.active.map((active) => (cohort.size === 0 ? countText(active) : `${countText(active)} (${percentText(active / cohort.size)})`)),
      ]),
    );

    const participation = rowsOf(shown, 'participation');
    assert.equal(rowStartingWith(participation, 'Responders')[1], countText(expected.responders));
    assert.equal(rowStartingWith(participation, 'Responses')[1], '2,218');
    assert.equal(rowStartingWith(participation, 'Top 10% share')[1], percentText(expected.top10Share!));

    // The 20 highest scores, then up to 5 of the most active contributors who are not candidates.
    const listed = Math.min(LEADER_ROWS, expected.leaders.length);
    const people = rowsOf(shown, 'leaders').filter((row) => row[0]!.startsWith('@'));
    assert.deepEqual(
      people.slice(0, listed).map((row) => [row[0], row[1]]),
      expected.leaders.slice(0, listed).map((leader) => [`@${leader.login}`, countText(leader.score)]),
    );
    const near = people.slice(listed).map((row) => row[0]!.slice(1));
    assert.ok(
      near.length <= NEAR_CANDIDATE_ROWS && near.every((login) => !expected.leaders.some((leader) => leader.login === login)),
      `not candidates: ${near.join(', ')}`,
    );

    const categories = rowsOf(shown, 'categories').slice(1);
    const busiestFirst = [...expected.categories].sort(([a, aCount], [b, bCount]) => bCount - aCount || (a < b ? -1 : 1));
    assert.deepEqual(
      categories.map((row) => [row[0], row[1]]),
      busiestFirst.map(([name, count]) => [name, countText(count)]),
    );

    // Response times: the bands and the weekly median; activity, retention and participation one each.
    assert.deepEqual(shown.charts, {
      headlines: 0,
      'first-response': 2,
      activity: 1,
      retention: 1,
      participation: 1,
      leaders: 0,
      network: 1,
      categories: 0,
      'needs-response': 0,
    });
  });

  it('draws "Who knows whom": the core’s people in the table beside its picture, the connectors and the network’s figures', async function () {
    this.timeout(60_000);
    const { panel, render } = await openDashboardRendered(api);
    const network = api.analysis!.report.network;
    assert.ok(network.core.people.length >= 10, `a core to draw: ${network.core.people.length} people`);
    assert.ok(render.layoutMs !== null && render.layoutMs > 0, 'the webview laid the picture out after the first paint, and timed it');
    const shown = await panel.inspect();
    assert.equal(shown.charts['network'], 1, 'the picture is drawn');
    const rows = rowsOf(shown, 'network');
    const roleLabels = { maintainer: 'Maintainer', leaderCandidate: 'Leader candidate', member: 'Member' } as const;
    const header = rows.findIndex((row) => row.join('|') === 'Person|Role|Ties|Strong ties');
    assert.ok(header >= 0, 'the table of the core’s people');
    assert.deepEqual(
      rows.slice(header + 1, header + 1 + network.core.people.length),
      network.core.people.map((person) => [`@${person.login}`, roleLabels[person.role], countText(person.ties), countText(person.strongTies)]),
      'one row per person of the picture, in its order',
    );
    const connectors = rows.findIndex((row) => row.join('|') === 'Person|Ties|Strong ties');
    assert.deepEqual(
      rows.slice(connectors + 1, connectors + 1 + network.connectors.length),
      network.connectors.map((person) => [`@${person.login}`, countText(person.ties), countText(person.strongTies)]),
    );
    assert.equal(rowStartingWith(rows, 'Participants')[1], countText(network.participants));
    assert.equal(rowStartingWith(rows, 'Core')[1], countText(network.coreSize));
    assert.equal(rowStartingWith(rows, 'Know someone')[1], percentText(network.knowSomeoneRate!));
  });

  it('asks the People view for a person of the picture on Enter (as on a click)', async function () {
    this.timeout(60_000);
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await openDashboard();
    const firstOfPicture = api.analysis!.report.network.core.people[0]!.login;
    // Whatever the People view then does is its own command's business: here, only that it is asked, with whom.
    const asked: unknown[][] = [];
    const executeCommand = vscode.commands.executeCommand;
    const spied = <T>(command: string, ...rest: unknown[]): Thenable<T> => {
      if (command !== 'communityPulse.showPerson') return executeCommand<T>(command, ...rest);
      asked.push(rest);
      return Promise.resolve(undefined as T);
    };
    Object.assign(vscode.commands, { executeCommand: spied });
    try {
      // The circles are drawn best-connected first; Enter on the first one (focusing it scrolls the picture into view).
      await pressInWebview('.network-person', 'Enter');
      for (const deadline = Date.now() + 10_000; asked.length === 0 && Date.now() < deadline;) await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      Object.assign(vscode.commands, { executeCommand });
    }
    assert.deepEqual(asked, [[firstOfPicture]]);
    await takeScreenshot('dashboard-network-light');
    const workbench = vscode.workspace.getConfiguration('workbench');
    await workbench.update('colorTheme', 'Default Dark Modern', vscode.ConfigurationTarget.Global);
    try {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await takeScreenshot('dashboard-network-dark');
    } finally {
      await workbench.update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('shows a discussion title holding HTML as text, never as markup', async function () {
    this.timeout(60_000);
    const shown = await (await openDashboard()).inspect();
    const waiting = rowsOf(shown, 'needs-response').slice(1);
    assert.equal(waiting[0]?.[0], `#99999 ${XSS_TITLE}`, 'the oldest open question is listed first, its title as typed');
    assert.equal(shown.injected.images, 0, 'no <img> element exists');
    assert.equal(shown.injected.inlineHandlers, 0, 'no element has an inline event handler');
  });

  it('asks for the data again when its page reloads, and draws it', async function () {
    this.timeout(60_000);
    const panel = await openDashboard();
    // A new page (Developer: Reload Webviews, or the panel shown again) starts from its saved state and says
    // `ready`; only the panel's first page had its data sent with it.
    const sentBefore = panel.sentBytes;
    const rendered = panel.nextRender();
    await vscode.commands.executeCommand('workbench.action.webview.reloadWebviewAction');
    const render = await rendered;
    assert.equal(panel.sentBytes - sentBefore, render.messageBytes, 'the data was sent to the new page, once');
    assert.equal(render.timeline.scriptReadyAt < render.timeline.showReceivedAt, true, 'the new page said ready before the data came');
    const shown = await panel.inspect();
    assert.equal(shown.heading, `Community Pulse — ${REPOSITORY}`);
    assert.equal(rowsOf(shown, 'needs-response').slice(1)[0]?.[0], `#99999 ${XSS_TITLE}`);
  });

  // Each page gives up VS Code's webview service worker once it has drawn (webview/hostWorker.ts): the page opened
  // after it must still get a worker of its own and draw.
  it('draws its figures again each time it is closed and opened again, twice in a row', async function () {
    this.timeout(90_000);
    const figures = headlineTexts(expectedFigures());
    for (const opening of ['first', 'reopened', 'reopened again']) {
      const { panel } = await openDashboardRendered(api);
      assert.deepEqual(shownHeadlines(await panel.inspect()), figures, `the ${opening} dashboard draws the figures`);
      if (opening !== 'reopened again') panel.dispose();
    }
  });

  it('lists the headline figures in the Health view, with their change and definition', () => {
    const expected = headlineTexts(expectedFigures());
    const rows = api.health.getChildren().map((row) => api.health.getTreeItem(row));
    assert.equal(rows.at(-1)!.label, 'Category advice', 'the headline figures, then the category advice');
    const items = rows.slice(0, -1);
    assert.deepEqual(
      items.map((item) => item.label),
      Object.keys(expected),
    );
    for (const item of items) {
      const figure = expected[String(item.label)]!;
      assert.ok(String(item.description).startsWith(figure), `${String(item.label)}: "${String(item.description)}" starts with ${figure}`);
    }
    assert.match(String(items[0]!.description), /^6\.8 h/);
    assert.match(String(items[0]!.tooltip), /first response/);
    assert.match(String(items[0]!.tooltip), /docs\/metrics\.md: “First response \(firstResponse\): for those that had a response by until/);
    assert.match(String(items[0]!.tooltip), /previous 90 days: /);
    assert.match(String(items[3]!.tooltip), /Not the Needs Response list/, 'the windowed count says how it differs from Needs Response');
    const core = items.find((item) => item.label === 'Core')!;
    assert.match(String(core.tooltip), new RegExp(`core of ${countText(expectedFigures().coreSize)} people; Dunbar's number is about 150`));
    assert.match(String(core.tooltip), /previous 90 days: /);
    assert.equal(api.health.view.description, 'Last 90 days');
  });

  it('lists the categories over Dunbar’s number under Category advice in the Health view, and follows communityPulse.categoryAdvice', async function () {
    this.timeout(60_000);
    /** The Category advice group's item and its categories' items. */
    const adviceShown = () => {
      const group = api.health.getChildren().at(-1)!;
      const categories = api.health.getChildren(group).map((row) => api.health.getTreeItem(row));
      return { group: api.health.getTreeItem(group), categories: categories.map((item) => [item.label, item.description]) };
    };
    /** Over the last 90 days every category has 25 or more new discussions (neither thin nor dormant): only size flags one. */
    const expectedAdvice = (limit: number) => {
      const expected = expectedFigures();
      assert.ok([...expected.categories.values()].every((discussions) => discussions >= 10));
      const everyCategory = new Set(served.map((discussion) => discussion.category.name));
      assert.deepEqual(new Set(expected.categories.keys()), everyCategory, 'every category has a new discussion in the window');
      return [...expected.categories]
        .sort(([a, aCount], [b, bCount]) => bCount - aCount || (a < b ? -1 : 1))
        .map(([name]) => [name, expected.categoryParticipants.get(name)!] as const)
        .filter(([, participants]) => participants > limit)
        .map(([name, participants]) => [
          name,
          `over Dunbar's number: ${countText(participants)} participants in the window (more than ${countText(limit)}): consider splitting it by label or topic`,
        ]);
    };
    const byDefault = adviceShown();
    const flagged = expectedAdvice(150);
    assert.ok(flagged.length > 0, 'the synthetic community has a category past 150 people');
    assert.deepEqual(byDefault.categories, flagged);
    assert.equal(byDefault.group.description, `${flagged.length} ${flagged.length === 1 ? 'category' : 'categories'} flagged`);
    assert.equal(byDefault.group.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    assert.match(String(byDefault.group.tooltip), /more than 150 participants in the window/);

    await setAndReload('categoryAdvice', { overDunbarParticipants: 100 });
    const lower = expectedAdvice(100);
    assert.ok(lower.length > flagged.length, 'a lower threshold flags more categories');
    assert.deepEqual(adviceShown().categories, lower);

    await setAndReload('categoryAdvice', { overDunbarParticipants: 100_000 });
    const none = adviceShown();
    assert.deepEqual(none.categories, []);
    assert.equal(none.group.description, 'no category flagged');
    assert.equal(none.group.collapsibleState, vscode.TreeItemCollapsibleState.None);
  });

  it('lists leader candidates with the evidence behind each score component in the People view', () => {
    const expected = expectedFigures();
    const people = api.people;
    const groups = people.getChildren();
    const coreShown = expected.coreSize > 150 ? ', showing the 150 best-connected' : '';
    assert.deepEqual(
      groups.map((group) => people.getTreeItem(group).label),
      [
        `Leader candidates (${expected.leaders.length})`,
        `Inactive regulars (${expected.inactiveRegulars})`,
        `New this month (${expected.newThisMonth})`,
        `Connectors (${expected.connectors.length})`,
        `Core: ${countText(expected.coreSize)} people${coreShown}`,
      ],
    );
    const connectors = people.getChildren(groups[3]);
    assert.deepEqual(
      connectors.map((node) => people.getTreeItem(node).label),
      expected.connectors.map((login) => `@${login}`),
    );
    assert.match(String(people.getTreeItem(connectors[0]!).description), /^\d+ ties, \d+ strong · connector$/);
    const leaders = people.getChildren(groups[0]);
    assert.deepEqual(
      leaders.map((node) => people.getTreeItem(node).label),
      expected.leaders.map((leader) => `@${leader.login}`),
    );
    const top = expected.leaders[0]!;
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
    assert.equal(item.command?.command, 'communityPulse.openDiscussion', 'a discussion item opens its Discussion tab (#9)');
    assert.equal(people.getTreeItem(leaders[0]!).contextValue, 'person');
  });

  it('reveals and selects a person in the People view with "Show Person in People" (as the network picture asks)', async function () {
    this.timeout(60_000);
    const core = [...expectedFigures().core];
    assert.ok(core.length > 0, 'the synthetic community has a core');
    const login = core.sort()[0]!;
    await vscode.commands.executeCommand('communityPulse.showPerson', login);
    const selected = api.people.view.selection[0];
    assert.equal(selected?.kind === 'person' && `${selected.group}:${selected.login}`, `core:${login}`);
    assert.ok(api.people.view.visible, 'the People view is shown');
  });

  it('updates the dashboard, Health and People when the window changes', async function () {
    this.timeout(60_000);
    const panel = await openDashboard();
    const rendered = panel.nextRender();
    await vscode.commands.executeCommand('communityPulse.chooseWindow', '30');
    await rendered;
    const { since, until } = api.analysis!.window;
    assert.equal(until - since, 30 * DAY);
    const expected = expectedFigures();
    const figures = headlineTexts(expected);
    const headlines = shownHeadlines(await panel.inspect());
    assert.equal(headlines['Median first response'], figures['Median first response']);
    assert.equal(headlines['No response (new in window)'], figures['No response (new in window)']);
    assert.equal(rowsOf(await panel.inspect(), 'activity').filter((row) => /^\d{4}-\d{2}-\d{2}/.test(row[0]!)).length, expected.weeks.length);
    const health = api.health.getChildren().map((row) => api.health.getTreeItem(row));
    assert.ok(String(health[3]!.description).startsWith(figures['No response (new in window)']!));
    assert.equal(api.health.view.description, 'Last 30 days');
    assert.equal(api.people.getTreeItem(api.people.getChildren()[0]!).label, `Leader candidates (${expected.leaders.length})`);
    assert.equal(api.people.view.description, 'Last 30 days');
  });

  it('draws what changed while it was behind another editor once it is in front again', async function () {
    this.timeout(60_000);
    const panel = await openDashboard();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content: 'in front of the dashboard' }), vscode.ViewColumn.Active);
    assert.equal(panel.webviewPanel.visible, false, 'the dashboard is behind the editor');
    await vscode.commands.executeCommand('communityPulse.chooseWindow', '30');
    const rendered = panel.nextRender();
    // As a click on its tab does: not the command, which always draws.
    panel.webviewPanel.reveal();
    await rendered;
    const figures = headlineTexts(expectedFigures());
    assert.equal(shownHeadlines(await panel.inspect())['Median first response'], figures['Median first response'], 'the 30-day figures');
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
    const expected = expectedFigures({ maintainers: [login] }).leaders.map((leader) => leader.login);
    assert.ok(!expected.includes(login));
    assert.deepEqual(logins, expected, `${login} is no longer a leader candidate; the others keep their order`);
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
    const report = ReportSchema.parse(JSON.parse(fs.readFileSync(path.join(directory, 'report.json'), 'utf8')));
    const expected = expectedFigures();
    assert.deepEqual(
      [
        report.firstResponse.medianSeconds,
        report.firstResponse.noResponse,
        report.answerRate,
        report.participation.responses,
        report.leaders.map((leader) => leader.login),
      ],
      [
        percentile(expected.firstResponseSeconds, 50),
        expected.noResponse,
        expected.answerRate,
        expected.responses,
        expected.leaders.map((leader) => leader.login),
      ],
    );
    assert.match(fs.readFileSync(path.join(directory, 'report.md'), 'utf8'), new RegExp(`^# Community report: ${REPOSITORY.replace('/', '\\/')}`));
    const csv = fs.readFileSync(path.join(directory, 'report.csv'), 'utf8').trimEnd().split('\r\n');
    assert.equal(
      csv[0],
      'number,title,url,author,category,created,first_response_seconds,first_maintainer_response_seconds,answered,time_to_answer_seconds,people,ties',
    );
    assert.equal(
      csv.length - 1,
      [...expected.categories.values()].reduce((sum, count) => sum + count, 0),
      'one row per discussion opened in the window',
    );
  });

  it('shows every view and the export as of communityPulse.asOf, and says so', async function () {
    this.timeout(60_000);
    const asOf = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()) - 60 * DAY;
    const date = new Date(asOf).toISOString().slice(0, 10);
    const panel = await openDashboard();
    const rendered = panel.nextRender();
    await setAndReload('asOf', date);
    await rendered;
    const analysis = api.analysis!;
    assert.equal(analysis.window.until, asOf, 'the window ends at the as-of moment');
    const expected = expectedFigures();
    const figures = headlineTexts(expected);
    const shown = await panel.inspect();
    assert.match(shown.asOf ?? '', new RegExp(`^As of ${date}: the community as it stood then \\(setting communityPulse\\.asOf\\), not live data`));
    const headlines = shownHeadlines(shown);
    assert.equal(headlines['Median first response'], figures['Median first response']);
    assert.equal(headlines['No response (new in window)'], figures['No response (new in window)']);
    // The waiting list is the shared triage at the same moment: the Needs Response view's longest wait comes first.
    const triage = api.triage!;
    assert.equal(triage.now, asOf);
    assert.equal(triage.counts.noResponse, expected.waitingWithoutResponse, 'open discussions nobody had responded to by then');
    const oldest = [...triage.triage.noResponse, ...triage.triage.awaitingReply, ...triage.triage.unmarkedAnswer].sort(
      (a, b) => a.waitingSince - b.waitingSince,
    )[0]!;
    assert.equal(rowsOf(shown, 'needs-response')[1]?.[0], `#${oldest.discussion.number} ${oldest.discussion.title}`);
    assert.equal(api.health.view.description, `Last 90 days · as of ${date}`);
    assert.equal(api.people.view.description, `Last 90 days · as of ${date}`);
    const target = vscode.Uri.file(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pulse-export-')), 'report.json'));
    await vscode.commands.executeCommand('communityPulse.exportReport', 'json', target);
    assert.equal(ReportSchema.parse(JSON.parse(fs.readFileSync(target.fsPath, 'utf8'))).window.until, new Date(asOf).toISOString());

    const live = panel.nextRender();
    await setAndReload('asOf', undefined);
    await live;
    assert.equal((await panel.inspect()).asOf, null, 'live again: no notice');
    assert.equal(api.health.view.description, 'Last 90 days');
  });

  it('shows a window without any discussion as dashes with the engine’s reasons, never as zeros that did not change', async function () {
    this.timeout(60_000);
    // Before the first discussion of the community: nothing existed yet.
    const panel = await openDashboard();
    const rendered = panel.nextRender();
    await setAndReload('asOf', new Date(Date.now() - 900 * DAY).toISOString().slice(0, 10));
    await rendered;
    const items = api.health.getChildren().map((row) => api.health.getTreeItem(row));
    const weekly = items.find((item) => item.label === 'Weekly active participants')!;
    assert.equal(weekly.description, '—');
    assert.match(String(weekly.tooltip), /No figure: nobody posted in the window\./);
    const median = items.find((item) => item.label === 'Median first response')!;
    assert.equal(median.description, '—');
    assert.match(String(median.tooltip), /No figure: no discussion was created in the window\./);
    assert.equal(shownHeadlines(await panel.inspect())['Weekly active participants'], '—');
  });

  it('shows the communityPulse.defaultWindow until a window is chosen for the workspace', async function () {
    this.timeout(60_000);
    const windowDays = () => (api.analysis!.window.until - api.analysis!.window.since) / DAY;
    await arrangePulse(api, { ...settings, defaultWindow: '30' }, 'default');
    assert.equal(api.window.chosen, undefined, 'the workspace follows the setting');
    assert.equal(windowDays(), 30);
    assert.equal(api.health.view.description, 'Last 30 days');
    const panel = await openDashboard();
    const rendered = panel.nextRender();
    await setAndReload('defaultWindow', '180');
    await rendered;
    assert.equal(windowDays(), 180, 'a new default applies at once');
    assert.equal(api.health.view.description, 'Last 180 days');
    assert.equal(shownHeadlines(await panel.inspect())['Median first response'], headlineTexts(expectedFigures())['Median first response']);
    await vscode.commands.executeCommand('communityPulse.chooseWindow', '90');
    await setAndReload('defaultWindow', '365');
    assert.equal(windowDays(), 90, 'the workspace’s own choice wins over the default');
  });

  it('looks native in the light and dark themes (README screenshots)', async function () {
    this.timeout(90_000);
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await openDashboard();
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
