import { figureLabel, type DashboardData } from '../../src/dashboard/protocol';
import { formatCoefficient, formatCount, formatPercent } from '../../src/shared/format';
import { lorenzChart } from '../charts';
import { el, figure, note, section, tableBehind } from '../dom';
import type { RenderContext } from './context';

/** Who does the responding: concentration figures and the Lorenz curve of responses per responder. */
export function participationSection(data: DashboardData, context: RenderContext): HTMLElement {
  const participation = data.report.participation;
  const { reasons } = participation;
  const label = (id: 'responders' | 'responses' | 'absenceFactor') => figureLabel(id, data.report.settings.responseTargetHours);
  const figures: [string, string | HTMLElement, string][] = [
    [label('responders'), formatCount(participation.responders), 'Distinct people with a response in the window.'],
    [
      label('responses'),
      formatCount(participation.responses),
      'Comments and replies by someone other than the discussion’s author, not bots, not deleted or minimized.',
    ],
    [
      label('absenceFactor'),
      figure(formatCount(participation.absenceFactor), reasons['absenceFactor']),
      'The fewest responders who together made at least half of the responses.',
    ],
    ['Top 10% share', figure(formatPercent(participation.top10Share), reasons['top10Share']), 'Share of the responses made by the top ⌈10%⌉ of responders.'],
    [
      'Gini',
      figure(formatCoefficient(participation.gini), reasons['gini']),
      'Gini coefficient of responses per responder: 0 everyone equal, near 1 a single person.',
    ],
    ['Maintainer share', figure(formatPercent(participation.maintainerShare), reasons['maintainerShare']), 'Share of the responses made by maintainers.'],
  ];
  const list = el(
    'dl',
    { class: 'figure-list' },
    ...figures.flatMap(([term, value, definition]) => [el('dt', { title: definition }, term), el('dd', {}, value)]),
  );
  const points = data.lorenz;
  return section(
    'participation',
    'Participation',
    el(
      'div',
      { class: 'pair' },
      el('div', { class: 'panel' }, list),
      el(
        'div',
        { class: 'panel' },
        points.length > 0
          ? lorenzChart(points, { width: context.width, description: 'Lorenz curve of responses per responder' })
          : note('No response in this window.'),
        tableBehind({
          caption: 'Lorenz curve of responses per responder',
          headers: ['Share of responders (fewest first)', 'Share of responses'],
          rows: points.map((point) => [formatPercent(point.responders), formatPercent(point.responses)]),
          numeric: [0, 1],
        }),
      ),
    ),
  );
}
