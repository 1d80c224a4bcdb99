import { buildFacts, type CommunityFacts } from '../../../../src/community/metrics/facts';
import { normalizeCommunity } from '../../../../src/community/normalize';
import { classifyPeople, type PeopleOptions } from '../../../../src/community/people';
import { computeReport } from '../../../../src/community/report';
import { ReportSchema, type Report } from '../../../../src/community/reportSchema';
import type { PartialMetricSettings } from '../../../../src/community/metrics/settings';
import type { DiscussionNode } from '../../../../src/github/schemas';
import { T0 } from '../../../support/discussionNodes';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export interface ReportCase extends PeopleOptions {
  /** Hours after T0 (2024-01-01T00:00Z, a Monday); default 0. */
  readonly sinceHours?: number;
  /** Hours after T0; default 30 days. */
  readonly untilHours?: number;
  readonly settings?: PartialMetricSettings;
}

/** The report over discussion nodes built with test/support/discussionNodes, validated against its schema. */
export function reportOf(nodes: DiscussionNode[], options: ReportCase = {}): Report {
  const community = normalizeCommunity('octo/repo', nodes);
  const people = classifyPeople(community, options);
  const report = computeReport(community, people, {
    since: T0 + (options.sinceHours ?? 0) * HOUR,
    until: T0 + (options.untilHours ?? 30 * 24) * HOUR,
    settings: options.settings,
  });
  return ReportSchema.parse(report);
}

/** The shared facts of discussion nodes, for a metric module that reads them directly. */
export function factsOf(nodes: DiscussionNode[], options: PeopleOptions = {}): CommunityFacts {
  const community = normalizeCommunity('octo/repo', nodes);
  return buildFacts(community, classifyPeople(community, options));
}

/** The same post or discussion moved by `seconds` (hours as fractions would not land on the exact millisecond). */
export function shifted<Node extends { readonly createdAt: string }>(node: Node, seconds: number): Node {
  return { ...node, createdAt: new Date(Date.parse(node.createdAt) + seconds * 1000).toISOString() };
}
