import type { DashboardData, WebviewMessage } from '../src/dashboard/protocol';
import { errorMessage } from '../src/shared/errorMessage';
import { formatDate } from '../src/shared/format';
import { WINDOW_CHOICES, windowLabel } from '../src/shared/timeWindow';
import { el, note } from './dom';
import { activitySection } from './sections/activity';
import { categoriesSection } from './sections/categories';
import type { LaterDrawing, RenderContext } from './sections/context';
import { firstResponseSection } from './sections/firstResponse';
import { headlinesSection } from './sections/headlines';
import { leadersSection } from './sections/leaders';
import { needsResponseSection } from './sections/needsResponse';
import { networkSection } from './sections/network';
import { participationSection } from './sections/participation';
import { retentionSection } from './sections/retention';
import { button, dropdown } from './controls';

/** The dashboard's drawing: the header with its controls and every section with its chart and table. */

/** What is left to draw once the page has painted the sections: run it then, and it says what its layout took. */
export interface Drawn {
  drawLater(): { readonly layoutMs: number | null };
}

/** Draws `data` into `root`, replacing what was there; `post` carries the user's actions to the extension. */
export function draw(root: HTMLElement, data: DashboardData, post: (message: WebviewMessage) => void): Drawn {
  const later: LaterDrawing[] = [];
  const context: RenderContext = { ...chartWidths(root), post, afterPaint: (drawing) => later.push(drawing) };
  const sections: (() => HTMLElement)[] = [
    () => headlinesSection(data),
    () => firstResponseSection(data, context),
    () => activitySection(data, context),
    () => retentionSection(data, context),
    () => participationSection(data, context),
    () => leadersSection(data, context),
    () => networkSection(data, context),
    () => categoriesSection(data),
    () => needsResponseSection(data, context),
  ];
  root.removeAttribute('aria-busy');
  root.replaceChildren(header(data, post), ...sections.map((drawSection) => drawSafely(drawSection, post)));
  return {
    drawLater: () => {
      let layoutMs: number | null = null;
      for (const drawing of later) {
        try {
          layoutMs = (layoutMs ?? 0) + drawing().layoutMs;
        } catch (error) {
          post({ type: 'problem', message: `a dashboard picture failed to draw: ${errorMessage(error)}` });
        }
      }
      return { layoutMs };
    },
  };
}

/** One failing section shows its error and leaves the others drawn. */
function drawSafely(drawSection: () => HTMLElement, post: (message: WebviewMessage) => void): HTMLElement {
  try {
    return drawSection();
  } catch (error) {
    const message = errorMessage(error);
    post({ type: 'problem', message: `a dashboard section failed to draw: ${message}` });
    return note(`This section could not be drawn: ${message}`);
  }
}

function header(data: DashboardData, post: (message: WebviewMessage) => void): HTMLElement {
  const window = data.report.window;
  return el(
    'header',
    {},
    el('h1', {}, `Community Pulse — ${data.repository}`),
    el(
      'p',
      { class: 'subtitle' },
      `${data.windowLabel}: ${formatDate(window.since)} to ${formatDate(window.until)}${data.syncedAt ? ` · synced ${data.syncedAt.slice(0, 16).replace('T', ' ')} UTC` : ''}`,
    ),
    data.asOf
      ? el(
          'p',
          { class: 'as-of', role: 'note' },
          el('strong', {}, `As of ${data.asOf}`),
          ': the community as it stood then (setting communityPulse.asOf), not live data. Later posts, answers and discussions are not counted.',
        )
      : null,
    data.partial
      ? el(
          'p',
          { class: 'partial', role: 'status' },
          el('strong', {}, data.partial),
          ': the first sync is still fetching this repository’s discussions, so every figure here counts only those fetched so far. It redraws as more arrive.',
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
function chartWidths(root: HTMLElement): { width: number; fullWidth: number } {
  const fullWidth = Math.max(280, root.clientWidth);
  const width = fullWidth >= 2 * PAIR_MIN_WIDTH + PAIR_GAP ? Math.floor((fullWidth - PAIR_GAP) / 2) : fullWidth;
  return { width, fullWidth };
}
