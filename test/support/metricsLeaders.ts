import type { DiscussionNode } from '../../src/github/schemas';

/**
 * The leader candidates of docs/metrics.md ("Contributors and leader candidates"), recomputed straight
 * from GitHub-shaped discussion nodes with none of the engine's code, so a test can hold the engine's
 * leaders to the written rule. Defaults as the doc gives them: thresholds 10 responses, 5 people helped,
 * 4 active weeks, a response in the last 30 days; weights 1, 3, 2, 1, 2, 0.5.
 */
export interface IndependentLeader {
  readonly login: string;
  readonly responses: number;
  readonly acceptedAnswers: number;
  readonly peopleHelped: number;
  readonly firstResponses: number;
  readonly activeWeeks: number;
  readonly upvotes: number;
  readonly score: number;
}

export interface LeaderRuleOptions {
  readonly maintainers?: readonly string[];
  readonly ignoreUsers?: readonly string[];
  readonly recentDays?: number;
}

const DAY = 86_400_000;
const MAINTAINER_ASSOCIATIONS = new Set(['OWNER', 'MEMBER', 'COLLABORATOR']);

interface RawPost {
  readonly id: string;
  readonly at: number;
  readonly login: string;
  readonly botActor: boolean;
  readonly association: string;
  readonly hidden: boolean;
  readonly upvotes: number;
  readonly isChosen: boolean;
}

export function independentLeaders(
  nodes: readonly DiscussionNode[],
  window: { since: number; until: number },
  options: LeaderRuleOptions = {},
): IndependentLeader[] {
  const { since, until } = window;
  const key = (login: string) => login.toLowerCase();
  const threads = nodes.map((node) => {
    const opening: RawPost = rawPost(node, false);
    const posts = (node.comments?.nodes ?? [])
      .flatMap((comment) => [
        rawPost(comment, comment.isAnswer === true || comment.id === node.answer?.id),
        ...(comment.replies?.nodes ?? []).map((reply) => rawPost(reply, reply.id === node.answer?.id)),
      ])
      .sort((a, b) => a.at - b.at);
    const answerPost = posts.find((post) => post.isChosen);
    const chosenAt = node.answerChosenAt ? Date.parse(node.answerChosenAt) : (answerPost?.at ?? (node.answer ? Date.parse(node.createdAt) : Infinity));
    return { opening, posts, chosenAt };
  });
  const everyPost = threads.flatMap((thread) => [thread.opening, ...thread.posts]);
  const bots = new Set([...(options.ignoreUsers ?? []).map(key), ...everyPost.filter((post) => post.botActor).map((post) => key(post.login))]);
  const maintainers = new Set([
    ...(options.maintainers ?? []).map(key),
    ...everyPost.filter((post) => MAINTAINER_ASSOCIATIONS.has(post.association)).map((post) => key(post.login)),
  ]);
  const isBot = (post: RawPost) => post.botActor || key(post.login).endsWith('[bot]') || bots.has(key(post.login));

  const tallies = new Map<
    string,
    { responses: number; accepted: number; helped: Set<string>; first: number; weeks: Set<string>; upvotes: number; last: number }
  >();
  const tallyOf = (login: string) => {
    let tally = tallies.get(login);
    if (!tally) tallies.set(login, (tally = { responses: 0, accepted: 0, helped: new Set(), first: 0, weeks: new Set(), upvotes: 0, last: -Infinity }));
    return tally;
  };
  const inWindow = (at: number) => at >= since && at < until;
  for (const { opening, posts, chosenAt } of threads) {
    if (isBot(opening)) continue;
    const responses = posts.filter((post) => post.at < until && !isBot(post) && !post.hidden && post.login !== opening.login);
    const first = responses[0];
    if (first && inWindow(first.at)) tallyOf(first.login).first++;
    for (const response of responses.filter((post) => inWindow(post.at))) {
      const tally = tallyOf(response.login);
      tally.responses++;
      if (response.isChosen && chosenAt < until) tally.accepted++;
      tally.helped.add(opening.login);
      tally.weeks.add(mondayOf(response.at));
      tally.upvotes += response.upvotes;
      tally.last = Math.max(tally.last, response.at);
    }
  }
  const recentDays = options.recentDays ?? 30;
  return [...tallies]
    .filter(([login, tally]) => tally.responses > 0 && login !== 'ghost' && !maintainers.has(key(login)))
    .filter(([, tally]) => tally.responses >= 10 && tally.helped.size >= 5 && tally.weeks.size >= 4 && tally.last >= until - recentDays * DAY)
    .map(([login, tally]): IndependentLeader => {
      const components = {
        responses: tally.responses,
        acceptedAnswers: tally.accepted,
        peopleHelped: tally.helped.size,
        firstResponses: tally.first,
        activeWeeks: tally.weeks.size,
        upvotes: tally.upvotes,
      };
      const score =
        components.responses +
        3 * components.acceptedAnswers +
        2 * components.peopleHelped +
        components.firstResponses +
        2 * components.activeWeeks +
        0.5 * components.upvotes;
      return { login, ...components, score };
    })
    .sort((a, b) => b.score - a.score || b.responses - a.responses || (a.login < b.login ? -1 : 1));
}

type PostNode = NonNullable<DiscussionNode['comments']>['nodes'][number] | DiscussionNode;

function rawPost(node: PostNode & { deletedAt?: string | null; isMinimized?: boolean }, isChosen: boolean): RawPost {
  return {
    id: node.id,
    at: Date.parse(node.createdAt),
    login: node.author?.login ?? 'ghost',
    botActor: node.author?.__typename === 'Bot',
    association: node.authorAssociation ?? 'NONE',
    hidden: node.deletedAt != null || node.isMinimized === true,
    upvotes: node.upvoteCount ?? 0,
    isChosen,
  };
}

/** `YYYY-MM-DD` of the Monday (UTC) starting the ISO week holding `at`. */
function mondayOf(at: number): string {
  const date = new Date(at);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - sinceMonday)).toISOString().slice(0, 10);
}
