/**
 * The browser test (issue #4): Playwright drives the code-server page as a maintainer would — open the Community
 * Pulse container, click a discussion in Needs Response (it opens in its Discussion tab; Open in Browser offers its
 * GitHub page), reload the window (the tab comes back), open the dashboard from the command palette, click a person
 * of its "Who knows whom" picture (the People view shows them), switch to the
 * dark theme, then to a high-contrast one, narrow the editor — and saves screenshots of the views and the dashboard
 * in each theme and at the narrow width to test-results/screenshots/. Last, it posts malformed messages from inside
 * the dashboard, as a compromised page could, and checks the extension logs and ignores them.
 * The README shows five of them (media/screenshots/): browser-views-light.png as needs-response.png (the views
 * beside the dashboard), browser-dashboard-light.png, browser-dashboard-dark.png,
 * browser-dashboard-high-contrast.png (the dashboard full width) and browser-network-light.png (its "Who knows
 * whom"), each without its `browser-` prefix.
 *
 *   npx tsx test/browser/userJourney.ts [--results FILE]
 *
 * Each step is one test; a failed step skips the rest (they build on it). With --results it writes
 * `{ passed, failed, skipped, failures }` for scripts/test-all.mjs.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Frame, Page } from 'playwright-core';
// @ts-expect-error: the harness's launcher is plain JavaScript without type declarations.
import { launchVSCode, testResultsDir } from '../../scripts/lib/vscode-session.mjs';
import { generateCommunity, type GeneratedDiscussion } from '../fake-github/generator';
import { startFakeGitHub } from '../fake-github/server';
import { communityFigures } from '../vscode/communityFigures';
import { reportSteps, runSteps, type BrowserStep, type StepResults } from './steps';

const REPOSITORY = 'synthetic/pulse';
const TOKEN = 'community-pulse-browser-test';
const screenshots = path.join(testResultsDir as string, 'screenshots');
const SIDE_BAR_WIDTH = 520;
const DAY = 86_400_000;
/** The charts each section draws: response times the bands and the weekly median; the others one each. */
const CHARTS_PER_SECTION = {
  'first-response': 2,
  activity: 1,
  retention: 1,
  participation: 1,
  network: 1,
  leaders: 0,
  categories: 0,
  'needs-response': 0,
};

interface Session {
  readonly page: Page;
  close(): Promise<void>;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { results: { type: 'string' } } });
  const community = generateCommunity({ seed: 11, discussions: 400, now: new Date().toISOString(), repository: REPOSITORY });
  const fake = await startFakeGitHub({ token: TOKEN, repositories: [{ nameWithOwner: REPOSITORY, discussions: community.discussions }] });
  const session = (await launchVSCode({
    env: { COMMUNITY_PULSE_TOKEN: TOKEN },
    settings: { 'communityPulse.apiUrl': fake.url, 'communityPulse.repository': REPOSITORY, 'workbench.colorTheme': 'Default Light Modern' },
    onTestOutput: () => {},
  })) as Session;
  const { page } = session;
  const steps: BrowserStep[] = [
    ['opens the Community Pulse container and sees discussions needing a response', () => openContainer(page, community.discussions)],
    ['clicks a discussion in Needs Response: its thread opens in a tab, and Open in Browser offers its GitHub page', () => clickDiscussion(page)],
    ['reloads the window: the Discussion tab comes back with its thread', () => reloadKeepsTheTab(page)],
    ['opens the dashboard from the command palette and sees every section', () => openDashboard(page)],
    ['clicks a person in "Who knows whom": the People view shows their entry', () => clickPersonInNetwork(page)],
    ['switches to the dark theme, and the dashboard follows it', () => switchToDark(page)],
    ['switches to a high-contrast theme, and the dashboard draws its borders', () => switchToHighContrast(page)],
    ['narrows the editor, and the dashboard reflows with nothing cut off', () => narrowTheEditor(page)],
    ['a malformed message from the dashboard is logged and ignored, and the dashboard still works', () => rejectMalformedMessages(page)],
  ];
  let results: StepResults;
  try {
    results = await runSteps(steps, { onFailure: () => page.screenshot({ path: path.join(screenshots, 'browser-failure.png') }).then(() => undefined) });
  } finally {
    await session.close();
    await fake.close();
  }
  return reportSteps(results, values.results);
}

/** The bucket and group headings show the counts worked out from the served discussions (communityFigures). */
async function openContainer(page: Page, discussions: readonly GeneratedDiscussion[]): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.activitybar [aria-label^="Community Pulse"]').first().click();
  await page.locator('.pane-header', { hasText: 'Needs Response' }).waitFor();
  const now = Date.now();
  const figures = communityFigures(discussions, { since: now - 90 * DAY, until: now });
  // The first sync fills the tree: a bucket heading with its count.
  await page
    .locator('.monaco-list-row', { hasText: `No response (${figures.waitingWithoutResponse})` })
    .first()
    .waitFor({ timeout: 60_000 });
  await page
    .locator('.monaco-list-row', { hasText: `Leader candidates (${figures.leaders.length})` })
    .first()
    .waitFor({ timeout: 30_000 });
  await widenSideBar(page);
}

/** Wide enough for each row's description (number, wait, author, category; figure and change), as a maintainer would drag it. */
async function widenSideBar(page: Page): Promise<void> {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box) throw new Error('the side bar is not shown');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width + 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + SIDE_BAR_WIDTH, y, { steps: 8 });
  await page.mouse.up();
  const widened = await page.locator('.part.sidebar').boundingBox();
  if (!widened || widened.width < SIDE_BAR_WIDTH - 20) throw new Error(`the side bar is ${widened?.width ?? 0}px wide after dragging its edge`);
}

async function clickDiscussion(page: Page): Promise<void> {
  const bucket = page.locator('.monaco-list-row', { hasText: /^No response \(\d+\)/ }).first();
  const discussion = page.locator(`.monaco-list-row[aria-level="2"]`).first();
  if (!(await discussion.isVisible())) await bucket.click();
  const number = /#(\d+)/.exec(await discussion.innerText())?.[1];
  if (!number) throw new Error(`the row names no discussion number: ${await discussion.innerText()}`);
  await discussion.click();
  // Its own editor tab, titled with its number, showing the thread fetched from GitHub.
  await page.locator('.tabs-container .tab', { hasText: `#${number} ` }).waitFor({ timeout: 15_000 });
  const thread = await frameShowing(page, 'main#root aside.side-panel', 'the Discussion tab');
  const heading = await thread.locator('main#root h1').innerText();
  if (!heading.includes(`#${number}`)) throw new Error(`the Discussion tab shows "${heading}", not #${number}`);
  // Open in Browser stays the row's inline action: VS Code asks before opening a website it does not trust yet.
  await discussion.hover();
  await discussion.locator('.action-label[aria-label="Open in Browser"]').click();
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ timeout: 15_000 });
  const text = await dialog.innerText();
  if (!text.includes(`github.com/${REPOSITORY}/discussions/${number}`)) throw new Error(`the dialog does not offer the discussion: ${text}`);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
}

async function reloadKeepsTheTab(page: Page): Promise<void> {
  const tab = page.locator('.tabs-container .tab', { hasText: /#\d+ / }).first();
  const number = /#(\d+)/.exec(await tab.innerText())?.[1];
  if (!number) throw new Error('no Discussion tab is open');
  // As a user reloads: VS Code saves its open editors first (a bare page reload may not).
  await runCommand(page, 'Developer: Reload Window');
  await page.waitForEvent('load', { timeout: 60_000 });
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  // VS Code restores the editor, the extension's serializer its page: the thread is fetched again and drawn.
  const thread = await frameShowing(page, 'main#root aside.side-panel', 'the restored Discussion tab');
  const heading = await thread.locator('main#root h1').innerText();
  if (!heading.includes(`#${number}`)) throw new Error(`the restored tab shows "${heading}", not #${number}`);
  await page.locator('.tabs-container .tab', { hasText: `#${number} ` }).waitFor();
}

async function openDashboard(page: Page): Promise<void> {
  await runCommand(page, 'Community Pulse: Open Dashboard');
  const frame = await dashboardFrame(page);
  for (const section of Object.keys(CHARTS_PER_SECTION)) await frame.locator(`section#${section}`).waitFor();
  // The picture of the core is laid out after the first paint.
  await frame.locator('section#network svg').waitFor();
  const cards = await frame.locator('.card').count();
  if (cards !== 10) throw new Error(`expected 10 headline cards, found ${cards}`);
  const charts = Object.fromEntries(
    await Promise.all(Object.keys(CHARTS_PER_SECTION).map(async (section) => [section, await frame.locator(`section#${section} svg`).count()] as const)),
  );
  if (JSON.stringify(charts) !== JSON.stringify(CHARTS_PER_SECTION))
    throw new Error(`charts per section: ${JSON.stringify(charts)}, expected ${JSON.stringify(CHARTS_PER_SECTION)}`);
  await shoot(page, 'browser-views-light');
  await toggleSideBar(page, 'hidden');
  await shoot(page, 'browser-dashboard-light');
}

/**
 * Scrolls the dashboard to "Who knows whom" (screenshot browser-network-light.png, in the README), then clicks
 * the best-connected person of the picture: the People view opens with their entry selected.
 */
async function clickPersonInNetwork(page: Page): Promise<void> {
  const frame = await dashboardFrame(page);
  await frame.locator('section#network').scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  await shoot(page, 'browser-network-light');
  const person = frame.locator('section#network .network-person').first();
  const label = (await person.getAttribute('aria-label')) ?? '';
  const login = /@([\w-]+)/.exec(label)?.[1];
  if (!login) throw new Error(`the first person of the picture names nobody: "${label}"`);
  await person.click();
  const selected = page.locator('.pane-body .monaco-list-row.selected', { hasText: login });
  await selected.waitFor({ timeout: 15_000 });
  await page.locator('.pane-header', { hasText: 'People' }).waitFor();
  await shoot(page, 'browser-network-person-light');
  await toggleSideBar(page, 'hidden');
  // The later screenshots show the dashboard from its top.
  await (await dashboardFrame(page)).locator('h1').first().scrollIntoViewIfNeeded();
}

/** Shows or hides the side bar (the dashboard's screenshots are full width), and waits until it is so. */
async function toggleSideBar(page: Page, state: 'visible' | 'hidden'): Promise<void> {
  await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
  await page.locator('.part.sidebar').waitFor({ state });
  await page.waitForTimeout(500);
}

async function switchToDark(page: Page): Promise<void> {
  const frame = await dashboardFrame(page);
  const lightBackground = await backgroundLuminance(frame);
  await chooseTheme(page, 'Dark Modern');
  const deadline = Date.now() + 10_000;
  let darkBackground = await backgroundLuminance(frame);
  while (darkBackground >= 0.5 && Date.now() < deadline) {
    await page.waitForTimeout(200);
    darkBackground = await backgroundLuminance(frame);
  }
  if (!(lightBackground > 0.5 && darkBackground < 0.5)) {
    throw new Error(`the dashboard background went from luminance ${lightBackground.toFixed(2)} to ${darkBackground.toFixed(2)}; expected light to dark`);
  }
  await shoot(page, 'browser-dashboard-dark');
  await toggleSideBar(page, 'visible');
  await shoot(page, 'browser-views-dark');
}

/** The side bar is visible when this starts (the dark step ends with the views); the pictures are full width. */
async function switchToHighContrast(page: Page): Promise<void> {
  const frame = await dashboardFrame(page);
  await chooseTheme(page, 'Dark High Contrast');
  await frame.locator('body.vscode-high-contrast').waitFor({ timeout: 10_000 });
  const [cardBorder, contrastBorder] = (await frame.evaluate(
    `[getComputedStyle(document.querySelector('.card')).borderTopColor, getComputedStyle(document.body).getPropertyValue('--vscode-contrastBorder').trim()]`,
  )) as [string, string];
  if (!contrastBorder || cardBorder !== hexToRgb(contrastBorder)) {
    throw new Error(`a headline card's border is ${cardBorder}; the theme's contrast border is ${contrastBorder || 'not set'}`);
  }
  await toggleSideBar(page, 'hidden');
  await shoot(page, 'browser-dashboard-high-contrast');
}

/**
 * As a maintainer keeping the dashboard in a narrow editor beside their code: the page reflows, nothing sticks out
 * past its right edge (sections clip what overflows them, so sticking out means cut off), and only a table too wide
 * for the width scrolls sideways, inside its own scroll area.
 */
async function narrowTheEditor(page: Page): Promise<void> {
  const frame = await dashboardFrame(page);
  const wide = page.viewportSize() ?? { width: 1280, height: 800 };
  await page.setViewportSize({ width: 520, height: wide.height });
  // The page redraws its charts at the new width once the resizing stops.
  const deadline = Date.now() + 10_000;
  let layout = await narrowLayout(frame);
  while ((layout.pageWidth > 520 || layout.sticksOut.length > 0) && Date.now() < deadline) {
    await page.waitForTimeout(200);
    layout = await narrowLayout(frame);
  }
  if (layout.pageWidth > 520) throw new Error(`the dashboard is still ${layout.pageWidth}px wide`);
  if (layout.sticksOut.length > 0) throw new Error(`at ${layout.pageWidth}px these stick out past the right edge: ${layout.sticksOut.join(', ')}`);
  await shoot(page, 'browser-dashboard-narrow');
  await page.setViewportSize(wide);
}

async function narrowLayout(frame: Frame): Promise<{ pageWidth: number; sticksOut: string[] }> {
  return (await frame.evaluate(`(() => {
    const pageWidth = document.documentElement.clientWidth;
    const sticksOut = [];
    for (const element of document.querySelectorAll('main *')) {
      if (element.closest('.table-scroll') && !element.matches('.table-scroll')) continue;
      const box = element.getBoundingClientRect();
      if (box.width > 0 && box.right > pageWidth + 1) sticksOut.push(element.tagName.toLowerCase() + (element.id ? '#' + element.id : '') + ' (' + Math.round(box.right) + 'px)');
    }
    return { pageWidth, sticksOut: sticksOut.slice(0, 8) };
  })()`)) as { pageWidth: number; sticksOut: string[] };
}

/**
 * A message the extension's protocol does not allow, sent on the dashboard's own channel: its script's
 * acquireVsCodeApi().postMessage calls the outer webview frame's `__vscode_post_message__('onmessage', …)` (VS Code's
 * pre/index.html; the page itself can no longer reach its parent), which passes it to the extension. The extension
 * logs that it ignored it, in the "Community Pulse" output, and acts on nothing; a valid message afterwards still works.
 */
async function rejectMalformedMessages(page: Page): Promise<void> {
  const frame = await dashboardFrame(page);
  const host = frame.parentFrame();
  if (!host) throw new Error('the dashboard frame has no outer webview frame');
  const post = (message: unknown) => host.evaluate(`window.__vscode_post_message__('onmessage', { message: ${JSON.stringify(message)} })`);
  await post({ type: 'runCommand', command: 'workbench.action.quit' });
  await post({ type: 'chooseWindow', choice: 'forever' });
  await runCommand(page, 'Community Pulse: Show Log');
  const expected = [
    'Dashboard: ignored a message: invalid "runCommand" message from the dashboard webview at type',
    'Dashboard: ignored a message: invalid "chooseWindow" message from the dashboard webview at choice',
  ];
  const deadline = Date.now() + 15_000;
  let log = '';
  while (!expected.every((line) => log.includes(line)) && Date.now() < deadline) {
    await page.waitForTimeout(200);
    // The output wraps long lines: one view line each, joined again here.
    log = (
      await page
        .locator('.part.panel .view-lines')
        .innerText()
        .catch(() => '')
    )
      .replace(/\u00a0/g, ' ')
      .replace(/\n/g, '');
  }
  const missing = expected.filter((line) => !log.includes(line));
  if (missing.length > 0) throw new Error(`the log does not say: ${missing.join('; ')}\n--- log ---\n${log.replace(/(?=\d{4}-\d{2}-\d{2} \d{2}:)/g, '\n')}`);
  await frame.getByText(/^Last 90 days: /).waitFor({ timeout: 5_000 });
  await post({ type: 'chooseWindow', choice: '30' });
  await frame.getByText(/^Last 30 days: /).waitFor({ timeout: 15_000 });
}

function hexToRgb(color: string): string {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  return hex
    ? `rgb(${hex
        .slice(1)
        .map((part) => parseInt(part, 16))
        .join(', ')})`
    : color;
}

async function chooseTheme(page: Page, name: string): Promise<void> {
  await runCommand(page, 'Preferences: Color Theme');
  await page.keyboard.type(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
}

async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  // Click the command of exactly this title (fuzzy matching also lists longer ones such as "… in Marketplace").
  const exact = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  await page
    .locator('.quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: exact }) })
    .first()
    .click();
}

/** The webview's inner frame holding the dashboard (webviews are nested iframes in the page). */
function dashboardFrame(page: Page): Promise<Frame> {
  return frameShowing(page, 'main#root h1:has-text("Community Pulse —")', 'the dashboard');
}

/** The webview frame whose page has `selector` (VS Code nests each webview's page in frames of its own). */
async function frameShowing(page: Page, selector: string, what: string): Promise<Frame> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (
        await frame
          .locator(selector)
          .count()
          .catch(() => 0)
      )
        return frame;
    }
    await page.waitForTimeout(200);
  }
  throw new Error(`no frame shows ${what}`);
}

/** Relative luminance 0..1 of the dashboard's body background (as the theme's --vscode-editor-background paints it). */
async function backgroundLuminance(frame: Frame): Promise<number> {
  const color = (await frame.evaluate('getComputedStyle(document.body).backgroundColor')) as string;
  const [r, g, b] = (color.match(/\d+(\.\d+)?/g) ?? ['0', '0', '0']).map(Number) as [number, number, number];
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

/** Waits (up to 15 s) until the status bar has not said "Activating Extensions…" for a whole second. */
async function statusBarSettles(page: Page): Promise<boolean> {
  let quietSince = Date.now();
  for (const deadline = Date.now() + 15_000; Date.now() < deadline; await page.waitForTimeout(100)) {
    if ((await page.locator('.part.statusbar').innerText()).includes('Activating Extensions')) quietSince = Date.now();
    else if (Date.now() - quietSince >= 1000) return true;
  }
  return false;
}

/** Saves the window, with the pointer parked on the empty tab bar so no hover tooltip covers a label. */
async function shoot(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize();
  await page.mouse.move((viewport?.width ?? 1280) - 120, 52);
  // A theme change briefly shows "Activating Extensions…" in the status bar: not part of the picture.
  if (!(await statusBarSettles(page))) console.log(`    (${name}: the status bar kept saying "Activating Extensions…")`);
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: path.join(screenshots, `${name}.png`) });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
