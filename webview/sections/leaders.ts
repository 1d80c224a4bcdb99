import { leaderRule, SCORE_COMPONENT_LABELS, SCORE_COMPONENTS, type Contributor, type DashboardData } from '../../src/dashboard/protocol';
import { formatCount, formatDate } from '../../src/shared/format';
import { el, linkButton, note, section, table } from '../dom';
import type { RenderContext } from './context';

/** Leader candidates with their score broken into parts; when none qualifies, the closest contributors and what they lack. */
export function leadersSection(data: DashboardData, context: RenderContext): HTMLElement {
  const { leaders, settings } = data.report;
  const weights = settings.scoreWeights;
  const person = (login: string) => linkButton(`@${login}`, `Open @${login}'s GitHub profile`, () => context.post({ type: 'openProfile', login }));
  const row = (contributor: Contributor) => [
    person(contributor.login),
    formatCount(contributor.score),
    ...SCORE_COMPONENTS.map((key) => `${formatCount(contributor[key])} (${formatCount(contributor.scoreParts[key])})`),
    formatDate(contributor.lastActive),
  ];
  const headers = ['Person', 'Score', ...SCORE_COMPONENTS.map((key) => `${SCORE_COMPONENT_LABELS[key]} (×${weights[key]})`), 'Last active'];
  const numeric = Array.from({ length: SCORE_COMPONENTS.length + 1 }, (_, index) => index + 1);
  const closest = data.nearCandidates;
  return section(
    'leaders',
    'Leader candidates',
    el('p', { class: 'note' }, `${leaderRule(settings.leader)} Score = Σ weight × component; each cell shows the component and (its part of the score).`),
    leaders.length > 0
      ? table({
          caption:
            data.leaderCount > leaders.length
              ? `Top ${leaders.length} of ${data.leaderCount} leader candidates by score (all are in the People view)`
              : 'Leader candidates by score',
          headers,
          rows: leaders.map(row),
          numeric,
        })
      : note('No one meets every threshold in this window.'),
    closest.length > 0
      ? el(
          'details',
          { class: 'data-table' },
          el('summary', {}, 'Most active contributors not (yet) candidates'),
          table({
            caption: 'Most active contributors who are not candidates, and what they lack',
            headers: ['Person', 'Responses', 'Not met'],
            rows: closest.map((contributor) => [person(contributor.login), formatCount(contributor.responses), contributor.unmet.join('; ')]),
            numeric: [1],
          }),
        )
      : null,
  );
}
