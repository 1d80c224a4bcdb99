import { comment, discussion, reply } from './discussionNodes';

/**
 * A hand-built community over two 30-day windows, with the headline figures of each worked out by
 * hand from the definitions (docs/metrics.md), so a test can tell the windows' figures apart.
 * T0 (2024-01-01) is a Monday: the previous window [day 0, day 30) holds the whole weeks of Jan 1, 8,
 * 15 and 22 and part of Jan 29's; the current window [day 30, day 60) part of Jan 29's, the whole
 * weeks of Feb 5, 12 and 19 and part of Feb 26's.
 */
const day = (n: number): number => n * 24;

export const CURRENT_WINDOW = { sinceHours: day(30), untilHours: day(60) } as const;

export const TWO_WINDOWS_NODES = [
  // Previous window. Week of Jan 1: alice, bob, carol, dave.
  discussion(1, 'alice', 0, { comments: [comment('bob', 2), comment('carol', 5)] }), // first response 2 h
  discussion(2, 'dave', day(1), { comments: [comment('bob', day(1) + 10)] }), // 10 h
  // Week of Jan 8: erin, carol, dave, frank, gina.
  discussion(3, 'erin', day(8), { comments: [comment('carol', day(8) + 4, { replies: [reply('dave', day(8) + 8)] })] }), // 4 h
  discussion(4, 'frank', day(9), { comments: [comment('erin', day(9) + 1)] }), // 1 h
  // Nobody in the week of Jan 15. Week of Jan 22: gina's own follow-up (activity, not a response).
  discussion(5, 'gina', day(10), { comments: [comment('gina', day(22))] }), // no response
  // Jan 29 (a partial week in both windows): harry opens on day 29, bob responds on day 31, in the current window.
  discussion(6, 'harry', day(29), { comments: [comment('bob', day(31))] }),
  // Current window. Week of Feb 5: ivan, bob. Week of Feb 12: judy, bob. Week of Feb 19: alice, carol.
  discussion(7, 'ivan', day(35), { comments: [comment('bob', day(35) + 1)] }), // 1 h
  discussion(8, 'judy', day(42), { comments: [comment('bob', day(42) + 30)] }), // 30 h
  discussion(9, 'alice', day(49), { comments: [comment('carol', day(49) + 4)] }), // 4 h
];

/** The previous window's figures, by hand. */
export const PREVIOUS_FIGURES = {
  // First responses 1, 2, 4, 10 h (discussions 5 and 6 have none by day 30): rank 0.9 × 3 = 2.7 → 4 + 0.7 × (10 − 4) = 8.2 h (to within float rounding).
  firstResponseP90Seconds: 29_520,
  // Responses: bob 2, carol 2, dave 1, erin 1 (6): bob alone made 2 < 3, bob and carol 4 ≥ 3.
  absenceFactor: 2,
  // Whole weeks 4, 5, 0, 1 people (the partial week of Jan 29, harry alone, is left out).
  weeklyActiveParticipants: (4 + 5 + 0 + 1) / 4,
};

/** The current window's figures, by hand. */
export const CURRENT_FIGURES = {
  // First responses 1, 4, 30 h: rank 0.9 × 2 = 1.8 → 4 + 0.8 × (30 − 4) = 24.8 h (to within float rounding).
  firstResponseP90Seconds: 89_280,
  // Responses: bob 3 (days 31, 35, 43), carol 1: bob alone made 3 ≥ 2.
  absenceFactor: 1,
  // Whole weeks 2, 2, 2 people (the partial weeks, bob alone on Jan 29 and nobody on Feb 26, are left out).
  weeklyActiveParticipants: (2 + 2 + 2) / 3,
};
