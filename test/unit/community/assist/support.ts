import { buildAssistIndex, type AssistIndex, type AssistOptions } from '../../../../src/community/assist/assistIndex';
import type { Discussion } from '../../../../src/community/model';
import { normalizeCommunity } from '../../../../src/community/normalize';
import { classifyPeople, type PeopleOptions } from '../../../../src/community/people';
import type { DiscussionNode } from '../../../../src/github/schemas';
import { T0 } from '../../../support/discussionNodes';

export const HOUR = 3_600_000;
/** "Now" of these cases: 30 days after T0 (hour 720). */
export const NOW = T0 + 720 * HOUR;

/** The assist index of discussion nodes (test/support/discussionNodes) and a lookup of its discussions by number. */
export function assistCase(nodes: DiscussionNode[], options: PeopleOptions & AssistOptions = {}): { index: AssistIndex; byNumber: (n: number) => Discussion } {
  const community = normalizeCommunity('octo/repo', nodes);
  const index = buildAssistIndex(community, classifyPeople(community, options), options);
  const byNumber = (n: number): Discussion => community.discussions.find((discussion) => discussion.number === n)!;
  return { index, byNumber };
}
