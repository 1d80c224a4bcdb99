import { DAY_MS } from './format';

/**
 * The time windows a maintainer can pick (shared by the Health and People views, the status bar and the
 * dashboard). Pure: the VS Code side persists the choice, the webview shows the same labels.
 */
export const WINDOW_CHOICES = ['30', '90', '180', '365', 'all'] as const;
export type WindowChoice = (typeof WINDOW_CHOICES)[number];

export const DEFAULT_WINDOW_CHOICE: WindowChoice = '90';

export function isWindowChoice(value: unknown): value is WindowChoice {
  return typeof value === 'string' && (WINDOW_CHOICES as readonly string[]).includes(value);
}

/** `Last 90 days`, `All time`. */
export function windowLabel(choice: WindowChoice): string {
  return choice === 'all' ? 'All time' : `Last ${choice} days`;
}

/** `90 d`, `all`: for narrow places such as the status bar. */
export function windowShortLabel(choice: WindowChoice): string {
  return choice === 'all' ? 'all time' : `${choice} d`;
}

/**
 * The report window `[since, until)` of a choice. "All time" starts at the first discussion (or a day
 * before `until` when there is none), so its previous window is empty and its trends honestly absent.
 */
export function resolveWindow(choice: WindowChoice, until: number, firstCreatedAt: number | null): { since: number; until: number } {
  if (choice !== 'all') return { since: until - Number(choice) * DAY_MS, until };
  const since = firstCreatedAt !== null && firstCreatedAt < until ? firstCreatedAt : until - DAY_MS;
  return { since, until };
}
