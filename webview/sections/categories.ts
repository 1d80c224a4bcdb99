import { categoryAdviceRule, categoryAdviceSentences, figureLabel, type DashboardData } from '../../src/dashboard/protocol';
import { formatCount, formatPercent, formatSeconds } from '../../src/shared/format';
import { figure, note, section, table } from '../dom';

/** Category health, with what its figures advise (split, merge, close) in words and the thresholds in force. */
export function categoriesSection(data: DashboardData): HTMLElement {
  const { categories, settings } = data.report;
  const label = (id: 'answerRate' | 'firstResponseMedian') => figureLabel(id, settings.responseTargetHours);
  if (categories.length === 0) return section('categories', 'Categories', note('No category has a discussion in this window.'));
  return section(
    'categories',
    'Categories',
    table({
      caption: 'Category health in the window',
      headers: ['Category', 'Discussions', 'Responses', 'Participants', label('answerRate'), label('firstResponseMedian'), 'No response', 'Advice'],
      rows: categories.map((category) => [
        category.name,
        formatCount(category.discussions),
        formatCount(category.responses),
        formatCount(category.participants),
        category.answerable ? figure(formatPercent(category.answerRate), category.reasons['answerRate']) : 'not Q&A',
        figure(formatSeconds(category.medianFirstResponseSeconds), category.reasons['medianFirstResponseSeconds']),
        figure(formatPercent(category.noResponseShare), category.reasons['noResponseShare']),
        categoryAdviceSentences(category, settings.categoryAdvice).join('; '),
      ]),
      numeric: [1, 2, 3, 4, 5, 6],
    }),
    note(categoryAdviceRule(settings.categoryAdvice)),
  );
}
