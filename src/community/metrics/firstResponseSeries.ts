import { DAY_SECONDS, HOUR_SECONDS, SECOND_MS } from '../../shared/time';
import { weekIndex, weekName, weekStart } from './calendar';
import type { CommunityFacts } from './facts';
import { percentileOfSorted } from './stats';
import { inWindow, type Window } from './window';

/**
 * The shape of the first-response times behind the report's summary (for the dashboard's charts):
 * how many discussions opened in the window got their first response within each time band, and the
 * median per week of opening. Same population and definition as the report's `firstResponse`:
 * discussions opened by a person in the window; a first response counts when it came before `until`.
 */
export interface FirstResponseSeries {
  readonly bins: FirstResponseBin[];
  /** Opened in the window and no response before `until`. */
  readonly noResponse: number;
  readonly weeks: FirstResponseWeek[];
}

export interface FirstResponseBin {
  /** `< 1 h`, `1–4 h`, …, `≥ 7 d`. */
  readonly label: string;
  /** The band is `[fromSeconds, toSeconds)`; the last band has no upper end. */
  readonly fromSeconds: number;
  readonly toSeconds: number | null;
  readonly count: number;
}

export interface FirstResponseWeek {
  /** `YYYY-MM-DD`, the Monday starting the ISO week the discussions were opened in. */
  readonly week: string;
  /** The week extends past the window, whose part only is counted. */
  readonly partial: boolean;
  readonly discussions: number;
  readonly responded: number;
  /** Median first-response time of the week's responded discussions; null when none was. */
  readonly medianSeconds: number | null;
  /** The same in hours, as the weekly chart draws it against the target (in hours). */
  readonly medianHours: number | null;
}

const BAND_EDGES: readonly [string, number][] = [
  ['< 1 h', 0],
  ['1–4 h', HOUR_SECONDS],
  ['4–12 h', 4 * HOUR_SECONDS],
  ['12–24 h', 12 * HOUR_SECONDS],
  ['1–2 d', DAY_SECONDS],
  ['2–7 d', 2 * DAY_SECONDS],
  ['≥ 7 d', 7 * DAY_SECONDS],
];

export function firstResponseSeries(facts: CommunityFacts, window: Window): FirstResponseSeries {
  const counts = new Array<number>(BAND_EDGES.length).fill(0);
  const firstWeek = weekIndex(window.since);
  const lastWeek = weekIndex(window.until - 1);
  const perWeek = Array.from({ length: lastWeek - firstWeek + 1 }, () => ({ discussions: 0, durations: [] as number[] }));
  let noResponse = 0;
  const { createdAt, firstResponseAt } = facts.perDiscussion;
  for (let d = 0; d < facts.perDiscussion.length; d++) {
    const opened = createdAt[d]!;
    if (!inWindow(opened, window)) continue;
    const week = perWeek[weekIndex(opened) - firstWeek]!;
    week.discussions++;
    const respondedAt = firstResponseAt[d]!;
    if (respondedAt >= window.until) {
      noResponse++;
      continue;
    }
    const seconds = (respondedAt - opened) / SECOND_MS;
    week.durations.push(seconds);
    counts[bandOf(seconds)]!++;
  }
  return {
    bins: BAND_EDGES.map(([label, fromSeconds], index) => ({
      label,
      fromSeconds,
      toSeconds: BAND_EDGES[index + 1]?.[1] ?? null,
      count: counts[index]!,
    })),
    noResponse,
    weeks: perWeek.map((week, offset): FirstResponseWeek => {
      const index = firstWeek + offset;
      const sorted = Float64Array.from(week.durations).sort();
      const medianSeconds = sorted.length > 0 ? percentileOfSorted(sorted, 50) : null;
      return {
        week: weekName(index),
        partial: weekStart(index) < window.since || weekStart(index + 1) > window.until,
        discussions: week.discussions,
        responded: sorted.length,
        medianSeconds,
        medianHours: medianSeconds === null ? null : medianSeconds / HOUR_SECONDS,
      };
    }),
  };
}

function bandOf(seconds: number): number {
  let band = 0;
  while (band + 1 < BAND_EDGES.length && seconds >= BAND_EDGES[band + 1]![1]) band++;
  return band;
}
