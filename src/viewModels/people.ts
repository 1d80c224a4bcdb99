import type { PersonTies } from '../community/metrics/network';
import type { PersonEvidence, EvidenceDiscussion } from '../community/metrics/personEvidence';
import type { Contributor } from '../community/reportSchema';
import { countOf, formatCount, formatDate } from '../shared/format';
import type { PulseAnalysis } from './analysis';
import { CORE_ROLE_LABELS, leaderRule, SCORE_COMPONENT_LABELS, SCORE_COMPONENTS } from '../report/figures';

/**
 * What the People view shows, without the VS Code API: five groups of people (leader candidates, inactive
 * regulars, newcomers, the network's connectors and its core), each person with their ties in the window,
 * and under each leader candidate the evidence behind the score, each discussion openable. Text from
 * GitHub (logins, titles) is only ever used as plain labels.
 */

export type GroupId = 'leaders' | 'inactive' | 'new' | 'connectors' | 'core';

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
  const { network } = report;
  /** A person's entry in `group`, with their ties in the window after what the group says of them. */
  const person = (
    group: GroupId,
    login: string,
    maintainer: boolean,
    what: { description: string; tooltip: string; contributor?: Contributor; firstDiscussion?: DiscussionNode },
  ): PersonNode => {
    const ties = analysis.ties(login);
    return {
      kind: 'person',
      group,
      login,
      maintainer,
      description: [what.description, ties && describeTies(ties)].filter(Boolean).join(' · '),
      tooltip: ties ? `${what.tooltip}\n\n${explainTies(ties)}` : what.tooltip,
      contributor: what.contributor ?? null,
      firstDiscussion: what.firstDiscussion ?? null,
    };
  };
  const leaders = report.leaders.map((contributor) =>
    person('leaders', contributor.login, false, {
      description: `score ${formatCount(round(contributor.score))} · ${formatCount(contributor.responses)} responses`,
      tooltip: describeScore(contributor, report.settings.scoreWeights),
      contributor,
    }),
  );
  const inactive = report.inactiveRegulars.map((regular) =>
    person('inactive', regular.login, regular.maintainer, {
      description: `last seen ${formatDate(regular.lastActive)} (${regular.daysInactive} d ago) · ${formatCount(regular.responses)} responses`,
      tooltip: `@${regular.login}${regular.maintainer ? ' (maintainer)' : ''} made ${regular.responses} responses in the ${report.settings.inactiveRegular.lookbackDays} days before ${formatDate(report.window.until)} and has not posted for ${regular.daysInactive} days. Someone to reach out to.`,
    }),
  );
  const newcomers = newPeople.people.map((newcomer) =>
    person('new', newcomer.login, newcomer.maintainer, {
      description: `first post ${formatDate(newcomer.firstPostAt)} in #${newcomer.discussion.number}`,
      tooltip: `@${newcomer.login} first posted on ${formatDate(newcomer.firstPostAt)}, in #${newcomer.discussion.number} ${newcomer.discussion.title}`,
      firstDiscussion: toDiscussion(newcomer.discussion.number, newcomer.discussion.title, newcomer.discussion.url, newcomer.firstPostAt),
    }),
  );
  const connectors = network.connectors.map((connector) =>
    person('connectors', connector.login, isMaintainer(analysis, connector.login), {
      description: '',
      tooltip: `@${connector.login}: one of the ten people with the most ties in the window.`,
    }),
  );
  const core = network.core.people.map((member) =>
    person('core', member.login, member.role === 'maintainer', {
      description: CORE_ROLE_LABELS[member.role].toLowerCase(),
      tooltip: `@${member.login} (${CORE_ROLE_LABELS[member.role].toLowerCase()}): in the core, the largest group held together by strong ties.`,
    }),
  );
  const coreShown = core.length < network.coreSize ? `, showing the ${formatCount(core.length)} best-connected` : '';
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
    {
      kind: 'group',
      id: 'connectors',
      label: `Connectors (${connectors.length})`,
      tooltip: `The ten people with the most ties in the window, most ties first. ${TIE_DEFINITION}`,
      people: connectors,
    },
    {
      kind: 'group',
      id: 'core',
      label: `Core: ${countOf(network.coreSize, 'person', 'people')}${coreShown}`,
      tooltip: `The people in the largest group held together by strong ties: the core (Dunbar's number is about 150), the best-connected first. ${TIE_DEFINITION}`,
      people: core,
    },
  ];
}

/**
 * The entry `showPerson` reveals for a login: in the Core group if they are in it (the dashboard's network
 * picture shows the core), else in the first group listing them; null when no group does.
 */
export function personEntry(groups: readonly GroupNode[], login: string): PersonNode | null {
  const entries = groups.flatMap((group) => group.people.filter((node) => node.login === login));
  return entries.find((node) => node.group === 'core') ?? entries[0] ?? null;
}

/** docs/metrics.md "Network (who knows whom)", word for word (an interaction: one answered the other in the window). */
export const TIE_DEFINITION =
  'A tie is a pair of people with at least one interaction, either way. Its strength is the number of distinct discussions they interacted in. A strong tie has strength ≥ 2: they met more than once — they know each other.';

/** `12 ties, 3 strong`, and `connector` for one of the ten best connected. */
export function describeTies(ties: PersonTies): string {
  return `${countOf(ties.ties, 'tie')}, ${formatCount(ties.strongTies)} strong${ties.connector ? ' · connector' : ''}`;
}

function explainTies(ties: PersonTies): string {
  const connector = ties.connector ? ' A connector: one of the ten people with the most ties.' : '';
  return `${countOf(ties.ties, 'tie')}, ${countOf(ties.strongTies, 'strong tie')} in the window.${connector} ${TIE_DEFINITION}`;
}

/** A connector's flag (the report gives connectors no role); ten lookups per build. */
function isMaintainer(analysis: PulseAnalysis, login: string): boolean {
  return analysis.facts.isMaintainer[analysis.facts.logins.indexOf(login)] === 1;
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
