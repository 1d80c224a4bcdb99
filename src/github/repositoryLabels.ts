import * as z from 'zod';
import { RateLimitSchema } from './answerSchemas';
import type { RepoRef } from './contracts';
import { LabelSchema, THREAD_PAGE_SIZE, type Label } from './discussionThread';
import type { QueryRunner } from './queryRunner';
import { PageInfoSchema } from './schemas';

export const REPOSITORY_LABELS_QUERY_NAME = 'RepositoryLabels';

/** One page of a repository's labels, by name, for the Discussion view's label picker. */
export const REPOSITORY_LABELS_QUERY = `
query ${REPOSITORY_LABELS_QUERY_NAME}($owner: String!, $name: String!, $after: String) {
  rateLimit { cost remaining resetAt }
  repository(owner: $owner, name: $name) {
    labels(first: ${THREAD_PAGE_SIZE}, after: $after, orderBy: { field: NAME, direction: ASC }) {
      pageInfo { hasNextPage endCursor }
      nodes { id name color }
    }
  }
}`;

/** `repository` is null only with a NOT_FOUND error, which the runner turns into a `notFound` SyncError first. */
const RepositoryLabelsAnswerSchema = z.object({
  rateLimit: RateLimitSchema,
  repository: z.object({ labels: z.object({ pageInfo: PageInfoSchema, nodes: z.array(LabelSchema) }) }),
});

/** Every label of the repository (all pages), by name. Failures are the runner's SyncErrors. */
export async function fetchRepositoryLabels(runner: QueryRunner, repository: RepoRef): Promise<Label[]> {
  const labels: Label[] = [];
  let after: string | null = null;
  for (;;) {
    const answer: z.infer<typeof RepositoryLabelsAnswerSchema> = await runner.run(
      REPOSITORY_LABELS_QUERY_NAME,
      REPOSITORY_LABELS_QUERY,
      { owner: repository.owner, name: repository.name, after },
      RepositoryLabelsAnswerSchema,
    );
    const page = answer.repository.labels;
    labels.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return labels;
    after = page.pageInfo.endCursor;
  }
}
