import {
  execute,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  Kind,
  OperationTypeNode,
  parse,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
} from 'graphql';
import type { PointsBudget } from './budget';
import { analyzeCost } from './cost';
import { GitHubResolverError, type GitHubGraphQLErrorBody } from './errors';
import { formatGitHubTime } from './model';
import type { Viewer } from './permissions';
import { createMutationRoot } from './mutations';
import { createRoot, type RequestContext } from './resolvers';
import type { FakeStore } from './store';

/** What the HTTP layer sends: GitHub answers query errors with HTTP 200 and `{ errors }`. */
export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export type GraphQLOutcome =
  | { kind: 'answer'; answer: HttpAnswer; points: number; executedMutation: boolean }
  /** The query would overspend an enforced budget. */
  | { kind: 'rateLimited' };

interface GraphQLRequestBody {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

/**
 * Runs one GraphQL request as github.com does: parse, validate against GitHub's schema (graphql-js's
 * "Did you mean" suggestions included), check pagination bounds and node limit, charge the cost, execute
 * (a mutation document runs its fields one after another, as graphql-js executes mutations).
 */
export class GraphQLEndpoint {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly store: FakeStore,
    private readonly budget: PointsBudget,
    private readonly options: { viewer: Viewer; enforceRateLimit: boolean },
  ) {}

  async run(body: unknown): Promise<GraphQLOutcome> {
    if (!isRequestBody(body)) return this.errors([{ message: 'A query attribute must be specified and must be a string.' }]);
    let document: DocumentNode;
    try {
      document = parse(body.query);
    } catch (error) {
      return this.errors([formatError(error as GraphQLError)]);
    }
    const invalid = validate(this.schema, document);
    if (invalid.length > 0) return this.errors(invalid.map(formatError));

    const operation = getOperationAST(document, body.operationName ?? undefined);
    if (!operation) {
      return this.errors([{ message: body.operationName ? `Unknown operation named "${body.operationName}".` : 'An operation name is required' }]);
    }
    const variables = getVariableValues(this.schema, operation.variableDefinitions ?? [], body.variables ?? {});
    if (variables.errors) return this.errors(variables.errors.map(formatError));

    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const analysis = analyzeCost(this.schema, operation, fragments, variables.coerced);
    if (!analysis.ok) return this.errors(analysis.errors);
    const { cost, nodeCount } = analysis.cost;
    if (this.options.enforceRateLimit && !this.budget.canAfford(cost)) return { kind: 'rateLimited' };

    this.budget.charge(cost);
    const budget = this.budget.state();
    const context: RequestContext = {
      viewer: this.options.viewer,
      rateLimit: { cost, nodeCount, limit: budget.limit, used: budget.used, remaining: budget.remaining, resetAt: formatGitHubTime(budget.resetAtMs) },
    };
    const isMutation = operation.operation === OperationTypeNode.MUTATION;
    const rootValue = isMutation ? createMutationRoot(this.store, context) : createRoot(this.store, context);
    const result = await execute({
      schema: this.schema,
      document,
      rootValue,
      variableValues: body.variables ?? {},
      operationName: body.operationName ?? undefined,
    });
    const responseBody = result.errors ? { data: result.data ?? null, errors: result.errors.map(formatError) } : { data: result.data };
    return {
      kind: 'answer',
      answer: { status: 200, headers: this.budget.headers(), body: responseBody },
      points: cost,
      executedMutation: isMutation,
    };
  }

  private errors(errors: GitHubGraphQLErrorBody[]): GraphQLOutcome {
    return { kind: 'answer', answer: { status: 200, headers: this.budget.headers(), body: { errors } }, points: 0, executedMutation: false };
  }
}

function isRequestBody(body: unknown): body is GraphQLRequestBody {
  if (typeof body !== 'object' || body === null) return false;
  const { query, variables, operationName } = body as Record<string, unknown>;
  return (
    typeof query === 'string' &&
    (variables == null || (typeof variables === 'object' && !Array.isArray(variables))) &&
    (operationName == null || typeof operationName === 'string')
  );
}

/** GitHub's order and keys: `type` (GitHub's own errors), `path`, `locations`, `message`. */
function formatError(error: GraphQLError): GitHubGraphQLErrorBody {
  const original = error.originalError;
  return {
    ...(original instanceof GitHubResolverError && { type: original.type }),
    ...(error.path && { path: error.path }),
    ...(error.locations && { locations: error.locations }),
    message: error.message,
  };
}
