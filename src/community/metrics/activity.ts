import type { Activity, ActivityWeek } from '../reportSchema';
import { weekIndex, weekName, weekStart } from './calendar';
import { explainNulls } from './explain';
import { POST_KIND_CODES, type CommunityFacts } from './facts';
import { NumberList, summarize } from './stats';
import { inWindow, type Window } from './window';

/**
 * Week by week over the window: discussions opened, comments and replies posted, and active
 * participants (distinct people with any post that week). Weeks cut by the window's edges are marked
 * `partial` and count the window's part only. Plus responses per discussion created in the window.
 */
export function activity(facts: CommunityFacts, window: Window): Activity {
  const firstWeek = weekIndex(window.since);
  const weeks = Array.from({ length: weekIndex(window.until - 1) - firstWeek + 1 }, (_, offset) => new WeekTally(firstWeek + offset, window));
  const responsesPerDiscussion = new Int32Array(facts.discussions.length);
  const { posts } = facts;
  for (let row = 0; row < posts.length; row++) {
    const at = posts.createdAt[row]!;
    if (posts.isResponse[row] === 1 && at < window.until) responsesPerDiscussion[posts.discussion[row]!]!++;
    if (!inWindow(at, window)) continue;
    const week = weeks[weekIndex(at) - firstWeek]!;
    week.participants.add(posts.author[row]!);
    const kind = posts.kind[row];
    if (kind === POST_KIND_CODES.opening) week.discussions++;
    else if (kind === POST_KIND_CODES.comment) week.comments++;
    else week.replies++;
  }
  const responseCounts = new NumberList();
  facts.discussions.forEach((discussion, index) => {
    if (inWindow(discussion.createdAt, window)) responseCounts.push(responsesPerDiscussion[index]!);
  });
  const summary = summarize(responseCounts.toArray());
  const noDiscussions = 'no discussion was created in the window';
  return {
    weeks: weeks.map((week) => week.toWeek()),
    responsesPerDiscussion: explainNulls({ mean: summary.mean, median: summary.median }, { mean: noDiscussions, median: noDiscussions }),
  };
}

class WeekTally {
  discussions = 0;
  comments = 0;
  replies = 0;
  readonly participants = new Set<number>();

  constructor(
    private readonly index: number,
    private readonly window: Window,
  ) {}

  toWeek(): ActivityWeek {
    return {
      week: weekName(this.index),
      partial: weekStart(this.index) < this.window.since || weekStart(this.index + 1) > this.window.until,
      discussions: this.discussions,
      comments: this.comments,
      replies: this.replies,
      activeParticipants: this.participants.size,
    };
  }
}
