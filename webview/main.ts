import './dashboard.css';
import * as z from 'zod';
import { parseHostMessage, type DashboardData, type DomSnapshot, type HostMessage, type RenderTimeline, type WebviewMessage } from '../src/shared/dashboardProtocol';
import { WINDOW_CHOICES, windowLabel } from '../src/shared/timeWindow';
import { el, note } from './dom';
import { activitySection } from './sections/activity';
import { categoriesSection } from './sections/categories';
import type { RenderContext } from './sections/context';
import { firstResponseSection } from './sections/firstResponse';
import { headlinesSection } from './sections/headlines';
import { leadersSection } from './sections/leaders';
import { needsResponseSection } from './sections/needsResponse';
import { participationSection } from './sections/participation';
import { retentionSection } from './sections/retention';
import { button, dropdown } from './toolkit';

/** The dashboard webview: draws what the extension sends, keeps it with setState so a reload shows it at once. */

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: SavedState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

interface SavedState {
  readonly data: DashboardData;
}

// The page's Content-Security-Policy forbids eval: say so, rather than let zod find out by trying (the browser
// reports the attempt as a violation), and skip compiling validators for messages that are each checked once.
z.config({ jitless: true });

/** Every import has been evaluated by now: the libraries' own start-up is behind this moment. */
const scriptReadyAt = epochMs(performance.now());
const vscode = acquireVsCodeApi();
const root = document.getElementById('root')!;
let current: DashboardData | null = null;

const post = (message: WebviewMessage) => vscode.postMessage(message);

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const receivedAt = epochMs(performance.now());
  const parsed = parseHostMessage(event.data);
  if (!parsed.ok) {
    post({ type: 'problem', message: parsed.error });
    return;
  }
  handle(parsed.message, receivedAt);
});

function handle(message: HostMessage, receivedAt: number): void {
  switch (message.type) {
    case 'show': {
      current = message.data;
      vscode.setState({ data: message.data });
      draw(message.data);
      // Report once the browser has laid out and painted the new DOM, not when the script returns.
      requestAnimationFrame(() =>
        setTimeout(() => {
          const paintedAt = epochMs(performance.now());
          const elapsedMs = message.requestedAt === null ? null : paintedAt - message.requestedAt;
          const timeline: RenderTimeline = { ...pageTimeline(), showReceivedAt: receivedAt, paintedAt };
          post({ type: 'rendered', requestedAt: message.requestedAt, elapsedMs, renderMs: paintedAt - receivedAt, timeline });
        }, 0),
      );
      return;
    }
    case 'status':
      if (message.state !== 'loading' || current === null) root.replaceChildren(note(message.message));
      else root.setAttribute('aria-busy', 'true');
      return;
    case 'inspect':
      post({ type: 'inspection', requestId: message.requestId, snapshot: inspect() });
      return;
  }
}

function draw(data: DashboardData): void {
  const context: RenderContext = { ...chartWidths(), post };
  const sections: (() => HTMLElement)[] = [
    () => headlinesSection(data),
    () => firstResponseSection(data, context),
    () => activitySection(data, context),
    () => retentionSection(data, context),
    () => participationSection(data, context),
    () => leadersSection(data, context),
    () => categoriesSection(data),
    () => needsResponseSection(data, context),
  ];
  root.removeAttribute('aria-busy');
  root.replaceChildren(header(data), ...sections.map(drawSafely));
}

/** One failing section shows its error and leaves the others drawn. */
function drawSafely(drawSection: () => HTMLElement): HTMLElement {
  try {
    return drawSection();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    post({ type: 'problem', message: `a dashboard section failed to draw: ${message}` });
    return note(`This section could not be drawn: ${message}`);
  }
}

function header(data: DashboardData): HTMLElement {
  const window = data.report.window;
  return el(
    'header',
    {},
    el('h1', {}, `Community Pulse — ${data.repository}`),
    el(
      'p',
      { class: 'subtitle' },
      `${data.windowLabel}: ${window.since.slice(0, 10)} to ${window.until.slice(0, 10)}${data.syncedAt ? ` · synced ${data.syncedAt.slice(0, 16).replace('T', ' ')} UTC` : ''}`,
    ),
    data.asOf
      ? el(
          'p',
          { class: 'as-of', role: 'note' },
          el('strong', {}, `As of ${data.asOf}`),
          ': the community as it stood then (setting communityPulse.asOf), not live data. Later posts, answers and discussions are not counted.',
        )
      : null,
    el(
      'div',
      { class: 'toolbar' },
      dropdown(
        'Time window',
        WINDOW_CHOICES.map((choice) => ({ value: choice, label: windowLabel(choice) })),
        data.windowChoice,
        (value) => {
          const choice = WINDOW_CHOICES.find((one) => one === value);
          if (choice) post({ type: 'chooseWindow', choice });
        },
      ),
      button('Refresh', 'Sync the repository now', () => post({ type: 'refresh' }), true),
      button('Export Report…', 'Write this window’s report as Markdown, JSON or CSV', () => post({ type: 'exportReport' })),
    ),
  );
}

/** `.pair` in dashboard.css: two charts to a row when each gets this much, with this gap; else one. */
const PAIR_MIN_WIDTH = 360;
const PAIR_GAP = 24;

/** Draw each chart at the width it is shown at, so its text is never scaled down. */
function chartWidths(): { width: number; fullWidth: number } {
  const fullWidth = Math.max(280, root.clientWidth);
  const width = fullWidth >= 2 * PAIR_MIN_WIDTH + PAIR_GAP ? Math.floor((fullWidth - PAIR_GAP) / 2) : fullWidth;
  return { width, fullWidth };
}

function inspect(): DomSnapshot {
  const tables: Record<string, string[][]> = {};
  const charts: Record<string, number> = {};
  root.querySelectorAll('section').forEach((section) => {
    const rows: string[][] = [];
    section.querySelectorAll('table').forEach((table) =>
      table.querySelectorAll('tr').forEach((tr) => rows.push(Array.from(tr.children, (cell) => cell.textContent ?? ''))),
    );
    section.querySelectorAll('dl').forEach((list) =>
      list.querySelectorAll('dt').forEach((term) => rows.push([term.textContent ?? '', term.nextElementSibling?.textContent ?? ''])),
    );
    tables[section.id] = rows;
    charts[section.id] = section.querySelectorAll('svg').length;
  });
  let inlineHandlers = 0;
  document.querySelectorAll('*').forEach((element) => {
    if (Array.from(element.attributes).some((attribute) => attribute.name.toLowerCase().startsWith('on'))) inlineHandlers++;
  });
  return {
    tables,
    charts,
    injected: { images: document.querySelectorAll('img').length, inlineHandlers },
    heading: root.querySelector('h1')?.textContent ?? '',
    asOf: root.querySelector('.as-of')?.textContent ?? null,
  };
}

function epochMs(sincePageStart: number): number {
  return performance.timeOrigin + sincePageStart;
}

/** The page's own start-up: when it began loading, when the bundle arrived, when the script was ready. */
function pageTimeline(): Pick<RenderTimeline, 'pageStartAt' | 'scriptLoadedAt' | 'scriptReadyAt'> {
  const bundle = performance
    .getEntriesByType('resource')
    .find((entry): entry is PerformanceResourceTiming => entry instanceof PerformanceResourceTiming && entry.initiatorType === 'script' && /\/webview\.js(\?|$)/.test(entry.name));
  return { pageStartAt: performance.timeOrigin, scriptLoadedAt: bundle ? epochMs(bundle.responseEnd) : null, scriptReadyAt };
}

let resizeTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => current && draw(current), 150);
});

const saved = vscode.getState() as Partial<SavedState> | undefined;
if (saved?.data) {
  current = saved.data;
  draw(saved.data);
}
post({ type: 'ready' });
