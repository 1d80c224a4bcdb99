import type { DashboardData } from '../../src/dashboard/protocol';
import { el, figure, table } from '../dom';

/**
 * The headline cards (the same rows as the Health view) and, as their text alternative, a table. Each
 * card's tooltip: its definition quoted from docs/metrics.md and, for a dash, the engine's reason.
 */
export function headlinesSection(data: DashboardData): HTMLElement {
  const cards = data.headlines.map((row) =>
    el(
      'div',
      { class: 'card', role: 'group', 'aria-label': row.label, title: row.tooltip, tabindex: '0' },
      el('div', { class: 'card-label' }, row.label),
      el('div', { class: 'card-value' }, row.value),
      row.change
        ? el('div', { class: `card-change ${row.change.tone}` }, `${row.change.arrow} ${row.change.text}`)
        : row.missingReason
          ? el('div', { class: 'card-change neutral' }, 'no figure: hover for why')
          : null,
      // The figure never breaks from its unit (`2.3 d`) in a narrow card.
      el(
        'div',
        { class: 'card-previous' },
        row.previousFigure === null ? row.previousWindow : `${row.previousWindow}: `,
        row.previousFigure !== null && el('span', { class: 'figure-text' }, row.previousFigure),
      ),
    ),
  );
  const alternative = table({
    caption: 'Headline figures and change from the previous window',
    headers: ['Figure', 'Value', 'Change', 'Previous window'],
    rows: data.headlines.map((row) => [
      row.label,
      figure(row.value, row.missingReason ?? undefined),
      row.change ? `${row.change.arrow} ${row.change.text}` : '—',
      row.previous,
    ]),
  });
  return el(
    'section',
    { id: 'headlines', 'aria-labelledby': 'headlines-title' },
    el('h2', { id: 'headlines-title', class: 'visually-hidden' }, 'Headline figures'),
    el('div', { class: 'cards' }, ...cards),
    el('details', { class: 'data-table' }, el('summary', {}, 'Table: headline figures'), alternative),
  );
}
