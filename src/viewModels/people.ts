import type { PersonEvidence, EvidenceDiscussion } from '../community/metrics/personEvidence';
import type { Contributor } from '../community/reportSchema';
import { formatCount, formatDate } from '../shared/format';
import type { PulseAnalysis } from './analysis';
import { leaderRule, SCORE_COMPONENT_LABELS, SCORE_COMPONENTS } from '../report/figures';

/**
 * What the People view shows, without the VS Code API: three groups of people, and under each leader
 * candidate the evidence behind the score, each discussion openable. Text from GitHub (logins, titles)
 * is only ever used as plain labels.
 */

export type GroupId = 'leaders' | 'inactive' | 'new';

export interface GroupNode {
  readonly kind: 'group';
  readonly id: GroupId;
  readonly label: string;
  readonly tooltip: string;
  readonly people: readonly PersonNode[];
}

export interface PersonNode {
  readonly kind: 'person';
  readonly group: GroupId;
  readonly login: string;
  readonly maintainer: boolean;
  readonly description: string;
  readonly tooltip: string;
  /** Leader candidates: the score's components; new people: the discussion of their first post. */
  readonly contributor: Contributor | null;
  readonly firstDiscussion: DiscussionNode | null;
}

export type EvidenceComponent = 'acceptedAnswers' | 'peopleHelped' | 'activeWeeks' | 'firstResponses';

export interface EvidenceNode {
  readonly kind: 'evidence';
  readonly login: string;
  readonly component: EvidenceComponent;
  /** `Accepted answers: 5`. */
  readonly label: string;
  readonly tooltip: string;
  readonly discussions: readonly DiscussionNode[];
}

export interface DiscussionNode {
  readonly kind: 'discussion';
  readonly number: number;
  readonly title: string;
  readonly url: string;
  /** `#12 · 2024-05-03` (and who was helped, or the week). */
  readonly description: string;
}

export type PeopleNode = GroupNode | PersonNode | EvidenceNode | DiscussionNode;

export function buildPeopleGroups(analysis: PulseAnalysis): GroupNode[] {
  const { report, newPeople } = analysis;
  const { leader } = report.settings;
  const leaders = report.leaders.map((contributor): PersonNode => ({
    kind: 'person',
    group: 'leaders',
    login: contributor.login,
    maintainer: false,
    description: `score ${formatCount(round(contributor.score))} · ${formatCount(contributor.responses)} responses`,
    tooltip: describeScore(contributor, report.settings.scoreWeights),
    contributor,
    firstDiscussion: null,
  }));
  const inactive = report.inactiveRegulars.map((person): PersonNode => ({
    kind: 'person',
    group: 'inactive',
    login: person.login,
    maintainer: person.maintainer,
    description: `last seen ${formatDate(person.lastActive)} (${person.daysInactive} d ago) · ${formatCount(person.responses)} responses`,
    tooltip: `@${person.login}${person.maintainer ? ' (maintainer)' : ''} made ${person.responses} responses in the ${report.settings.inactiveRegular.lookbackDays} days before ${formatDate(report.window.until)} and has not posted for ${person.daysInactive} days. Someone to reach out to.`,
    contributor: null,
    firstDiscussion: null,
  }));
  const newcomers = newPeople.people.map((person): PersonNode => {
    const firstDiscussion = toDiscussion(person.discussion.number, person.discussion.title, person.discussion.url, person.firstPostAt);
    return {
      kind: 'person',
      group: 'new',
      login: person.login,
      maintainer: person.maintainer,
      description: `first post ${formatDate(person.firstPostAt)} in #${person.discussion.number}`,
      tooltip: `@${person.login} first posted on ${formatDate(person.firstPostAt)}, in #${person.discussion.number} ${person.discussion.title}`,
      contributor: null,
      firstDiscussion,
    };
  });
  return [
    {
      kind: 'group',
      id: 'leaders',
      label: `Leader candidates (${leaders.length})`,
      tooltip: `${leaderRule(leader)} By score.`,
      people: leaders,
    },
    {
      kind: 'group',
      id: 'inactive',
      label: `Inactive regulars (${inactive.length})`,
      tooltip: `People with at least ${report.settings.inactiveRegular.minResponses} responses in the last ${report.settings.inactiveRegular.lookbackDays} days and no post in the last ${report.settings.inactiveRegular.inactiveDays}.`,
      people: inactive,
    },
    {
      kind: 'group',
      id: 'new',
      label: `New this month (${newcomers.length})`,
      tooltip: `People whose first post in this repository's discussions is in ${newPeople.month}.`,
      people: newcomers,
    },
  ];
}

/** The components with a list of discussions behind them, in the order the People view lists them. */
const EVIDENCE_COMPONENTS: readonly EvidenceComponent[] = ['acceptedAnswers', 'peopleHelped', 'activeWeeks', 'firstResponses'];

const EVIDENCE_TOOLTIPS: Record<EvidenceComponent, string> = {
  acceptedAnswers: 'Their response is the chosen answer of the discussion.',
  peopleHelped: 'Distinct authors of the discussions they responded to (the latest discussion of each).',
  activeWeeks: 'Weeks with at least one response (the latest response of each week).',
  firstResponses: 'Discussions whose first response was theirs.',
};

/** The evidence under a leader candidate, in the score's order; counts are the engine's, the lists are what they count. */
export function evidenceNodes(contributor: Contributor, evidence: PersonEvidence): EvidenceNode[] {
  const lists: Record<EvidenceComponent, readonly DiscussionNode[]> = {
    acceptedAnswers: evidence.acceptedAnswers.map((item) => fromEvidence(item)),
    peopleHelped: evidence.peopleHelped.map((item) => fromEvidence(item, `helped @${item.author}`)),
    activeWeeks: evidence.activeWeeks.map((item) => fromEvidence(item, `week of ${item.week}`)),
    firstResponses: evidence.firstResponses.map((item) => fromEvidence(item)),
  };
  return EVIDENCE_COMPONENTS.map((component) => ({
    kind: 'evidence',
    login: contributor.login,
    component,
    label: `${SCORE_COMPONENT_LABELS[component]}: ${formatCount(contributor[component])}`,
    tooltip: EVIDENCE_TOOLTIPS[component],
    discussions: lists[component],
  }));
}

function describeScore(contributor: Contributor, weights: Record<keyof Contributor['scoreParts'], number>): string {
  const parts = SCORE_COMPONENTS.map(
    (key) => `${SCORE_COMPONENT_LABELS[key]}: ${formatCount(contributor[key])} × ${weights[key]} = ${formatCount(round(contributor.scoreParts[key]))}`,
  );
  return [`@${contributor.login} — score ${formatCount(round(contributor.score))}`, ...parts, `last active ${formatDate(contributor.lastActive)}`].join('\n');
}

function fromEvidence(item: EvidenceDiscussion, context?: string): DiscussionNode {
  return toDiscussion(item.number, item.title, item.url, item.at, context);
}

function toDiscussion(number: number, title: string, url: string, at: number, context?: string): DiscussionNode {
  return { kind: 'discussion', number, title, url, description: [`#${number}`, formatDate(at), context].filter(Boolean).join(' · ') };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
