import type { DashboardData } from '../../src/dashboard/protocol';
import { formatCount, formatPercent } from '../../src/shared/format';
import { heatmap } from '../charts';
import { el, figure, note, section, tableBehind } from '../dom';
import type { RenderContext } from './context';

/**
 * Retention cohorts: people by the month of their first post, and how many of them posted again k
 * months later. The shade is the engine's share of the cohort (`retentionRates`), not worked out here.
 */
export function retentionSection(data: DashboardData, context: RenderContext): HTMLElement {
  const { cohorts, participants, newParticipants } = data.report.retention;
  // As the headline shows it (no figure over all history, where nobody can have posted before the window).
  const returning = data.headlines.find((row) => row.id === 'returningRate');
  const rates = data.retentionRates;
  const cells = cohorts.flatMap((cohort, row) =>
    cohort.active.map((active, column) => ({ column, row: cohort.month, share: rates[row]?.[column] ?? null, label: formatCount(active) })),
  );
  const months = Math.max(0, ...cohorts.map((cohort) => cohort.active.length));
  const newest = newParticipants.at(-1);
  return section(
    'retention',
    'Retention',
    el(
      'p',
      { class: 'figures' },
      `${formatCount(participants)} participants in the window · returning `,
      returning ? figure(returning.value, returning.missingReason ?? undefined) : null,
      newest ? ` · new in ${newest.month}: ${formatCount(newest.count)}` : '',
    ),
    note(
      'Each row: the people whose first post was in that month. Each cell: how many of them posted again k months later, shaded by their share of the row (+0 is the month itself; the latest month may be partial).',
    ),
    cohorts.length > 0
      ? heatmap(cells, {
          width: context.fullWidth,
          xLabel: 'months after the first post →',
          description: 'Retention cohorts: people by month of first post and how many posted in each later month',
          rows: cohorts.map((cohort) => cohort.month),
        })
      : note('No cohort yet.'),
    tableBehind({
      caption: 'Retention cohorts (people who posted k months after their first post)',
      headers: ['First post in', 'People', ...Array.from({ length: months }, (_, k) => `+${k}`)],
      rows: cohorts.map((cohort, row) => [
        cohort.month,
        formatCount(cohort.size),
        ...Array.from({ length: months }, (_, k) => {
          const active = cohort.active[k];
          const share = rates[row]?.[k] ?? null;
          if (active === undefined) return '';
          return share === null ? formatCount(active) : `${formatCount(active)} (${formatPercent(share)})`;
        }),
      ]),
      numeric: Array.from({ length: months + 1 }, (_, index) => index + 1),
    }),
  );
}
