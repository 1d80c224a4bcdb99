import type { Community } from '../community/model';
import type { People } from '../community/people';
import { TRIAGE_BUCKETS, triage, type Triage, type TriageBucket } from '../community/triage';
import type { PartialSnapshot } from '../shared/partialSnapshot';

/** What waits on the team at one moment, as the Needs Response view, the status bar and the dashboard show it. */
export interface TriageSummary {
  readonly repository: string;
  /** The moment triage judged at, and waiting times are counted to (`PulseData.now`). */
  readonly now: number;
  /** `communityPulse.asOf`, when the views show a past moment rather than live data. */
  readonly asOf: number | null;
  /** Set while no sync pass has completed: only the discussions with the newest activity were triaged. */
  readonly partial: PartialSnapshot | null;
  readonly triage: Triage;
  readonly counts: Readonly<Record<TriageBucket, number>> & { readonly total: number };
}

/** What triage needs of the data (the controller's `PulseData` has it all). */
export interface TriageInput {
  readonly repository: string;
  readonly community: Community;
  readonly people: People;
  readonly settings: { readonly staleDays: number; readonly asOf: number | null };
  readonly now: number;
  readonly partial?: PartialSnapshot | null;
}

/** Triages `input` at `input.now`, with the bucket counts; `hidden` discussions (node ids, snoozed) are left out. */
export function summarizeTriage(input: TriageInput, hidden: ReadonlySet<string> = new Set()): TriageSummary {
  const all = triage(input.community, input.people, { now: input.now, staleDays: input.settings.staleDays });
  const result: Triage = hidden.size === 0 ? all : withoutHidden(all, hidden);
  const [noResponse, awaitingReply, unmarkedAnswer] = TRIAGE_BUCKETS.map((bucket) => result[bucket].length) as [number, number, number];
  return {
    repository: input.repository,
    now: input.now,
    asOf: input.settings.asOf,
    partial: input.partial ?? null,
    triage: result,
    counts: { noResponse, awaitingReply, unmarkedAnswer, total: noResponse + awaitingReply + unmarkedAnswer },
  };
}

function withoutHidden(all: Triage, hidden: ReadonlySet<string>): Triage {
  const kept = { ...all };
  for (const bucket of TRIAGE_BUCKETS) kept[bucket] = all[bucket].filter((item) => !hidden.has(item.discussion.id));
  return kept;
}
