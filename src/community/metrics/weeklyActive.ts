import type { ActivityWeek } from '../reportSchema';

/**
 * Weekly active participants of a window: the mean of the weekly distinct-participant counts over the
 * window's whole weeks (a week cut by the window's edge would pull the mean down). When the window
 * holds no whole week, its partial weeks are used; with no week at all it is null.
 */
export function meanWeeklyActiveParticipants(weeks: readonly ActivityWeek[]): number | null {
  const whole = weeks.filter((week) => !week.partial);
  const counted = whole.length > 0 ? whole : weeks;
  if (counted.length === 0) return null;
  return counted.reduce((sum, week) => sum + week.activeParticipants, 0) / counted.length;
}
