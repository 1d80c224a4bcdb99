import type { CategoryAdvice, Report } from '../community/reportSchema';
import { categoryAdviceRule, categoryAdviceSentences } from '../report/figures';
import { countOf } from '../shared/format';

/**
 * The Health view's "Category advice" group: each category the engine flagged (`report.categories[i].advice`)
 * with what it suggests in the words every surface uses (figures.ts). Pure: the view turns it into tree items.
 */

export interface AdvisedCategoryRow {
  readonly kind: 'advisedCategory';
  /** The tree item's id: unique within the view. */
  readonly id: string;
  readonly name: string;
  readonly advice: readonly CategoryAdvice[];
  /** One sentence per flag, with the figures behind it. */
  readonly sentences: readonly string[];
  /** The sentences on one line. */
  readonly description: string;
  /** The sentences, one a line, and the thresholds in force. */
  readonly tooltip: string;
}

export interface CategoryAdviceGroup {
  readonly kind: 'categoryAdvice';
  readonly id: 'categoryAdvice';
  readonly label: 'Category advice';
  /** `2 categories flagged`, or `no category flagged`. */
  readonly description: string;
  /** The thresholds in force: what "flagged" means. */
  readonly tooltip: string;
  /** The flagged categories, in the report's order (busiest first). */
  readonly rows: readonly AdvisedCategoryRow[];
}

/**
 * The group is there even when nothing is flagged: "no category flagged", with the thresholds, tells a maintainer
 * the check ran and their categories passed it, where a missing group would leave them wondering whether it ran.
 */
export function buildCategoryAdvice(report: Pick<Report, 'categories' | 'settings'>): CategoryAdviceGroup {
  const thresholds = report.settings.categoryAdvice;
  const rule = categoryAdviceRule(thresholds);
  const rows = report.categories
    .filter((category) => category.advice.length > 0)
    .map((category): AdvisedCategoryRow => {
      const sentences = categoryAdviceSentences(category, thresholds);
      return {
        kind: 'advisedCategory',
        id: `categoryAdvice/${category.name}`,
        name: category.name,
        advice: category.advice,
        sentences,
        description: sentences.join('; '),
        tooltip: `${category.name}\n\n${sentences.map((sentence) => `• ${sentence}`).join('\n')}\n\n${rule}`,
      };
    });
  return {
    kind: 'categoryAdvice',
    id: 'categoryAdvice',
    label: 'Category advice',
    description: rows.length === 0 ? 'no category flagged' : `${countOf(rows.length, 'category', 'categories')} flagged`,
    tooltip: rule,
    rows,
  };
}
