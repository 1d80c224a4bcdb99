import { SECOND_MS } from '../../shared/time';
import type { Category } from '../model';
import type { CategoryAdvice, CategoryHealth, CategoryNetwork } from '../reportSchema';
import { explainNulls } from './explain';
import type { CommunityFacts } from './facts';
import type { CategoryAdviceThresholds, MetricSettings } from './settings';
import { NumberList, rate, summarize } from './stats';
import { iso } from './window';
import type { WindowTotals } from './windowTotals';

/** The row for discussions without a category (imported data only: on GitHub every discussion has one). */
export const NO_CATEGORY = '(no category)';

/**
 * Health of each category that had a discussion before `until` (categories are known only through
 * their discussions), over the window, with what its figures advise (docs/metrics.md "Category advice"):
 * split it (`overDunbar`), merge it (`thin`) or close it (`dormant`). Busiest first.
 * `networks`: the network's categories (`network.categories`) for the same window.
 */
export function categories(facts: CommunityFacts, totals: WindowTotals, settings: MetricSettings, networks: readonly CategoryNetwork[]): CategoryHealth[] {
  const { since, until } = totals.window;
  const tallies = facts.categories.map((category) => new CategoryTally(category));
  const { createdAt, category: categoryOf, answeredAt, firstResponseAt } = facts.perDiscussion;
  for (let d = 0; d < facts.perDiscussion.length; d++) {
    const opened = createdAt[d]!;
    if (opened >= until) continue;
    const tally = tallies[categoryOf[d]!]!;
    tally.lastDiscussionAt = Math.max(tally.lastDiscussionAt, opened);
    if (opened < since) continue;
    tally.discussions++;
    if (answeredAt[d]! < until) tally.answered++;
    if (firstResponseAt[d]! < until) tally.firstResponseSeconds.push((firstResponseAt[d]! - opened) / SECOND_MS);
  }
  tallies.forEach((tally, category) => {
    tally.responses = totals.categoryResponses[category]!;
    tally.participants = totals.participation.count[category]!;
  });
  return tallies
    .filter((tally) => tally.lastDiscussionAt > -Infinity)
    .map((tally) => tally.toHealth(settings.categoryAdvice, networks.find((network) => network.name === tally.name)?.knowSomeoneRate ?? null))
    .sort((a, b) => b.discussions - a.discussions || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

class CategoryTally {
  discussions = 0;
  answered = 0;
  responses = 0;
  participants = 0;
  /** Latest creation before `until` of a discussion in the category. */
  lastDiscussionAt = -Infinity;
  readonly firstResponseSeconds = new NumberList();

  constructor(private readonly category: Category | null) {}

  get name(): string {
    return this.category?.name ?? NO_CATEGORY;
  }

  /** `knowSomeoneRate`: the category's in the network, null when nobody (but ghost) posted in it. */
  toHealth(thresholds: CategoryAdviceThresholds, knowSomeoneRate: number | null): CategoryHealth {
    const { participants } = this;
    const answerable = this.category?.answerable ?? false;
    const responded = summarize(this.firstResponseSeconds.toArray());
    const noDiscussions = 'no discussion was created in this category in the window';
    const figures = explainNulls(
      {
        answerable,
        discussions: this.discussions,
        responses: this.responses,
        participants,
        answerRate: answerable ? rate(this.answered, this.discussions) : null,
        medianFirstResponseSeconds: responded.median,
        noResponseShare: rate(this.discussions - responded.count, this.discussions),
        lastDiscussionAt: iso(this.lastDiscussionAt),
        knowSomeoneRate,
        advice: categoryAdvice(thresholds, this.discussions, participants, knowSomeoneRate),
      },
      {
        answerRate: answerable ? noDiscussions : 'the category is not answerable (no answer can be chosen)',
        medianFirstResponseSeconds:
          this.discussions === 0 ? noDiscussions : `none of its ${this.discussions} discussions in the window had a response by until`,
        noResponseShare: noDiscussions,
        knowSomeoneRate: 'nobody posted in this category in the window',
      },
    );
    return { name: this.name, slug: this.category?.slug ?? null, ...figures };
  }
}

/** What a category's figures advise (docs/metrics.md "Category advice"), in `CATEGORY_ADVICE` order. */
function categoryAdvice(thresholds: CategoryAdviceThresholds, discussions: number, participants: number, knowSomeoneRate: number | null): CategoryAdvice[] {
  const advice: CategoryAdvice[] = [];
  if (participants > thresholds.overDunbarParticipants) advice.push('overDunbar');
  if (discussions > 0 && discussions < thresholds.thinDiscussions && knowSomeoneRate !== null && knowSomeoneRate < thresholds.thinKnowSomeoneRate)
    advice.push('thin');
  if (discussions === 0) advice.push('dormant');
  return advice;
}
