import type { PulseData } from '../controller/pulseController';
import type { NeedsResponseView } from '../views/needsResponseView';

/** The discussion a Discussion command is about, and a post to scroll to. */
export interface DiscussionTarget {
  readonly number: number;
  readonly postId: string | null;
}

/**
 * What the Discussion commands accept: a Needs Response row or snoozed row, a People evidence row, or
 * `{ number, postId? }` (the dashboard, other commands); without one, the Needs Response selection (keybinding).
 */
export function discussionTarget(argument: unknown, needsResponse: NeedsResponseView): DiscussionTarget | null {
  const node = needsResponse.target(argument);
  if (node?.kind === 'discussion') return { number: node.row.number, postId: null };
  if (node?.kind === 'snoozed') return { number: node.number, postId: null };
  if (typeof argument !== 'object' || argument === null) return null;
  const { number, postId } = argument as { number?: unknown; postId?: unknown };
  if (typeof number !== 'number' || !Number.isInteger(number) || number <= 0) return null;
  return { number, postId: typeof postId === 'string' ? postId : null };
}

/** The stored discussion's node id of a target, when the data holds it. */
export function discussionIdOf(target: DiscussionTarget | null, data: PulseData | null): string | null {
  if (!target) return null;
  return data?.community.discussions.find((discussion) => discussion.number === target.number)?.id ?? null;
}
