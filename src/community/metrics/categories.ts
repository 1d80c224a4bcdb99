import { DAY_MS, type Category } from '../model';
import type { CategoryHealth } from '../reportSchema';
import { explainNulls } from './explain';
import { answeredBy, type CommunityFacts } from './facts';
import type { MetricSettings } from './settings';
import { NumberList, rate, summarize } from './stats';
import { inWindow, iso, type Window } from './window';

/** The row for discussions without a category (imported data only: on GitHub every discussion has one). */
export const NO_CATEGORY = '(no category)';

/**
 * Health of each category that had a discussion before `until` (categories are known only through
 * their discussions), over the window, with two flags:
 * `crowded` (more participants than people can know each other: consider splitting it) and `quiet`
 * (no new discussion for `quietDays`: consider merging or retiring it). Busiest first.
 */
export function categories(facts: CommunityFacts, window: Window, settings: MetricSettings): CategoryHealth[] {
  const tallies = new Map<string, CategoryTally>();
  const tallyOf = facts.discussions.map((discussion) => {
    const key = discussion.category?.name ?? NO_CATEGORY;
    let tally = tallies.get(key);
    if (!tally) tallies.set(key, (tally = new CategoryTally(discussion.category)));
    return tally;
  });
  facts.discussions.forEach((discussion, index) => {
    if (discussion.createdAt >= window.until) return;
    const tally = tallyOf[index]!;
    tally.lastDiscussionAt = Math.max(tally.lastDiscussionAt, discussion.createdAt);
    if (discussion.createdAt < window.since) return;
    tally.discussions++;
    if (answeredBy(discussion, window.until)) tally.answered++;
    const respondedAt = discussion.firstResponseAt;
    if (respondedAt !== null && respondedAt < window.until) tally.firstResponseSeconds.push((respondedAt - discussion.createdAt) / 1000);
  });
  const { posts } = facts;
  for (let row = 0; row < posts.length; row++) {
    if (!inWindow(posts.createdAt[row]!, window)) continue;
    const tally = tallyOf[posts.discussion[row]!]!;
    tally.participants.add(posts.author[row]!);
    tally.responses += posts.isResponse[row]!;
  }
  return [...tallies.values()]
    .filter((tally) => tally.lastDiscussionAt > -Infinity)
    .map((tally) => tally.toHealth(window, settings))
    .sort((a, b) => b.discussions - a.discussions || a.name.localeCompare(b.name));
}

class CategoryTally {
  discussions = 0;
  answered = 0;
  responses = 0;
  /** Latest creation before `until` of a discussion in the category. */
  lastDiscussionAt = -Infinity;
  readonly participants = new Set<number>();
  readonly firstResponseSeconds = new NumberList();

  constructor(private readonly category: Category | null) {}

  toHealth(window: Window, settings: MetricSettings): CategoryHealth {
    const answerable = this.category?.answerable ?? false;
    const responded = summarize(this.firstResponseSeconds.toArray());
    const noDiscussions = 'no discussion was created in this category in the window';
    const figures = explainNulls(
      {
        answerable,
        discussions: this.discussions,
        responses: this.responses,
        participants: this.participants.size,
        answerRate: answerable ? rate(this.answered, this.discussions) : null,
        medianFirstResponseSeconds: responded.median,
        noResponseShare: rate(this.discussions - responded.count, this.discussions),
        lastDiscussionAt: iso(this.lastDiscussionAt),
        crowded: this.participants.size > settings.crowdedParticipants,
        quiet: this.lastDiscussionAt < window.until - settings.quietDays * DAY_MS,
      },
      {
        answerRate: answerable ? noDiscussions : 'the category is not answerable (no answer can be chosen)',
        medianFirstResponseSeconds:
          this.discussions === 0 ? noDiscussions : `none of its ${this.discussions} discussions in the window had a response by until`,
        noResponseShare: noDiscussions,
      },
    );
    return { name: this.category?.name ?? NO_CATEGORY, slug: this.category?.slug ?? null, ...figures };
  }
}
