import { cohortRates } from '../community/metrics/cohortRates';
import { TRIAGE_BUCKETS } from '../community/triage';
import { formatDuration, formatMoment } from '../shared/format';
import { windowLabel } from '../shared/timeWindow';
import { describePartial } from '../shared/partialSnapshot';
import type { PulseAnalysis } from '../viewModels/analysis';
import { BUCKET_LABELS } from '../report/figures';
import type { TriageSummary } from '../viewModels/triageSummary';
import { LEADER_LIMIT, NEAR_CANDIDATE_LIMIT, WAITING_LIMIT, type DashboardData, type WaitingDiscussion } from './protocol';

/**
 * What crosses to the webview: the engine's aggregates for the window, and the longest waits of the
 * shared triage (judged at the same moment as the analysis' window end), never the snapshot.
 */
export function toDashboardData(analysis: PulseAnalysis, needsResponse: TriageSummary): DashboardData {
  const waiting = TRIAGE_BUCKETS.flatMap((bucket) => needsResponse.triage[bucket])
    .sort((a, b) => a.waitingSince - b.waitingSince)
    .slice(0, WAITING_LIMIT)
    .map((item): WaitingDiscussion => ({
      number: item.discussion.number,
      title: item.discussion.title,
      author: item.discussion.opening.author,
      category: item.discussion.category?.name ?? null,
      bucket: item.bucket,
      bucketLabel: BUCKET_LABELS[item.bucket],
      waiting: formatDuration(Math.max(0, needsResponse.now - item.waitingSince)),
    }));
  const { contributors, inactiveRegulars: _inPeopleView, ...report } = analysis.report;
  return {
    repository: analysis.repository,
    windowChoice: analysis.choice,
    windowLabel: windowLabel(analysis.choice),
    syncedAt: analysis.lastSyncAt === null ? null : new Date(analysis.lastSyncAt).toISOString(),
    asOf: needsResponse.asOf === null ? null : formatMoment(needsResponse.asOf),
    partial: analysis.partial && describePartial(analysis.partial),
    headlines: [...analysis.headlines],
    // All leaders are in the People view; the dashboard's table shows the top ones (and says how many there are).
    report: { ...report, leaders: report.leaders.slice(0, LEADER_LIMIT) },
    leaderCount: report.leaders.length,
    // The report lists contributors by responses, most first (docs/metrics.md).
    nearCandidates: contributors.filter((contributor) => !contributor.eligible).slice(0, NEAR_CANDIDATE_LIMIT),
    firstResponse: analysis.firstResponse,
    lorenz: [...analysis.lorenz],
    waiting,
    retentionRates: cohortRates(analysis.report.retention.cohorts),
  };
}
