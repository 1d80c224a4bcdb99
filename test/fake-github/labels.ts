import { chance, type Random } from './random';

/** A label as GitHub's `labels` connection lists it (`color`: hex without `#`). */
export interface GeneratedLabel {
  name: string;
  color: string;
}

// GitHub's default labels and colours.
const QUESTION = { name: 'question', color: 'd876e3' };
const BUG = { name: 'bug', color: 'd73a4a' };
const ENHANCEMENT = { name: 'enhancement', color: 'a2eeef' };
const DOCUMENTATION = { name: 'documentation', color: '0075ca' };
const GOOD_FIRST_ISSUE = { name: 'good first issue', color: '7057ff' };
const HELP_WANTED = { name: 'help wanted', color: '008672' };

/** Labels as maintainers put them: many questions and bugs in Q&A, enhancements on ideas, most discussions none. */
export function chooseLabels(random: Random, category: string): GeneratedLabel[] {
  const labels: GeneratedLabel[] = [];
  const add = (label: GeneratedLabel, probability: number) => {
    if (chance(random, probability)) labels.push({ ...label });
  };
  if (category === 'Q&A') {
    add(QUESTION, 0.3);
    add(BUG, 0.1);
    add(DOCUMENTATION, 0.06);
  } else if (category === 'Ideas') {
    add(ENHANCEMENT, 0.5);
    add(GOOD_FIRST_ISSUE, 0.08);
    add(HELP_WANTED, 0.1);
  } else {
    add(DOCUMENTATION, 0.03);
  }
  return labels;
}
