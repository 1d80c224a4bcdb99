import { TRIAGE_BUCKETS, type Triage, type TriageBucket, type TriageItem } from '../community/triage';
import { asOfLabel, countOf, formatDate, formatDuration, formatDurationLong, formatMoment, formatTimeAgo } from '../shared/format';
import { HOUR_MS } from '../shared/time';
import { BUCKET_LABELS } from '../report/figures';
import { describePartial, type PartialSnapshot } from '../shared/partialSnapshot';

/**
 * What the Needs Response tree shows, computed without the VS Code API: sections per bucket with
 * counts, one row per discussion with its description and the reason it is listed.
 * The tree provider only turns this into TreeItems.
 */

export interface NeedsResponseModel {
  /** Every bucket in triage order, empty ones included, so the tree keeps its shape. */
  readonly sections: readonly NeedsResponseSection[];
  readonly total: number;
  /**
   * `3 discussions need a response`, for the view badge; of a partial snapshot, followed by
   * `(partial: 4,200 of 20,000 discussions, newest activity first)`, since the count is not complete.
   */
  readonly badgeTooltip: string;
}

export interface NeedsResponseSection {
  readonly bucket: TriageBucket;
  /** `No response (12)`. */
  readonly label: string;
  /** What the bucket means. */
  readonly tooltip: string;
  readonly rows: readonly NeedsResponseRow[];
}

export interface NeedsResponseRow {
  /** The discussion's node id: stable across syncs, so selection and expansion survive a refresh. */
  readonly id: string;
  readonly number: number;
  readonly title: string;
  readonly url: string;
  /** `#123 · 5d · @author · Category`. */
  readonly description: string;
  /** Plain text, never markdown: the title comes from strangers and is escaped by the adapter. */
  readonly tooltip: readonly string[];
  /** Waiting longer than the team's response target (only for buckets waiting on the team's reply). */
  readonly overdue: boolean;
}

export interface ModelOptions {
  /** The moment triage judged at; waiting times are counted to it. */
  readonly now: number;
  /** `communityPulse.asOf` when set: the list is of a past moment, and says so. */
  readonly asOf: number | null;
  readonly staleDays: number;
  readonly responseTargetHours: number;
  /** Set while the snapshot is partial (no sync pass completed): the badge's count says so. */
  readonly partial?: PartialSnapshot | null;
}

export function buildNeedsResponseModel(triage: Triage, options: ModelOptions): NeedsResponseModel {
  const sections = TRIAGE_BUCKETS.map((bucket): NeedsResponseSection => {
    const rows = triage[bucket].map((item) => toRow(item, options));
    return {
      bucket,
      label: `${BUCKET_LABELS[bucket]} (${rows.length})`,
      tooltip: bucketTooltip(bucket, options.staleDays),
      rows,
    };
  });
  const total = sections.reduce((sum, section) => sum + section.rows.length, 0);
  const label = asOfLabel(options.asOf);
  const partial = options.partial ? ` (${describePartial(options.partial)})` : '';
  return { sections, total, badgeTooltip: `${needResponse(total, options.asOf)}${label ? ` ${label}` : ''}${partial}` };
}

/** `3 discussions need a response`, `1 discussion needed a response` (of a past moment): the count of Needs Response in words. */
export function needResponse(total: number, asOf: number | null): string {
  const verb = asOf !== null ? 'needed' : total === 1 ? 'needs' : 'need';
  return `${countOf(total, 'discussion')} ${verb} a response`;
}

function toRow(item: TriageItem, options: ModelOptions): NeedsResponseRow {
  const { discussion } = item;
  const waited = Math.max(0, options.now - item.waitingSince);
  const category = discussion.category?.name;
  const description = [`#${discussion.number}`, formatDuration(waited), `@${discussion.opening.author}`, category]
    .filter((part) => part !== undefined)
    .join(' · ');
  const overdue = item.bucket !== 'unmarkedAnswer' && waited > options.responseTargetHours * HOUR_MS;
  const opened = `Opened by @${discussion.opening.author}${category ? ` in ${category}` : ''} on ${formatDate(discussion.createdAt)}.`;
  const tooltip = [`#${discussion.number} ${discussion.title}`, reason(item, waited), opened];
  if (overdue) tooltip.push(`Past the ${options.responseTargetHours}-hour response target.`);
  if (options.asOf !== null) tooltip.push(`Waiting time counted to ${formatMoment(options.asOf)} (the communityPulse.asOf setting), not to now.`);
  return { id: discussion.id, number: discussion.number, title: discussion.title, url: discussion.url, description, tooltip, overdue };
}

function reason(item: TriageItem, waited: number): string {
  const since = formatDate(item.waitingSince);
  const duration = formatDurationLong(waited);
  switch (item.bucket) {
    case 'noResponse':
      return `No response since ${since} — ${duration}.`;
    case 'awaitingReply':
      return `@${item.waitingOn} replied on ${since} and has been waiting on the team for ${duration}.`;
    case 'unmarkedAnswer':
      return `@${item.waitingOn} replied on ${since} (${duration} ago) and no answer is marked: mark it, or ask whether it solved the problem.`;
  }
}

function bucketTooltip(bucket: TriageBucket, staleDays: number): string {
  switch (bucket) {
    case 'noResponse':
      return 'Open discussions nobody but their author has posted in.';
    case 'awaitingReply':
      return "Someone responded, and the author posted last: the next move is the team's.";
    case 'unmarkedAnswer':
      return `Answerable discussions where someone other than the author posted last, more than ${countOf(staleDays, 'day')} ago, and no answer is marked.`;
  }
}

/** `synced 3 min ago`; `lastSyncAt` null: never synced. `clock` is the real time (a sync is never "as of"). */
export function describeLastSync(clock: number, lastSyncAt: number | null): string {
  return lastSyncAt === null ? 'not synced yet' : `synced ${formatTimeAgo(clock - lastSyncAt)}`;
}

/**
 * The message above the tree: `payloadcms/payload · as of 2023-03-31 · synced 3 min ago` (no "as of" when live); a
 * partial snapshot says so first (`partial: 4,200 of 20,000 discussions, newest activity first · …`), and a problem
 * (why the data may be stale) replaces the rest.
 */
export function describeStatus(
  repository: string,
  asOf: number | null,
  clock: number,
  lastSyncAt: number | null,
  { partial = null, problem }: { readonly partial?: PartialSnapshot | null; readonly problem?: string | undefined } = {},
): string {
  // A partial snapshot was never synced to the end: it says so instead of "not synced yet".
  const lastSync = partial ? undefined : describeLastSync(clock, lastSyncAt);
  const status = problem ?? [repository, asOfLabel(asOf), lastSync].filter((part) => part !== undefined).join(' · ');
  return partial ? `${describePartial(partial)} · ${status}` : status;
}
