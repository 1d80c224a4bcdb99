import { DAY_MS } from '../../shared/time';
import type { Discussion, Post } from '../model';
import type { People } from '../people';

/**
 * Local snoozes (docs/metrics.md "Snooze"): a discussion hidden from Needs Response until a moment or until someone
 * other than the viewer posts in it. The host keeps them in the extension's storage, per repository; never sent.
 */

/** The choices of the Discussion view's and Needs Response's pickers (the protocol's `SNOOZE_CHOICES`). */
export type SnoozeChoice = '1d' | '3d' | '7d' | 'activity';

export interface Snooze {
  readonly discussionId: string;
  readonly number: number;
  readonly snoozedAt: number;
  /** Epoch ms it wakes at; null for a snooze until activity. */
  readonly until: number | null;
  readonly untilActivity: boolean;
  /** The viewer's login: their own posts do not wake it. null when not known (then any post does). */
  readonly snoozedBy: string | null;
}

const DAYS: Record<Exclude<SnoozeChoice, 'activity'>, number> = { '1d': 1, '3d': 3, '7d': 7 };

export function snoozeFor(choice: SnoozeChoice, discussion: Discussion, now: number, viewer: string | null): Snooze {
  const base = { discussionId: discussion.id, number: discussion.number, snoozedAt: now, snoozedBy: viewer };
  return choice === 'activity' ? { ...base, until: null, untilActivity: true } : { ...base, until: now + DAYS[choice] * DAY_MS, untilActivity: false };
}

/**
 * Awake (shown in Needs Response again, the snooze can be dropped): its moment has come, someone other than the
 * viewer posted after it was made (a snooze until activity), or the discussion is no longer in the data. A post
 * wakes it when it counts as activity: not deleted, not minimized, not a bot's (with `people`, ignored users are
 * bots too; without, GitHub's Bot actors and `[bot]` logins).
 */
export function isAwake(snooze: Snooze, discussion: Discussion | undefined, now: number, people?: People): boolean {
  if (discussion === undefined) return true;
  if (snooze.until !== null && now >= snooze.until) return true;
  if (!snooze.untilActivity) return false;
  const viewer = snooze.snoozedBy?.toLowerCase() ?? null;
  const wakes = (post: Post): boolean =>
    post.createdAt > snooze.snoozedAt &&
    post.createdAt <= now &&
    !post.deleted &&
    !post.minimized &&
    !(people ? people.isBotPost(post) : post.authorIsBotActor || post.author.toLowerCase().endsWith('[bot]')) &&
    post.author.toLowerCase() !== viewer;
  return discussion.posts.some(wakes);
}

// `Tue 3 Dec` in UTC, like every time the views show; the year only when it is not the current one.
const DAY_MONTH = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
const DAY_MONTH_YEAR = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** `until Tue 3 Dec` (UTC) / `until someone else posts`. */
export function snoozeLabel(snooze: Snooze, now: number): string {
  if (snooze.until === null) return 'until someone else posts';
  const sameYear = new Date(snooze.until).getUTCFullYear() === new Date(now).getUTCFullYear();
  return `until ${(sameYear ? DAY_MONTH : DAY_MONTH_YEAR).format(snooze.until).replace(',', '')}`;
}
