import type { GeneratedActor, GeneratedDiscussion } from '../fake-github/generator';

/**
 * The figures the dashboard, Health and People show, worked out again from the raw generated discussions (the
 * GitHub nodes the fake GitHub serves) with plain loops that follow docs/metrics.md and share nothing with
 * src/: the VS Code suites and the browser test compare what is drawn with these, so a mistake in the engine
 * shows as a difference instead of being copied into the expected value.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MAINTAINER_ASSOCIATIONS = new Set(['OWNER', 'MEMBER', 'COLLABORATOR']);
const FIRST_RESPONSE_BANDS_HOURS = [1, 4, 12, 24, 48, 168];
const SCORE_WEIGHTS = { responses: 1, acceptedAnswers: 3, peopleHelped: 2, firstResponses: 1, activeWeeks: 2, upvotes: 0.5 };

export interface Window {
  readonly since: number;
  readonly until: number;
}

export interface FigureOptions {
  /** Logins counted as maintainers besides those GitHub marks OWNER, MEMBER or COLLABORATOR (the setting). */
  readonly maintainers?: readonly string[];
  readonly responseTargetHours?: number;
}

export interface LeaderFigures {
  readonly login: string;
  readonly responses: number;
  readonly acceptedAnswers: number;
  readonly peopleHelped: number;
  readonly firstResponses: number;
  readonly activeWeeks: number;
  readonly score: number;
}

export interface CommunityFigures {
  /** First-response times in seconds of the window's discussions that had one by `until`, ascending. */
  readonly firstResponseSeconds: number[];
  readonly noResponse: number;
  readonly withinTargetRate: number | null;
  /** Counts per band `< 1 h`, `1–4 h`, `4–12 h`, `12–24 h`, `1–2 d`, `2–7 d`, `≥ 7 d`. */
  readonly bands: number[];
  readonly answerRate: number | null;
  readonly returningRate: number | null;
  readonly responses: number;
  readonly responders: number;
  readonly absenceFactor: number | null;
  readonly top10Share: number | null;
  /** ISO weeks overlapping the window, each counted inside the window only. */
  readonly weeks: { week: string; partial: boolean; discussions: number; comments: number; replies: number; activeParticipants: number }[];
  /** The 12 monthly cohorts up to the month holding `until`. */
  readonly cohorts: { month: string; size: number; active: number[] }[];
  /** People (not ghost) whose first post is in the month holding `until`. */
  readonly newThisMonth: number;
  /** Discussions created in the window, per category name. */
  readonly categories: Map<string, number>;
  /** People with a post that counts as activity in the window, per category name (categories with one). */
  readonly categoryParticipants: Map<string, number>;
  /** Leader candidates, highest score first (ties: more responses, then login). */
  readonly leaders: LeaderFigures[];
  /** People (not ghost) with at least 5 responses in the year before `until` whose latest post is more than 60 days before it. */
  readonly inactiveRegulars: number;
  /** Open discussions (not closed, not locked, no chosen answer) nobody has responded to by `until`: Needs Response's first bucket. */
  readonly waitingWithoutResponse: number;
  /** docs/metrics.md "Network": the share of the window's participants with a strong tie (met in two discussions or more). */
  readonly knowSomeoneRate: number | null;
  /** The largest group held together by strong ties. */
  readonly coreSize: number;
  /** The ten people with the most ties (then strong ties, then login), their logins. */
  readonly connectors: string[];
  /** The people of the largest strong-tie group. */
  readonly core: Set<string>;
}

interface Post {
  readonly login: string;
  readonly at: number;
  readonly kind: 'opening' | 'comment' | 'reply';
  /** Counts as activity: not a bot's, not deleted, not minimized. */
  readonly visible: boolean;
  readonly upvotes: number;
  readonly id: string;
  /** Whom it answers (docs/metrics.md "Network"): the opener for a comment, the comment's author for a reply under a counted comment. */
  readonly answers: string | null;
}

interface Thread {
  readonly author: string;
  readonly createdAt: number;
  readonly category: string;
  readonly answerable: boolean;
  /** Neither closed nor locked (undated: as it is now). */
  readonly open: boolean;
  /** The chosen answer's comment id, if chosen before `until`. */
  readonly answerId: string | null;
  /** Comments and replies posted before `until`, oldest first. */
  readonly posts: Post[];
}

const loginOf = (actor: GeneratedActor | null): string => actor?.login ?? 'ghost';

export function communityFigures(discussions: readonly GeneratedDiscussion[], window: Window, options: FigureOptions = {}): CommunityFigures {
  const { since, until } = window;
  const targetSeconds = (options.responseTargetHours ?? 48) * 3600;
  const { bots, maintainers } = classifyPeople(discussions, options.maintainers ?? []);
  const threads = discussions
    .filter((discussion) => !bots.has(loginOf(discussion.author).toLowerCase()) && Date.parse(discussion.createdAt) < until)
    .map((discussion) => threadAsOf(discussion, until, bots));
  const inWindow = (at: number) => at >= since && at < until;
  const isResponse = (thread: Thread, post: Post) => post.visible && post.login !== thread.author;

  // First response, bands and answer rate over the discussions created in the window.
  const opened = threads.filter((thread) => inWindow(thread.createdAt));
  const firstResponseSeconds: number[] = [];
  let noResponse = 0;
  let unansweredButYoung = 0;
  for (const thread of opened) {
    const first = thread.posts.find((post) => isResponse(thread, post));
    if (first) firstResponseSeconds.push((first.at - thread.createdAt) / 1000);
    else {
      noResponse++;
      if ((until - thread.createdAt) / 1000 < targetSeconds) unansweredButYoung++;
    }
  }
  firstResponseSeconds.sort((a, b) => a - b);
  const judged = opened.length - unansweredButYoung;
  const within = firstResponseSeconds.filter((seconds) => seconds <= targetSeconds).length;
  const bands = FIRST_RESPONSE_BANDS_HOURS.map(() => 0).concat(0);
  for (const seconds of firstResponseSeconds) {
    const band = FIRST_RESPONSE_BANDS_HOURS.findIndex((hours) => seconds < hours * 3600);
    bands[band === -1 ? FIRST_RESPONSE_BANDS_HOURS.length : band]!++;
  }
  const answerable = opened.filter((thread) => thread.answerable);

  // Every post that counts as activity, with its thread, for participation, retention and activity.
  const visiblePosts = threads.flatMap((thread) => [
    { thread, post: { login: thread.author, at: thread.createdAt, kind: 'opening' as const, visible: true, upvotes: 0, id: '', answers: null } },
    ...thread.posts.filter((post) => post.visible).map((post) => ({ thread, post })),
  ]);
  const firstPostAt = new Map<string, number>();
  for (const { post } of visiblePosts) firstPostAt.set(post.login, Math.min(post.at, firstPostAt.get(post.login) ?? Infinity));

  // Participation: responses posted in the window on any discussion.
  const responsesBy = new Map<string, number>();
  for (const { thread, post } of visiblePosts) {
    if (post.kind !== 'opening' && isResponse(thread, post) && inWindow(post.at)) responsesBy.set(post.login, (responsesBy.get(post.login) ?? 0) + 1);
  }
  const counts = [...responsesBy.values()].sort((a, b) => b - a);
  const responses = counts.reduce((sum, count) => sum + count, 0);
  let absenceFactor = 0;
  for (let made = 0; made < responses / 2; absenceFactor++) made += counts[absenceFactor]!;
  const top = Math.ceil(counts.length / 10);
  const top10Share = responses === 0 ? null : counts.slice(0, top).reduce((sum, count) => sum + count, 0) / responses;

  const participants = new Set(visiblePosts.filter(({ post }) => inWindow(post.at)).map(({ post }) => post.login));
  const returning = [...participants].filter((login) => firstPostAt.get(login)! < since).length;

  const categories = new Map<string, number>();
  for (const thread of opened) categories.set(thread.category, (categories.get(thread.category) ?? 0) + 1);

  const peopleByCategory = new Map<string, Set<string>>();
  for (const { thread, post } of visiblePosts) {
    if (inWindow(post.at)) peopleByCategory.set(thread.category, (peopleByCategory.get(thread.category) ?? new Set()).add(post.login));
  }

  const untilMonth = monthOf(until - 1);
  const network = networkOf(
    threads.map((thread) => [
      { login: thread.author, at: thread.createdAt, kind: 'opening' as const, visible: true, upvotes: 0, id: '', answers: null },
      ...thread.posts,
    ]),
    window,
  );
  return {
    ...network,
    firstResponseSeconds,
    noResponse,
    withinTargetRate: judged === 0 ? null : within / judged,
    bands,
    answerRate: answerable.length === 0 ? null : answerable.filter((thread) => thread.answerId !== null).length / answerable.length,
    returningRate: participants.size === 0 ? null : returning / participants.size,
    responses,
    responders: counts.length,
    absenceFactor: responses === 0 ? null : absenceFactor,
    top10Share,
    weeks: weeksOf(
      window,
      visiblePosts.map(({ post }) => post),
    ),
    cohorts: cohortsOf(
      untilMonth,
      firstPostAt,
      visiblePosts.map(({ post }) => post),
    ),
    newThisMonth: [...firstPostAt].filter(([login, at]) => login !== 'ghost' && monthOf(at) === untilMonth).length,
    categories,
    categoryParticipants: new Map([...peopleByCategory].map(([name, people]) => [name, people.size])),
    leaders: leadersOf(threads, window, bots, maintainers),
    inactiveRegulars: inactiveRegularsOf(
      threads,
      visiblePosts.map(({ post }) => post),
      until,
    ),
    waitingWithoutResponse: threads.filter((thread) => thread.open && thread.answerId === null && !thread.posts.some((post) => isResponse(thread, post)))
      .length,
  };
}

/** Bots (a `Bot` actor or a `[bot]` login, anywhere) and maintainers (an owner, member or collaborator post, or the setting), lower-cased. */
function classifyPeople(discussions: readonly GeneratedDiscussion[], extraMaintainers: readonly string[]) {
  const bots = new Set<string>();
  const maintainers = new Set(extraMaintainers.map((login) => login.toLowerCase()));
  const note = (actor: GeneratedActor | null, association: string) => {
    const login = loginOf(actor).toLowerCase();
    if (actor?.__typename === 'Bot' || login.endsWith('[bot]')) bots.add(login);
    if (MAINTAINER_ASSOCIATIONS.has(association)) maintainers.add(login);
  };
  for (const discussion of discussions) {
    note(discussion.author, discussion.authorAssociation);
    for (const comment of discussion.comments.nodes) {
      note(comment.author, comment.authorAssociation);
      for (const reply of comment.replies.nodes) note(reply.author, reply.authorAssociation);
    }
  }
  return { bots, maintainers };
}

function threadAsOf(discussion: GeneratedDiscussion, until: number, bots: ReadonlySet<string>): Thread {
  const posts: Post[] = [];
  const visible = (node: { readonly author: GeneratedActor | null; readonly deletedAt: string | null; readonly isMinimized: boolean }) =>
    !bots.has(loginOf(node.author).toLowerCase()) && node.deletedAt === null && !node.isMinimized;
  const add = (
    node: GeneratedDiscussion['comments']['nodes'][number] | GeneratedDiscussion['comments']['nodes'][number]['replies']['nodes'][number],
    kind: Post['kind'],
    answers: string | null,
  ) => {
    const at = Date.parse(node.createdAt);
    if (at >= until) return;
    posts.push({ login: loginOf(node.author), at, kind, visible: visible(node), upvotes: node.upvoteCount, id: node.id, answers });
  };
  for (const comment of discussion.comments.nodes) {
    add(comment, 'comment', loginOf(discussion.author));
    for (const reply of comment.replies.nodes) add(reply, 'reply', visible(comment) ? loginOf(comment.author) : null);
  }
  posts.sort((a, b) => a.at - b.at);
  const chosen = discussion.answer !== null && discussion.answerChosenAt !== null && Date.parse(discussion.answerChosenAt) < until;
  return {
    author: loginOf(discussion.author),
    createdAt: Date.parse(discussion.createdAt),
    category: discussion.category.name,
    answerable: discussion.category.isAnswerable,
    open: !discussion.closed && !discussion.locked,
    answerId: chosen ? discussion.answer!.id : null,
    posts,
  };
}

/** `2024-05` of a moment. */
function monthOf(at: number): string {
  return new Date(at).toISOString().slice(0, 7);
}

/** The Monday 00:00 UTC starting the ISO week that holds `at`. */
function weekStart(at: number): number {
  const midnight = Math.floor(at / DAY) * DAY;
  const daysSinceMonday = (new Date(midnight).getUTCDay() + 6) % 7;
  return midnight - daysSinceMonday * DAY;
}

function weeksOf({ since, until }: Window, posts: readonly Post[]): CommunityFigures['weeks'] {
  const weeks: CommunityFigures['weeks'] = [];
  for (let start = weekStart(since); start < until; start += 7 * DAY) {
    const from = Math.max(start, since);
    const to = Math.min(start + 7 * DAY, until);
    const inWeek = posts.filter((post) => post.at >= from && post.at < to);
    weeks.push({
      week: new Date(start).toISOString().slice(0, 10),
      partial: from !== start || to !== start + 7 * DAY,
      discussions: inWeek.filter((post) => post.kind === 'opening').length,
      comments: inWeek.filter((post) => post.kind === 'comment').length,
      replies: inWeek.filter((post) => post.kind === 'reply').length,
      activeParticipants: new Set(inWeek.map((post) => post.login)).size,
    });
  }
  return weeks;
}

function cohortsOf(untilMonth: string, firstPostAt: ReadonlyMap<string, number>, posts: readonly Post[]): CommunityFigures['cohorts'] {
  const [year, month] = untilMonth.split('-').map(Number) as [number, number];
  const months = Array.from({ length: 12 }, (_, index) => monthOf(Date.UTC(year, month - 12 + index, 1)));
  const postMonths = new Map<string, Set<string>>();
  for (const post of posts) {
    const key = monthOf(post.at);
    if (!postMonths.has(key)) postMonths.set(key, new Set());
    postMonths.get(key)!.add(post.login);
  }
  return months.map((cohort, index) => {
    const members = [...firstPostAt].filter(([, at]) => monthOf(at) === cohort).map(([login]) => login);
    const active = months.slice(index).map((later) => members.filter((login) => postMonths.get(later)?.has(login)).length);
    return { month: cohort, size: members.length, active };
  });
}

/** Contributors' components over the window (docs/metrics.md "Contributors and leader candidates"), eligible ones only. */
function leadersOf(threads: readonly Thread[], { since, until }: Window, bots: ReadonlySet<string>, maintainers: ReadonlySet<string>): LeaderFigures[] {
  const tallies = new Map<
    string,
    { responses: number; accepted: number; helped: Set<string>; first: number; weeks: Set<number>; upvotes: number; last: number }
  >();
  for (const thread of threads) {
    const responses = thread.posts.filter((post) => post.visible && post.login !== thread.author);
    for (const [index, post] of responses.entries()) {
      const lower = post.login.toLowerCase();
      if (post.at < since || post.at >= until || post.login === 'ghost' || bots.has(lower) || maintainers.has(lower)) continue;
      const tally = tallies.get(post.login) ?? {
        responses: 0,
        accepted: 0,
        helped: new Set<string>(),
        first: 0,
        weeks: new Set<number>(),
        upvotes: 0,
        last: -Infinity,
      };
      tallies.set(post.login, tally);
      tally.responses++;
      if (post.id === thread.answerId) tally.accepted++;
      tally.helped.add(thread.author);
      if (index === 0) tally.first++;
      tally.weeks.add(weekStart(post.at));
      tally.upvotes += post.upvotes;
      tally.last = Math.max(tally.last, post.at);
    }
  }
  const leaders: (LeaderFigures & { upvotes: number })[] = [];
  for (const [login, tally] of tallies) {
    if (tally.responses < 10 || tally.helped.size < 5 || tally.weeks.size < 4 || tally.last < until - 30 * DAY) continue;
    const components = {
      responses: tally.responses,
      acceptedAnswers: tally.accepted,
      peopleHelped: tally.helped.size,
      firstResponses: tally.first,
      activeWeeks: tally.weeks.size,
      upvotes: tally.upvotes,
    };
    const score = (Object.keys(SCORE_WEIGHTS) as (keyof typeof SCORE_WEIGHTS)[]).reduce((sum, key) => sum + SCORE_WEIGHTS[key] * components[key], 0);
    leaders.push({ login, ...components, score });
  }
  return leaders.sort((a, b) => b.score - a.score || b.responses - a.responses || (a.login < b.login ? -1 : 1));
}

function inactiveRegularsOf(threads: readonly Thread[], posts: readonly Post[], until: number): number {
  const responses = new Map<string, number>();
  for (const thread of threads) {
    for (const post of thread.posts) {
      if (post.visible && post.login !== thread.author && post.at >= until - 365 * DAY) responses.set(post.login, (responses.get(post.login) ?? 0) + 1);
    }
  }
  const lastPostAt = new Map<string, number>();
  for (const post of posts) lastPostAt.set(post.login, Math.max(post.at, lastPostAt.get(post.login) ?? -Infinity));
  return [...responses].filter(([login, count]) => login !== 'ghost' && count >= 5 && until - lastPostAt.get(login)! > 60 * DAY).length;
}

/** docs/metrics.md "Network (who knows whom)" over the window, from each discussion's posts (opening first). */
function networkOf(discussions: readonly (readonly Post[])[], { since, until }: Window) {
  const participants = new Set<string>();
  const met = new Map<string, Set<number>>(); // "a b" (a < b) → the discussions they interacted in
  discussions.forEach((posts, discussion) => {
    for (const post of posts) {
      if (!post.visible || post.login === 'ghost' || post.at < since || post.at >= until) continue;
      participants.add(post.login);
      if (post.answers === null || post.answers === 'ghost' || post.answers === post.login) continue;
      const pair = [post.login, post.answers].sort().join(' ');
      met.set(pair, (met.get(pair) ?? new Set()).add(discussion));
    }
  });
  const ties = [...met.keys()].map((pair) => pair.split(' ') as [string, string]);
  const strong = ties.filter((pair) => met.get(pair.join(' '))!.size >= 2);
  const count = (login: string, among: readonly [string, string][]) => among.filter((pair) => pair.includes(login)).length;
  let core = new Set<string>();
  const seen = new Set<string>();
  for (const start of strong.flat()) {
    if (seen.has(start)) continue;
    const group = new Set([start]);
    seen.add(start);
    for (const member of group) {
      for (const [a, b] of strong) {
        const other = a === member ? b : b === member ? a : null;
        if (other !== null && !seen.has(other)) {
          seen.add(other);
          group.add(other);
        }
      }
    }
    if (group.size > core.size) core = group;
  }
  const connectors = [...new Set(ties.flat())]
    .map((login) => ({ login, ties: count(login, ties), strong: count(login, strong) }))
    .sort((a, b) => b.ties - a.ties || b.strong - a.strong || (a.login < b.login ? -1 : 1))
    .slice(0, 10)
    .map((connector) => connector.login);
  const knowing = [...participants].filter((login) => count(login, strong) > 0).length;
  return { knowSomeoneRate: participants.size === 0 ? null : knowing / participants.size, coreSize: core.size, connectors, core };
}

/** The numpy-default percentile (linear between the closest ranks) of ascending values. */
export function percentile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const position = ((sorted.length - 1) * q) / 100;
  const low = Math.floor(position);
  return sorted[low]! + (position - low) * ((sorted[low + 1] ?? sorted[low]!) - sorted[low]!);
}
