import type { AssistIndex } from '../community/assist/assistIndex';
import { authorHistory, type AuthorHistory } from '../community/assist/authorHistory';
import { HELPER_RULE, suggestHelpers, type HelperSuggestion } from '../community/assist/helpers';
import { similarDiscussions, type SimilarDiscussion } from '../community/assist/similar';
import type { Discussion } from '../community/model';
import { countOf, formatDurationLong, formatSeconds, NO_VALUE } from '../shared/format';

/**
 * The Discussion view's context panel as text (docs/metrics.md "Author history", "Who can help", "Similar
 * discussions"): the page's `author`, `helpers` and `similar` fields. Shaped like `DiscussionPage` (the host assigns
 * it there, and a test holds the two together) without importing the view's protocol, which sits above this layer.
 */
export interface DiscussionAssist {
  readonly author: { login: string; facts: { label: string; value: string }[]; helpedBy: string[] };
  readonly helpers: { login: string; roles: HelperRole[]; evidence: string }[];
  readonly similar: { number: number; title: string; url: string; answerPostId: string | null; detail: string }[];
}

/** The page's author roles a helper can carry. */
export type HelperRole = 'maintainer' | 'leaderCandidate';

export function discussionAssist(index: AssistIndex, discussion: Discussion, now: number, viewer: string | null = null): DiscussionAssist {
  return {
    author: authorFacts(authorHistory(index, discussion, now), now),
    helpers: suggestHelpers(index, discussion, now, viewer).map((helper) => ({
      login: helper.login,
      roles: helperRoles(helper),
      evidence: helperEvidence(helper, discussion, now),
    })),
    similar: similarDiscussions(index, discussion, now).map((similar) => ({
      number: similar.discussion.number,
      title: similar.discussion.title,
      url: similar.discussion.url,
      answerPostId: similar.answerPostId,
      detail: similarDetail(similar, index, now),
    })),
  };
}

function authorFacts(history: AuthorHistory, now: number): DiscussionAssist['author'] {
  if (history.deletedAccount) return { login: history.login, facts: [{ label: 'History', value: 'Deleted account: no history' }], helpedBy: [] };
  const facts = [];
  if (history.discussionsBefore === 0 && history.commentsBefore === 0) {
    facts.push({ label: 'History', value: 'First post here' });
  } else {
    facts.push({ label: 'Before this one', value: `${countOf(history.discussionsBefore, 'discussion')}, ${countOf(history.commentsBefore, 'comment')}` });
  }
  if (history.questions > 0) {
    const median = history.medianSecondsToAnswer === null ? '' : ` · median ${formatSeconds(history.medianSecondsToAnswer)}`;
    facts.push({ label: 'Questions answered', value: `${history.questionsAnswered} of ${history.questions}${median}` });
  }
  facts.push({ label: 'Last active', value: history.lastActiveAt === null ? NO_VALUE : ago(now - history.lastActiveAt) });
  return { login: history.login, facts, helpedBy: history.helpedBy.map((helper) => helper.login) };
}

function helperRoles(helper: HelperSuggestion): HelperRole[] {
  const roles: HelperRole[] = [];
  if (helper.maintainer) roles.push('maintainer');
  if (helper.leaderCandidate) roles.push('leaderCandidate');
  return roles;
}

/** `answered 14 in Q&A in the last 90 days, 5 accepted, helped @alice before, active 2 days ago`. */
function helperEvidence(helper: HelperSuggestion, discussion: Discussion, now: number): string {
  const where = discussion.category ? `in ${discussion.category.name}` : 'without a category';
  const parts = [`answered ${helper.responses} ${where} in the last ${HELPER_RULE.lookbackDays} days`];
  if (helper.acceptedAnswers > 0) parts.push(`${helper.acceptedAnswers} accepted`);
  if (helper.helpedAuthor) parts.push(`helped @${discussion.opening.author} before`);
  parts.push(`active ${ago(now - helper.lastResponseAt)}`);
  return parts.join(', ');
}

/** `answered by @x, 95 days ago`. */
function similarDetail(similar: SimilarDiscussion, index: AssistIndex, now: number): string {
  const when = ago(now - similar.answeredAt);
  if (!similar.answer) return `answered ${when}`;
  return similar.answer.authorId === index.ghost ? `answered by a deleted account, ${when}` : `answered by @${similar.answer.author}, ${when}`;
}

function ago(ms: number): string {
  return `${formatDurationLong(ms)} ago`;
}
