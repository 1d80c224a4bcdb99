import type { Activity, ActivityWeek } from '../reportSchema';
import { weekIndex, weekName, weekStart } from './calendar';
import { distinctPairs } from './distinct';
import { explainNulls } from './explain';
import { POST_KIND_CODES, type CommunityFacts } from './facts';
import { NumberList, summarize } from './stats';
import type { Window } from './window';

/**
 * Week by week over the window: discussions opened, comments and replies posted, and active
 * participants (distinct people with any post that week). Weeks cut by the window's edges are marked
 * `partial` and count the window's part only. Plus responses per discussion created in the window.
 */
export function activity(facts: CommunityFacts, window: Window): Activity {
  const { since, until } = window;
  const firstWeek = weekIndex(since);
  const weekCount = weekIndex(until - 1) - firstWeek + 1;
  const perKind = [POST_KIND_CODES.opening, POST_KIND_CODES.comment, POST_KIND_CODES.reply].map(() => new Int32Array(weekCount));
  const responsesPerDiscussion = new Int32Array(facts.perDiscussion.length);
  const { posts } = facts;
  const weekOfRow = new Int32Array(posts.length).fill(-1);
  for (let row = 0; row < posts.length; row++) {
    const at = posts.createdAt[row]!;
    if (at >= until) continue;
    if (posts.isResponse[row] === 1) responsesPerDiscussion[posts.discussion[row]!]!++;
    if (at < since) continue;
    const week = weekIndex(at) - firstWeek;
    weekOfRow[row] = week;
    perKind[posts.kind[row]!]![week]!++;
  }
  const participants = distinctPairs(weekCount, facts.logins.length, weekOfRow, posts.author).perGroup;
  const [openings, comments, replies] = perKind as [Int32Array, Int32Array, Int32Array];
  const weeks = Array.from({ length: weekCount }, (_, offset): ActivityWeek => {
    const week = firstWeek + offset;
    return {
      week: weekName(week),
      partial: weekStart(week) < since || weekStart(week + 1) > until,
      discussions: openings[offset]!,
      comments: comments[offset]!,
      replies: replies[offset]!,
      activeParticipants: participants[offset]!,
    };
  });
  const responseCounts = new NumberList();
  const { createdAt } = facts.perDiscussion;
  for (let d = 0; d < facts.perDiscussion.length; d++) {
    if (createdAt[d]! >= since && createdAt[d]! < until) responseCounts.push(responsesPerDiscussion[d]!);
  }
  const summary = summarize(responseCounts.toArray());
  const noDiscussions = 'no discussion was created in the window';
  return { weeks, responsesPerDiscussion: explainNulls({ mean: summary.mean, median: summary.median }, { mean: noDiscussions, median: noDiscussions }) };
}
