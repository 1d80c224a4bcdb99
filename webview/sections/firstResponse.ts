import type { DashboardData } from '../../src/dashboard/protocol';
import { formatCount, formatPercent, formatSeconds } from '../../src/shared/format';
import { barChart, COLORS, lineChart } from '../charts';
import { el, figure, note, section, tableBehind } from '../dom';
import type { RenderContext } from './context';

/** How long first responses take: the distribution over time bands, and the weekly median against the target. */
export function firstResponseSection(data: DashboardData, context: RenderContext): HTMLElement {
  const { firstResponse: summary } = data.report;
  const series = data.firstResponse;
  const targetHours = summary.targetHours;
  const bars = [...series.bins.map((bin) => ({ label: bin.label, value: bin.count })), { label: 'none yet', value: series.noResponse }];
  const distribution = el(
    'div',
    { class: 'panel' },
    el('h3', {}, 'Time to first response'),
    el(
      'p',
      { class: 'figures' },
      `${formatCount(summary.count)} of ${formatCount(summary.discussions)} responded · median `,
      figure(formatSeconds(summary.medianSeconds), summary.reasons['medianSeconds']),
      ' · p90 ',
      figure(formatSeconds(summary.p90Seconds), summary.reasons['p90Seconds']),
      ' · mean ',
      figure(formatSeconds(summary.meanSeconds), summary.reasons['meanSeconds']),
      ` · within ${formatCount(targetHours)} h: `,
      figure(formatPercent(summary.withinTargetRate), summary.reasons['withinTargetRate']),
    ),
    barChart(bars, { width: context.width, yLabel: 'discussions', description: 'Discussions by time to first response' }),
    tableBehind({
      caption: 'Discussions by time to first response',
      headers: ['Time to first response', 'Discussions'],
      rows: bars.map((bar) => [bar.label, formatCount(bar.value)]),
      numeric: [1],
    }),
  );
  const weeks = series.weeks;
  const weekly = el(
    'div',
    { class: 'panel' },
    el('h3', {}, 'Weekly median first response'),
    weeks.some((week) => week.medianHours !== null)
      ? lineChart([{ name: 'median', color: COLORS.blue, points: weeks.map((week) => ({ x: new Date(week.week), y: week.medianHours })) }], {
          width: context.width,
          yLabel: 'hours',
          description: `Weekly median first response in hours, with the ${targetHours}-hour target`,
          rule: { y: targetHours, label: `target ${formatCount(targetHours)} h` },
        })
      : note('No discussion opened in this window has a response yet.'),
    tableBehind({
      caption: 'Weekly median first response',
      headers: ['Week of', 'Opened', 'Responded', 'Median first response'],
      rows: weeks.map((week) => [
        `${week.week}${week.partial ? ' (partial)' : ''}`,
        formatCount(week.discussions),
        formatCount(week.responded),
        formatSeconds(week.medianSeconds),
      ]),
      numeric: [1, 2, 3],
    }),
  );
  return section('first-response', 'Response times', el('div', { class: 'pair' }, distribution, weekly));
}
