import type * as z from 'zod';
import type { GitHubClient } from './client';
import { formatIssuePath } from './issuePath';
import { SyncError } from './syncError';
import { syncErrorFrom } from './syncErrorFrom';

export interface QueryRunner {
  /**
   * Runs one query and validates its answer; any failure becomes a SyncError naming the query.
   * `missingNodesAllowed`: `node(id:)` lookups of nodes deleted meanwhile answer null instead of failing.
   */
  run<Schema extends z.ZodType>(
    name: string,
    query: string,
    variables: Record<string, unknown>,
    schema: Schema,
    options?: { missingNodesAllowed?: boolean },
  ): Promise<z.infer<Schema>>;
  /** Queries sent so far (retries of one query count once). */
  readonly requests: number;
  /** Points charged so far, as GitHub's `rateLimit.cost` reported them. */
  readonly points: number;
}

export function createQueryRunner(client: GitHubClient, repository: string, signal?: AbortSignal): QueryRunner {
  let requests = 0;
  let points = 0;
  const apiUrl = client.endpoint.baseUrl;
  return {
    get requests() {
      return requests;
    },
    get points() {
      return points;
    },
    async run(name, query, variables, schema, options = {}) {
      const context = { repository, query: name, apiUrl };
      if (signal?.aborted) throw syncErrorFrom(signal.reason, context, signal);
      let data: unknown;
      requests += 1;
      try {
        data = await client.graphql<unknown>(query, variables, signal);
      } catch (error) {
        const partial = options.missingNodesAllowed ? dataDespiteMissingNodes(error) : undefined;
        if (partial === undefined) throw syncErrorFrom(error, context, signal);
        data = partial;
      }
      const parsed = schema.safeParse(data);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const path = issue ? formatIssuePath(issue.path) : '';
        throw new SyncError(
          'validation',
          repository,
          `GitHub's answer to ${name} for ${repository} has an unexpected shape at ${path || 'the top level'}: ${issue?.message ?? 'invalid'}. Nothing from this answer was stored; sync again later, and report this if it persists.`,
          { query: name, path, cause: parsed.error },
        );
      }
      points += costOf(parsed.data);
      return parsed.data;
    },
  };
}

/** GitHub answers a `node(id:)` of a deleted node with null and a NOT_FOUND error; the rest of the data is good. */
function dataDespiteMissingNodes(error: unknown): unknown {
  if (typeof error !== 'object' || error === null) return undefined;
  const { errors, data } = error as { errors?: unknown; data?: unknown };
  if (!Array.isArray(errors) || data === undefined || data === null) return undefined;
  const allMissingNodes = errors.every(
    (item: { type?: unknown; path?: unknown }) => item.type === 'NOT_FOUND' && Array.isArray(item.path) && item.path.length === 1,
  );
  return allMissingNodes ? data : undefined;
}

function costOf(data: unknown): number {
  const rateLimit = (data as { rateLimit?: { cost?: unknown } | null }).rateLimit;
  return typeof rateLimit?.cost === 'number' ? rateLimit.cost : 0;
}
