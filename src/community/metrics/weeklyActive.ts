import type { ActivityWeek } from '../reportSchema';
import { NOBODY_POSTED } from './explain';

export type WeeklyActiveParticipants = { readonly mean: number; readonly reason?: undefined } | { readonly mean: null; readonly reason: string };

/**
 * Weekly active participants of a window: the mean of the weekly distinct-participant counts over the
 * window's whole weeks (a week cut by the window's edge would pull the mean down). When the window
 * holds no whole week, its partial weeks are used. No figure (rather than a mean of zeros) when nobody
 * posted in the window at all, or when there is no week.
 */
export function weeklyActiveParticipants(weeks: readonly ActivityWeek[]): WeeklyActiveParticipants {
  if (weeks.length === 0) return { mean: null, reason: 'the window holds no week' };
  if (weeks.every((week) => week.activeParticipants === 0)) return { mean: null, reason: NOBODY_POSTED };
  const whole = weeks.filter((week) => !week.partial);
  const counted = whole.length > 0 ? whole : weeks;
  return { mean: counted.reduce((sum, week) => sum + week.activeParticipants, 0) / counted.length };
}
