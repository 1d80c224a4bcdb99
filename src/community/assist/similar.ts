import type { Discussion, Post } from '../model';
import { answeredAt, answerPost, type AssistIndex } from './assistIndex';
import { searchTitles, titleTerms } from './titleSearch';

/** The rule of docs/metrics.md "Similar discussions": how many are shown and what is similar enough. */
export const SIMILAR_RULE = {
  limit: 5,
  /** A title must match at least this share of the query's terms (rounded up). */
  minMatchedShare: 0.5,
  /** …and score at least this share of what the discussion's own title scores for the same query. */
  minScoreShare: 0.4,
} as const;

export interface SimilarDiscussion {
  readonly discussion: Discussion;
  /** The chosen answer's post, when the data has it. */
  readonly answer: Post | null;
  /** The answer's post id (`Discussion.answerId`, else the post marked as the answer); null when not known. */
  readonly answerPostId: string | null;
  readonly answeredAt: number;
  readonly score: number;
}

/**
 * Up to five discussions with an answer chosen before now whose titles resemble D's, most similar first (ties:
 * most recently answered). D itself is never one of them, nor a discussion opened after now.
 */
export function similarDiscussions(index: AssistIndex, discussion: Discussion, now: number): SimilarDiscussion[] {
  const self = index.discussionIndex.get(discussion.id);
  const terms = titleTerms(discussion.title);
  const { discussions } = index.community;
  const { search, groups, groupOf } = index.titles;
  const matches = searchTitles(search, terms);
  // D's own title is searched too: its score is the yardstick of "similar enough" (without D in the data, the best match's).
  const selfGroup = self === undefined ? -1 : groupOf[self]!;
  const selfScore = matches.find((match) => match.id === selfGroup)?.score ?? matches[0]?.score ?? 0;
  const minMatched = Math.ceil(terms.length * SIMILAR_RULE.minMatchedShare);
  const found: SimilarDiscussion[] = [];
  for (const match of matches) {
    if (match.score < SIMILAR_RULE.minScoreShare * selfScore) break; // best first: the rest score lower still
    // Titles scoring as the last one kept still compete for its place (on their answer's recency).
    if (found.length >= SIMILAR_RULE.limit && match.score < found[SIMILAR_RULE.limit - 1]!.score) break;
    if (match.matchedTerms < minMatched) continue;
    for (const id of groups[match.id]!) {
      const candidate = discussions[id]!;
      const chosenAt = answeredAt(candidate);
      if (id === self || candidate.createdAt >= now || chosenAt === null || chosenAt >= now) continue;
      const answer = answerPost(candidate);
      found.push({ discussion: candidate, answer, answerPostId: candidate.answerId, answeredAt: chosenAt, score: match.score });
    }
    found.sort((a, b) => b.score - a.score || b.answeredAt - a.answeredAt).splice(SIMILAR_RULE.limit);
  }
  return found;
}
