import { figureLabel, type DashboardData } from '../../src/dashboard/protocol';
import { formatCount, formatPercent, formatSeconds } from '../../src/shared/format';
import { figure, note, section, table } from '../dom';

/** Category health with the crowded / quiet flags and what to do about them. */
export function categoriesSection(data: DashboardData): HTMLElement {
  const { categories, settings } = data.report;
  const label = (id: 'answerRate' | 'firstResponseMedian') => figureLabel(id, settings.responseTargetHours);
  const flags = (category: (typeof categories)[number]) => category.advice.join('; ');
  return section(
    'categories',
    'Categories',
    categories.length > 0
      ? table({
          caption: 'Category health in the window',
          headers: ['Category', 'Discussions', 'Responses', 'Participants', label('answerRate'), label('firstResponseMedian'), 'No response', 'Flags'],
          rows: categories.map((category) => [
            category.name,
            formatCount(category.discussions),
            formatCount(category.responses),
            formatCount(category.participants),
            category.answerable ? figure(formatPercent(category.answerRate), category.reasons['answerRate']) : 'not Q&A',
            figure(formatSeconds(category.medianFirstResponseSeconds), category.reasons['medianFirstResponseSeconds']),
            figure(formatPercent(category.noResponseShare), category.reasons['noResponseShare']),
            flags(category),
          ]),
          numeric: [1, 2, 3, 4, 5, 6],
        })
      : note('No category has a discussion in this window.'),
  );
}
