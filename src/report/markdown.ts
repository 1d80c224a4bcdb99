import type { Contributor, Report, ResponseTimes, TimeToAnswer } from '../community/reportSchema';
import { profileUrl } from '../github/webLinks';
import { countOf, formatChange, formatCoefficient, formatCount, formatDate, formatFigure, formatPercent, NO_VALUE, type FigureKind } from '../shared/format';
import {
  BUCKET_LABELS,
  CATEGORY_ADVICE_ANCHOR,
  categoryAdviceRule,
  categoryAdviceSentences,
  DISCUSSION_FIGURES,
  FIGURES,
  leaderRule,
  NETWORK_FIGURES,
  REPORT_HEADLINE_IDS,
  SCORE_COMPONENT_LABELS,
  SCORE_COMPONENTS,
  scoreFormula,
  coreSentence,
  NETWORK_NOTE,
  noCoreReason,
} from './figures';

export interface MarkdownOptions {
  /** The GitHub API URL the data came from: logins link to profiles on that GitHub (github.com, or a GitHub Enterprise Server). */
  readonly apiUrl: string;
}

/**
 * The report as Markdown a maintainer pastes into a discussion or an issue: headline with the change
 * from the previous window, response times, needs-response counts, leader candidates with their
 * evidence, who knows whom, inactive regulars, retention, categories and weekly activity. A missing figure shows as
 * `—` with a numbered note giving the engine's reason. Logins are profile links, never @-mentions,
 * so pasting the report pings nobody.
 */
export function renderMarkdown(report: Report, options: MarkdownOptions): string {
  const notes = new Notes();
  const person = (login: string) => `[${escape(login)}](${profileUrl(options.apiUrl, login)})`;
  const sections = [
    title(report),
    headlineSection(report, notes),
    responseTimesSection(report, notes),
    needsResponseSection(report),
    participationSection(report, notes),
    networkSection(report, notes, person),
    leadersSection(report, person),
    inactiveRegularsSection(report, person),
    retentionSection(report, notes),
    categoriesSection(report, notes),
    activitySection(report),
    notes.render(),
  ];
  return `${sections.filter((section) => section !== '').join('\n\n')}\n`;
}

function title(report: Report): string {
  const { since, until, days } = report.window;
  const maintainers = report.maintainersKnown
    ? ''
    : '\n\nNo maintainer is known in this data (no OWNER, MEMBER or COLLABORATOR association, no `--maintainers`), so maintainer figures are missing.';
  return `# Community report: ${escape(report.repository)}\n\n${formatDate(since)} to ${formatDate(until)} (${formatCount(days)} days, end exclusive), compared with the ${formatCount(days)} days before. Definitions: docs/metrics.md.${maintainers}`;
}

function headlineSection(report: Report, notes: Notes): string {
  const current = report.headline;
  const previous = report.previous.headline;
  const rows = REPORT_HEADLINE_IDS.map((id) => {
    const { headline: key, kind, label } = FIGURES[id];
    const now = current[key];
    const before = previous[key];
    return [
      label(report.settings.responseTargetHours),
      notes.figure(now, kind, current.reasons[key]),
      notes.figure(before, kind, previous.reasons[key]),
      now === null || before === null ? NO_VALUE : (formatChange(kind, now - before) ?? '0'),
    ];
  });
  return `## Headline\n\n${table(['', 'This window', 'Previous window', 'Change'], rows, ['l', 'r', 'r', 'r'])}`;
}

function responseTimesSection(report: Report, notes: Notes): string {
  const responseRow = (label: string, times: ResponseTimes) => [
    label,
    notes.figure(times.count, 'count', times.reasons['count']),
    notes.figure(times.medianSeconds, 'duration', times.reasons['medianSeconds']),
    notes.figure(times.meanSeconds, 'duration', times.reasons['meanSeconds']),
    notes.figure(times.p90Seconds, 'duration', times.reasons['p90Seconds']),
    notes.figure(times.noResponse, 'count', times.reasons['noResponse']),
    notes.figure(times.withinTargetRate, 'share', times.reasons['withinTargetRate']),
  ];
  const answerRow = (times: TimeToAnswer) => [
    DISCUSSION_FIGURES.timeToAnswer.label,
    formatCount(times.count),
    notes.figure(times.medianSeconds, 'duration', times.reasons['medianSeconds']),
    notes.figure(times.meanSeconds, 'duration', times.reasons['meanSeconds']),
    notes.figure(times.p90Seconds, 'duration', times.reasons['p90Seconds']),
    '',
    '',
  ];
  const target = report.firstResponse.targetHours;
  const { total, answerable, answered } = report.discussions;
  return [
    '## Response times',
    `Over the ${formatCount(total)} discussions opened in the window (${formatCount(answerable)} in answerable categories, ${formatCount(answered)} with a chosen answer); answer rate ${notes.figure(report.answerRate, 'share', report.reasons['answerRate'])}.`,
    table(
      ['', 'With one', 'Median', 'Mean', '90th percentile', 'None yet', `Within ${formatCount(target)} h`],
      [
        responseRow(DISCUSSION_FIGURES.firstResponse.label, report.firstResponse),
        responseRow(DISCUSSION_FIGURES.firstMaintainerResponse.label, report.firstMaintainerResponse),
        answerRow(report.timeToAnswer),
      ],
      ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
  ].join('\n\n');
}

function needsResponseSection(report: Report): string {
  const counts = report.needsResponse;
  return [
    `## Needs response (at ${formatDate(report.window.until)})`,
    table(
      ['Waiting', 'Discussions'],
      [
        [BUCKET_LABELS.noResponse, formatCount(counts.noResponse)],
        [BUCKET_LABELS.awaitingReply, formatCount(counts.awaitingReply)],
        [`${BUCKET_LABELS.unmarkedAnswer} (older than ${countOf(counts.staleDays, 'day')})`, formatCount(counts.unmarkedAnswer)],
        ['**Total**', `**${formatCount(counts.total)}**`],
      ],
      ['l', 'r'],
    ),
  ].join('\n\n');
}

function participationSection(report: Report, notes: Notes): string {
  const p = report.participation;
  return [
    '## Participation',
    table(
      [FIGURES.responses.label(), FIGURES.responders.label(), FIGURES.absenceFactor.label(), 'Top 10% share', 'Gini', 'Maintainer share'],
      [
        [
          formatCount(p.responses),
          formatCount(p.responders),
          notes.figure(p.absenceFactor, 'count', p.reasons['absenceFactor']),
          notes.figure(p.top10Share, 'share', p.reasons['top10Share']),
          p.gini === null ? notes.figure(null, 'count', p.reasons['gini']) : formatCoefficient(p.gini),
          notes.figure(p.maintainerShare, 'share', p.reasons['maintainerShare']),
        ],
      ],
      ['r', 'r', 'r', 'r', 'r', 'r'],
    ),
    `${FIGURES.absenceFactor.label()}: the fewest people who together wrote half of the responses.`,
  ].join('\n\n');
}

/** A login as a link to its profile, never an @-mention. */
type PersonLink = (login: string) => string;

function networkSection(report: Report, notes: Notes, person: PersonLink): string {
  const n = report.network;
  const ids = Object.keys(NETWORK_FIGURES) as (keyof typeof NETWORK_FIGURES)[];
  const figures = table(
    ids.map((id) => NETWORK_FIGURES[id].label),
    [ids.map((id) => notes.figure(n[id], NETWORK_FIGURES[id].kind, n.reasons[id]))],
    ids.map(() => 'r' as const),
  );
  const { ties, strongTies, knowSomeoneRate, participants } = NETWORK_FIGURES;
  const connectors =
    n.connectors.length === 0
      ? 'Nobody answered another person in the window.'
      : `Connectors (most ties):\n\n${table(
          ['Person', ties.label, strongTies.label],
          n.connectors.map((c) => [person(c.login), formatCount(c.ties), formatCount(c.strongTies)]),
          ['l', 'r', 'r'],
        )}`;
  const categories =
    n.categories.length === 0
      ? ''
      : `Within each category's discussions alone:\n\n${table(
          ['Category', participants.label, ties.label, strongTies.label, knowSomeoneRate.label],
          n.categories.map((c) => [
            escape(c.name),
            formatCount(c.participants),
            formatCount(c.ties),
            formatCount(c.strongTies),
            formatPercent(c.knowSomeoneRate),
          ]),
          ['l', 'r', 'r', 'r', 'r'],
        )}`;
  return [
    '## Who knows whom',
    `${NETWORK_NOTE} Core: the largest group held together by strong ties.`,
    figures,
    n.coreSize === 0 ? noCoreReason(n.ties) : `The ${coreSentence(n.coreSize)}.`,
    connectors,
    categories,
  ]
    .filter((part) => part !== '')
    .join('\n\n');
}

function leadersSection(report: Report, person: PersonLink): string {
  const { leader, scoreWeights } = report.settings;
  const heading = '## Leader candidates';
  const rule = `${leaderRule(leader)} ${scoreFormula(scoreWeights)}`;
  if (report.leaders.length === 0) {
    const closest = report.contributors[0];
    const hint = closest ? ` The most active contributor, ${person(closest.login)}, has ${closest.unmet.join(', ')}.` : '';
    return `${heading}\n\n${rule}\n\nNobody meets every threshold in this window.${hint}`;
  }
  const row = (c: Contributor) => [
    person(c.login),
    formatCount(Math.round(c.score * 10) / 10),
    ...SCORE_COMPONENTS.map((key) => formatCount(c[key])),
    formatDate(c.lastActive),
  ];
  return `${heading}\n\n${rule}\n\n${table(
    ['Person', 'Score', ...SCORE_COMPONENTS.map((key) => SCORE_COMPONENT_LABELS[key]), 'Last active'],
    report.leaders.map(row),
    ['l', 'r', ...SCORE_COMPONENTS.map(() => 'r' as const), 'l'],
  )}`;
}

function inactiveRegularsSection(report: Report, person: PersonLink): string {
  const { minResponses, lookbackDays, inactiveDays } = report.settings.inactiveRegular;
  const heading = `## Inactive regulars\n\nPeople with at least ${minResponses} responses in the ${lookbackDays} days before the end of the window and no post in its last ${inactiveDays} days: worth a message.`;
  if (report.inactiveRegulars.length === 0) return `${heading}\n\nNobody.`;
  return `${heading}\n\n${table(
    ['Person', 'Responses', 'Last active', 'Days inactive'],
    report.inactiveRegulars.map((r) => [
      person(r.login) + (r.maintainer ? ' (maintainer)' : ''),
      formatCount(r.responses),
      formatDate(r.lastActive),
      formatCount(r.daysInactive),
    ]),
    ['l', 'r', 'l', 'r'],
  )}`;
}

function retentionSection(report: Report, notes: Notes): string {
  const { retention } = report;
  const width = Math.max(0, ...retention.cohorts.map((cohort) => cohort.active.length));
  const header = ['First posted in', 'People', ...Array.from({ length: width }, (_, k) => `+${k}`)];
  const rows = retention.cohorts.map((cohort) => [
    cohort.month,
    formatCount(cohort.size),
    ...Array.from({ length: width }, (_, k) => {
      const active = cohort.active[k];
      if (active === undefined) return '';
      return active === 0 ? '0' : `${formatCount(active)} (${formatPercent(active / cohort.size)})`;
    }),
  ]);
  const newPeople = retention.newParticipants.map((month) => `${month.month}: ${formatCount(month.count)}`).join(', ');
  return [
    '## Retention',
    `${formatCount(retention.participants)} people posted in the window; ${notes.figure(retention.returningRate, 'share', retention.reasons['returningRate'])} of them had posted before it. New participants by month: ${newPeople}.`,
    'Each row: the people whose first post was in that month, and how many of them posted again k months later (+0 is the month itself; the latest month may be partial).',
    table(header, rows, ['l', 'r', ...header.slice(2).map(() => 'r' as const)]),
  ].join('\n\n');
}

function categoriesSection(report: Report, notes: Notes): string {
  if (report.categories.length === 0) return '## Categories\n\nNo discussions.';
  const thresholds = report.settings.categoryAdvice;
  const rows = report.categories.map((c) => [
    escape(c.name),
    formatCount(c.discussions),
    formatCount(c.responses),
    formatCount(c.participants),
    notes.figure(c.answerRate, 'share', c.reasons['answerRate']),
    notes.figure(c.medianFirstResponseSeconds, 'duration', c.reasons['medianFirstResponseSeconds']),
    notes.figure(c.noResponseShare, 'share', c.reasons['noResponseShare']),
    categoryAdviceSentences(c, thresholds).join('; '),
  ]);
  return [
    '## Categories',
    table(
      ['Category', 'Discussions', 'Responses', 'Participants', FIGURES.answerRate.label(), FIGURES.firstResponseMedian.label(), 'No response', 'Advice'],
      rows,
      ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
    ),
    `${categoryAdviceRule(thresholds)} See docs/metrics.md#${CATEGORY_ADVICE_ANCHOR}.`,
  ].join('\n\n');
}

function activitySection(report: Report): string {
  const rows = report.activity.weeks.map((week) => [
    `${week.week}${week.partial ? ' (partial)' : ''}`,
    formatCount(week.discussions),
    formatCount(week.comments),
    formatCount(week.replies),
    formatCount(week.activeParticipants),
  ]);
  return `## Weekly activity\n\n${table(['Week of', 'Discussions', 'Comments', 'Replies', 'Active people'], rows, ['l', 'r', 'r', 'r', 'r'])}`;
}

/** Numbered notes for missing figures: each distinct reason once, cited by its number. */
class Notes {
  private readonly reasons: string[] = [];

  figure(value: number | null, kind: FigureKind, reason: string | undefined): string {
    if (value !== null) return formatFigure(kind, value);
    const text = reason ?? 'no figure';
    let index = this.reasons.indexOf(text);
    if (index < 0) index = this.reasons.push(text) - 1;
    return `${NO_VALUE} (${index + 1})`;
  }

  render(): string {
    if (this.reasons.length === 0) return '';
    return `## Notes\n\n${this.reasons.map((reason, index) => `${index + 1}. ${reason}`).join('\n')}`;
  }
}

function table(header: readonly string[], rows: readonly (readonly string[])[], align: readonly ('l' | 'r')[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(align.map((a) => (a === 'r' ? '---:' : '---'))), ...rows.map(line)].join('\n');
}

/** Text from GitHub inside Markdown (and table cells): markup characters are escaped, never interpreted. */
function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>~@]/g, '\\$&').replace(/\r?\n/g, ' ');
}
