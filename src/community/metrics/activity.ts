import type { Activity, ActivityWeek } from '../reportSchema';
import { weekName, weekStart } from './calendar';
import { explainNulls } from './explain';
import { POST_KIND_CODES, rowsOfDays, type CommunityFacts } from './facts';
import { NumberList, summarize } from './stats';
import type { WindowTotals } from './windowTotals';

/**
 * Week by week over the window: discussions opened, comments and replies posted, and active
 * participants (distinct people with any post that week). Weeks cut by the window's edges are marked
 * `partial` and count the window's part only. Both read the window's totals; `responsesPerDiscussion` is apart
 * because the headline needs the weeks alone (for the previous window too).
 */
export function activityWeeks(totals: WindowTotals): ActivityWeek[] {
  const { window, firstWeek, weekCount, postsPerKindAndWeek, activeParticipantsPerWeek } = totals;
  return Array.from({ length: weekCount }, (_, offset): ActivityWeek => {
    const week = firstWeek + offset;
    return {
      week: weekName(week),
      partial: weekStart(week) < window.since || weekStart(week + 1) > window.until,
      discussions: postsPerKindAndWeek[POST_KIND_CODES.opening * weekCount + offset]!,
      comments: postsPerKindAndWeek[POST_KIND_CODES.comment * weekCount + offset]!,
      replies: postsPerKindAndWeek[POST_KIND_CODES.reply * weekCount + offset]!,
      activeParticipants: activeParticipantsPerWeek[offset]!,
    };
  });
}

/** The mean and median number of responses (by `until`) per discussion created in the window. */
export function responsesPerDiscussion(facts: CommunityFacts, totals: WindowTotals): Activity['responsesPerDiscussion'] {
  const { since, until } = totals.window;
  // A discussion opened in the window has its responses in it too, unless the data says some came before it was opened.
  const responseCount = facts.postsFollowTheirDiscussion ? totals.responsesPerDiscussion : withResponsesBefore(facts, since, totals.responsesPerDiscussion);
  const counts = new NumberList();
  const { createdAt } = facts.perDiscussion;
  for (let d = 0; d < facts.perDiscussion.length; d++) {
    if (createdAt[d]! >= since && createdAt[d]! < until) counts.push(responseCount[d]!);
  }
  const summary = summarize(counts.toArray());
  const noDiscussions = 'no discussion was created in the window';
  return explainNulls({ mean: summary.mean, median: summary.median }, { mean: noDiscussions, median: noDiscussions });
}

/** `responsesPerDiscussion` plus each discussion's responses posted before `since`. */
function withResponsesBefore(facts: CommunityFacts, since: number, responsesPerDiscussion: Int32Array): Int32Array {
  const { posts } = facts;
  const counts = responsesPerDiscussion.slice();
  const { first, end } = rowsOfDays(facts, -Infinity, since);
  for (let row = first; row < end; row++) {
    if (posts.isResponse[row] === 1 && posts.createdAt[row]! < since) counts[posts.discussion[row]!]!++;
  }
  return counts;
}
