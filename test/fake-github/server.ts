import type { AddressInfo } from 'node:net';
import { PointsBudget } from './budget';
import { FaultQueue } from './faults';
import { GraphQLEndpoint } from './graphqlEndpoint';
import { createFakeHttpServer } from './http';
import { Viewer } from './permissions';
import { loadGitHubSchema } from './schema';
import { FakeStore } from './store';
import type { FakeGitHub, FakeGitHubOptions, FakeGitHubStats } from './types';

export type * from './types';
export { loadDatasetFile } from './dataset';

const DEFAULT_POINTS_PER_HOUR = 5000;
const NO_REQUESTS: Readonly<FakeGitHubStats> = { requests: 0, graphqlRequests: 0, points: 0, mutations: 0, faults: 0 };

/**
 * Starts a fake github.com on 127.0.0.1 that executes GraphQL queries against GitHub's real public
 * schema over the given repositories, with GitHub's cost rule, rate-limit headers, token check, error
 * shapes, and faults injected on demand.
 */
export async function startFakeGitHub(options: FakeGitHubOptions): Promise<FakeGitHub> {
  if (options.token !== undefined && options.token.trim() === '') throw new Error('fake GitHub: token must not be empty');
  const schema = await loadGitHubSchema();
  const store = new FakeStore(options.repositories);
  const pointsPerHour = options.pointsPerHour ?? DEFAULT_POINTS_PER_HOUR;
  const graphqlBudget = new PointsBudget(pointsPerHour, options.budgetClock);
  const viewerLogin = options.viewerLogin ?? 'octocat';
  const stats: FakeGitHubStats = { ...NO_REQUESTS };
  const faults = new FaultQueue();
  const closing = new AbortController();
  const server = createFakeHttpServer({
    graphql: new GraphQLEndpoint(schema, store, graphqlBudget, {
      viewer: new Viewer(viewerLogin, options.viewerPermission),
      enforceRateLimit: options.enforceRateLimit ?? false,
    }),
    faults,
    stats,
    restBudget: new PointsBudget(DEFAULT_POINTS_PER_HOUR),
    graphqlBudget,
    token: options.token,
    viewerLogin,
    closing: closing.signal,
    latencyMs: options.latencyMs ?? 0,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    stats: () => ({ ...stats }),
    resetStats: () => Object.assign(stats, NO_REQUESTS),
    injectFault: (fault, times, target) => faults.inject(fault, times, target),
    injectRandomFaults: (random) => faults.injectRandom(random),
    clearFaults: () => faults.clear(),
    addDiscussion: (repo, input) => store.addDiscussion(repo, input),
    addComment: (repo, number, input) => store.addComment(repo, number, input),
    addReply: (repo, commentId, input) => store.addReply(repo, commentId, input),
    markAnswer: (repo, commentId, markOptions) => store.markAnswer(repo, commentId, markOptions),
    updateDiscussion: (repo, number, patch, updateOptions) => store.updateDiscussion(repo, number, patch, updateOptions),
    close: () =>
      new Promise<void>((resolve, reject) => {
        closing.abort();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
