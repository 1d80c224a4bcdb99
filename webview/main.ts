import { scriptStartedAt } from './scriptStart';
import './dashboard.css';
import { parseHostMessage, type DashboardData, type DomSummary, type HostMessage, type RenderTimeline, type WebviewMessage } from '../src/dashboard/protocol';
import { errorMessage } from '../src/shared/errorMessage';
import { note } from './dom';
import { draw } from './drawing';
import { releaseHostWorkerOnce } from './hostWorker';

/**
 * The dashboard webview: checks what the extension sends, draws it, and keeps it with setState so a reload
 * shows it at once. All of its code comes inside the page (shared/webviewHtml.ts), so it draws as soon as the data is
 * there.
 */
interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: SavedState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

interface SavedState {
  readonly data: DashboardData;
}

/** This module's imports (the protocol and its schemas, the drawing code and its libraries) are evaluated by now. */
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
  handle(parsed.message, { showReceivedAt: receivedAt, validatedAt: epochMs(performance.now()) });
});

/** When a message arrived and when it had been checked: the start of a `show`'s timeline. */
type Arrival = Pick<RenderTimeline, 'showReceivedAt' | 'validatedAt'>;

function handle(message: HostMessage, arrival: Arrival): void {
  switch (message.type) {
    case 'show':
      current = message.data;
      update(() => {
        const drawn = draw(root, message.data, post);
        const drawnAt = epochMs(performance.now());
        vscode.setState({ data: message.data });
        // Report once the browser has laid out and painted the new DOM, not when the script returns; then draw what
        // waited for that paint (the network picture), and say it is all there.
        afterPaint(() => {
          const paintedAt = epochMs(performance.now());
          const { layoutMs } = drawn.drawLater();
          const elapsedMs = message.requestedAt === null ? null : paintedAt - message.requestedAt;
          const timeline: RenderTimeline = { ...pageTimeline(), ...arrival, drawnAt, paintedAt };
          post({ type: 'rendered', requestedAt: message.requestedAt, elapsedMs, renderMs: paintedAt - arrival.showReceivedAt, timeline, layoutMs });
          releaseHostWorkerOnce();
        });
      });
      return;
    case 'status':
      update(() => {
        if (message.state !== 'loading' || current === null) root.replaceChildren(note(message.message));
        else root.setAttribute('aria-busy', 'true');
      });
      return;
    case 'inspect':
      update(() => post({ type: 'inspection', requestId: message.requestId, summary: inspect() }));
      return;
  }
}

/** Runs `then` once the browser has painted what was just drawn (a frame, then the task after it). */
function afterPaint(then: () => void): void {
  requestAnimationFrame(() => setTimeout(then, 0));
}

/** Draws `data`, and what waits for the paint after it. */
function redraw(data: DashboardData): void {
  const drawn = draw(root, data, post);
  afterPaint(() => drawn.drawLater());
}

/** Changes the page; a change that fails is reported to the extension, and the next message is still handled. */
function update(change: () => void): void {
  try {
    change();
  } catch (error) {
    post({ type: 'problem', message: `the dashboard failed to update: ${errorMessage(error)}` });
  }
}

function inspect(): DomSummary {
  const tables: Record<string, string[][]> = {};
  const charts: Record<string, number> = {};
  root.querySelectorAll('section').forEach((section) => {
    const rows: string[][] = [];
    section
      .querySelectorAll('table')
      .forEach((table) => table.querySelectorAll('tr').forEach((tr) => rows.push(Array.from(tr.children, (cell) => cell.textContent ?? ''))));
    section
      .querySelectorAll('dl')
      .forEach((list) => list.querySelectorAll('dt').forEach((term) => rows.push([term.textContent ?? '', term.nextElementSibling?.textContent ?? ''])));
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
    partial: root.querySelector('.partial')?.textContent ?? null,
    status: root.childElementCount === 1 && root.firstElementChild?.matches('p.note') ? root.firstElementChild.textContent : null,
  };
}

function epochMs(sincePageStart: number): number {
  return performance.timeOrigin + sincePageStart;
}

/** The page's own start-up: when it began loading, when its frame had arrived, when its script began to run and was ready. */
function pageTimeline(): Pick<RenderTimeline, 'pageStartAt' | 'frameArrivedAt' | 'scriptStartedAt' | 'scriptReadyAt'> {
  const frame = performance.getEntriesByType('navigation').find((entry) => entry instanceof PerformanceNavigationTiming);
  return { pageStartAt: performance.timeOrigin, frameArrivedAt: frame ? epochMs(frame.responseEnd) : null, scriptStartedAt, scriptReadyAt };
}

let resizeTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => current && update(() => current && redraw(current)), 150);
});

const saved = vscode.getState() as Partial<SavedState> | undefined;
if (saved?.data) {
  const data = saved.data;
  current = data;
  update(() => redraw(data));
}
post({ type: 'ready' });
