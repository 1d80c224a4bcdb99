import { formatDuration } from '../shared/format';
import { DAY_MS } from '../community/model';
import { TRIAGE_BUCKETS, type Triage, type TriageBucket, type TriageItem } from '../community/triage';
import { asOfLabel, formatMoment } from '../shared/format';

/**
 * What the Needs Response tree shows, computed without the VS Code API: sections per bucket with
 * counts, one row per discussion with its description and the reason it is listed.
 * The tree provider only turns this into TreeItems.
 */

export interface NeedsResponseModel {
  /** Every bucket in triage order, empty ones included, so the tree keeps its shape. */
  readonly sections: readonly NeedsResponseSection[];
  readonly total: number;
  /** `3 discussions need a response`, for the view badge. */
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
}

const BUCKET_TITLES: Record<TriageBucket, string> = {
  noResponse: 'No response',
  awaitingReply: 'Author replied',
  unmarkedAnswer: 'Answer not marked',
};

export function buildNeedsResponseModel(triage: Triage, options: ModelOptions): NeedsResponseModel {
  const sections = TRIAGE_BUCKETS.map((bucket): NeedsResponseSection => {
    const rows = triage[bucket].map((item) => toRow(item, options));
    return {
      bucket,
      label: `${BUCKET_TITLES[bucket]} (${rows.length})`,
      tooltip: bucketTooltip(bucket, options.staleDays),
      rows,
    };
  });
  const total = sections.reduce((sum, section) => sum + section.rows.length, 0);
  const label = asOfLabel(options.asOf);
  const verb = label ? (total === 1 ? 'discussion needed' : 'discussions needed') : total === 1 ? 'discussion needs' : 'discussions need';
  return { sections, total, badgeTooltip: `${total} ${verb} a response${label ? ` ${label}` : ''}` };
}

function toRow(item: TriageItem, options: ModelOptions): NeedsResponseRow {
  const { discussion } = item;
  const waited = Math.max(0, options.now - item.waitingSince);
  const category = discussion.category?.name;
  const description = [`#${discussion.number}`, formatDuration(waited), `@${discussion.opening.author}`, category]
    .filter((part) => part !== undefined)
    .join(' · ');
  const overdue = item.bucket !== 'unmarkedAnswer' && waited > options.responseTargetHours * 3_600_000;
  const opened = `Opened by @${discussion.opening.author}${category ? ` in ${category}` : ''} on ${isoDate(discussion.createdAt)}.`;
  const tooltip = [`#${discussion.number} ${discussion.title}`, reason(item, waited), opened];
  if (overdue) tooltip.push(`Past the ${options.responseTargetHours}-hour response target.`);
  if (options.asOf !== null) tooltip.push(`Waiting time counted to ${formatMoment(options.asOf)} (the communityPulse.asOf setting), not to now.`);
  return { id: discussion.id, number: discussion.number, title: discussion.title, url: discussion.url, description, tooltip, overdue };
}

function reason(item: TriageItem, waited: number): string {
  const since = isoDate(item.waitingSince);
  const duration = describeDuration(waited);
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
      return 'Someone responded, and the author posted last: the next move is the team\'s.';
    case 'unmarkedAnswer':
      return `Answerable discussions where someone other than the author posted last, more than ${staleDays} ${staleDays === 1 ? 'day' : 'days'} ago, and no answer is marked.`;
  }
}

/** `5 days`, `3 hours`, `12 minutes`: the long form of a wait, for tooltips. */
export function describeDuration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return plural(Math.max(minutes, 1), 'minute');
  const hours = Math.floor(ms / 3_600_000);
  if (hours < 48) return plural(hours, 'hour');
  return plural(Math.floor(ms / DAY_MS), 'day');
}

/** `synced 3 min ago`; `lastSyncAt` null: never synced. `clock` is the real time (a sync is never "as of"). */
export function describeLastSync(clock: number, lastSyncAt: number | null): string {
  if (lastSyncAt === null) return 'not synced yet';
  const minutes = Math.floor(Math.max(0, clock - lastSyncAt) / 60_000);
  if (minutes < 1) return 'synced just now';
  if (minutes < 60) return `synced ${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `synced ${hours} h ago`;
  return `synced ${Math.floor(hours / 24)} d ago`;
}

/** The message above the tree: `payloadcms/payload · as of 2023-03-31 · synced 3 min ago` (no "as of" when live). */
export function describeStatus(repository: string, asOf: number | null, clock: number, lastSyncAt: number | null): string {
  return [repository, asOfLabel(asOf), describeLastSync(clock, lastSyncAt)].filter((part) => part !== undefined).join(' · ');
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

function isoDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}
