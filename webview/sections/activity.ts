import type { DashboardData } from '../../src/dashboard/protocol';
import { formatCount } from '../../src/shared/format';
import { COLORS, lineChart } from '../charts';
import { el, figure, legend, note, section, tableBehind } from '../dom';
import type { RenderContext } from './context';

/** Weekly discussions, comments, replies and active participants, as the engine counts them. */
export function activitySection(data: DashboardData, context: RenderContext): HTMLElement {
  const { weeks, responsesPerDiscussion } = data.report.activity;
  const at = (week: string) => new Date(week);
  const series = [
    { name: 'Discussions opened', color: COLORS.blue, points: weeks.map((week) => ({ x: at(week.week), y: week.discussions })) },
    { name: 'Comments', color: COLORS.orange, points: weeks.map((week) => ({ x: at(week.week), y: week.comments })) },
    { name: 'Replies', color: COLORS.purple, points: weeks.map((week) => ({ x: at(week.week), y: week.replies })) },
    { name: 'Active participants', color: COLORS.green, points: weeks.map((week) => ({ x: at(week.week), y: week.activeParticipants })) },
  ];
  return section(
    'activity',
    'Weekly activity',
    el(
      'p',
      { class: 'figures' },
      'Responses per discussion opened in the window: mean ',
      figure(formatCount(responsesPerDiscussion.mean), responsesPerDiscussion.reasons['mean']),
      ', median ',
      figure(formatCount(responsesPerDiscussion.median), responsesPerDiscussion.reasons['median']),
    ),
    weeks.length > 0 ? legend(series) : null,
    weeks.length > 0
      ? lineChart(series, { width: context.fullWidth, yLabel: 'per week', description: 'Weekly discussions, comments, replies and active participants' })
      : note('No week in this window.'),
    tableBehind({
      caption: 'Weekly activity',
      headers: ['Week of', 'Discussions', 'Comments', 'Replies', 'Active participants'],
      rows: weeks.map((week) => [
        `${week.week}${week.partial ? ' (partial)' : ''}`,
        formatCount(week.discussions),
        formatCount(week.comments),
        formatCount(week.replies),
        formatCount(week.activeParticipants),
      ]),
      numeric: [1, 2, 3, 4],
    }),
  );
}
