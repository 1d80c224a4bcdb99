import type { Cohort } from '../reportSchema';
import { rate } from './stats';

/**
 * Retention as shares: for each cohort, `active[k] / size`, the fraction of its people who posted in
 * month cohort + k (so `[0]` is 1). A cohort nobody joined has no shares (null), not 0%.
 */
export function cohortRates(cohorts: readonly Cohort[]): (number | null)[][] {
  return cohorts.map((cohort) => cohort.active.map((active) => rate(active, cohort.size)));
}
