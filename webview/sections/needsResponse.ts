import { figureLabel, type DashboardData } from '../../src/dashboard/protocol';
import { formatCount } from '../../src/shared/format';
import { el, linkButton, note, section, table } from '../dom';
import type { RenderContext } from './context';

/**
 * What waits on the team now, or at the as-of moment (not windowed: every open discussion, however old):
 * the bucket counts and the longest-waiting discussions.
 */
export function needsResponseSection(data: DashboardData, context: RenderContext): HTMLElement {
  const counts = data.report.needsResponse;
  return section(
    'needs-response',
    data.asOf ? `Needs response as of ${data.asOf}` : 'Needs response now',
    note(
      `Every open discussion waiting on the team, however old, as in the Needs Response view. The “${figureLabel('noResponse', data.report.settings.responseTargetHours)}” figure above counts only discussions opened in the window.`,
    ),
    el(
      'p',
      { class: 'figures' },
      `${formatCount(counts.total)} waiting: ${formatCount(counts.noResponse)} with no response, ${formatCount(counts.awaitingReply)} where the author replied, ${formatCount(counts.unmarkedAnswer)} with an answer not marked after ${formatCount(counts.staleDays)} days`,
    ),
    data.waiting.length > 0
      ? table({
          caption: 'Longest-waiting discussions',
          headers: ['Discussion', 'Waiting', 'Why', 'Author', 'Category'],
          rows: data.waiting.map((item) => [
            linkButton(`#${item.number} ${item.title}`, `Open discussion #${item.number} on GitHub`, () =>
              context.post({ type: 'openDiscussion', number: item.number }),
            ),
            item.waiting,
            item.bucketLabel,
            `@${item.author}`,
            item.category ?? '—',
          ]),
          numeric: [1],
        })
      : note('Nothing waits on the team.'),
  );
}
