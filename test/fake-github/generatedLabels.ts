import { GITHUB_DEFAULT_LABELS } from './labels';
import { chance, type Random } from './random';

/** A label as GitHub's `labels` connection lists it (`color`: hex without `#`). */
export interface GeneratedLabel {
  name: string;
  color: string;
}

// GitHub's default labels, with the colours the fake GitHub gives them.
const defaultLabel = (name: string): GeneratedLabel => {
  const label = GITHUB_DEFAULT_LABELS.find((candidate) => candidate.name === name);
  if (!label) throw new Error(`"${name}" is not one of GitHub's default labels`);
  return { name: label.name, color: label.color };
};
const QUESTION = defaultLabel('question');
const BUG = defaultLabel('bug');
const ENHANCEMENT = defaultLabel('enhancement');
const DOCUMENTATION = defaultLabel('documentation');
const GOOD_FIRST_ISSUE = defaultLabel('good first issue');
const HELP_WANTED = defaultLabel('help wanted');

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
