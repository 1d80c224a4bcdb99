import { TRIAGE_BUCKETS, DEFAULT_STALE_DAYS, triage, type Triage, type TriageBucket, type TriageItem } from '../community/triage';
import { formatDuration } from '../shared/format';
import { SECOND_MS } from '../shared/time';
import { BUCKET_LABELS } from '../report/figures';
import { needResponse } from '../viewModels/needsResponse';
import type { LoadedCommunity } from './loadCommunity';

export interface TriageCommandOptions {
  readonly now: number;
  readonly staleDays?: number;
  readonly format: 'table' | 'json';
}

/** The `--format json` shape: one array per bucket, longest-waiting first. */
export interface TriageJsonItem {
  readonly number: number;
  readonly title: string;
  readonly url: string;
  readonly author: string;
  readonly category: string | null;
  readonly waitingSince: string;
  readonly waitingSeconds: number;
  /** Who wrote the post the wait started with. */
  readonly waitingOn: string;
}

export function triageCommand({ community, people }: LoadedCommunity, options: TriageCommandOptions): string {
  const result = triage(community, people, { now: options.now, staleDays: options.staleDays ?? DEFAULT_STALE_DAYS });
  return options.format === 'json' ? `${JSON.stringify(toJson(result, options.now), null, 2)}\n` : toTable(result, options.now);
}

function toJson(result: Triage, now: number): Record<TriageBucket, TriageJsonItem[]> {
  const json = {} as Record<TriageBucket, TriageJsonItem[]>;
  for (const bucket of TRIAGE_BUCKETS) json[bucket] = result[bucket].map((item) => toJsonItem(item, now));
  return json;
}

function toJsonItem(item: TriageItem, now: number): TriageJsonItem {
  const { discussion } = item;
  return {
    number: discussion.number,
    title: discussion.title,
    url: discussion.url,
    author: discussion.opening.author,
    category: discussion.category?.name ?? null,
    waitingSince: new Date(item.waitingSince).toISOString(),
    waitingSeconds: Math.floor((now - item.waitingSince) / SECOND_MS),
    waitingOn: item.waitingOn,
  };
}

function toTable(result: Triage, now: number): string {
  const lines: string[] = [];
  for (const bucket of TRIAGE_BUCKETS) {
    const items = result[bucket];
    lines.push(`${BUCKET_LABELS[bucket]} (${items.length})`);
    for (const item of items) {
      const { discussion } = item;
      const waiting = formatDuration(now - item.waitingSince).padStart(6);
      const number = `#${discussion.number}`.padEnd(7);
      lines.push(
        `  ${waiting}  ${number} ${truncate(discussion.title, 60).padEnd(60)}  @${discussion.opening.author}  ${discussion.category?.name ?? ''}`.trimEnd(),
      );
    }
    lines.push('');
  }
  const total = TRIAGE_BUCKETS.reduce((sum, bucket) => sum + result[bucket].length, 0);
  lines.push(`${needResponse(total, null)}.`);
  return `${lines.join('\n')}\n`;
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
