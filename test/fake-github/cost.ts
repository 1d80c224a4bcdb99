import {
  getArgumentValues,
  getDirectiveValues,
  getLocation,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  OperationTypeNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type FragmentSpreadNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type InlineFragmentNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { GitHubGraphQLErrorBody } from './errors';

/** GitHub's limits: 1..100 items per connection page, 500,000 possible nodes per query. */
export const MAX_PAGE_SIZE = 100;
export const MAX_NODES = 500_000;
/** GitHub charges a mutation one point of the primary rate limit, whatever its payload selects. */
export const MUTATION_COST = 1;

export interface QueryCost {
  /** The requests the query implies: each connection counts once per item its parent connections can return. */
  requests: number;
  /** The nodes the query can return at most. */
  nodeCount: number;
  /** Rate-limit points: requests / 100, rounded, at least 1; a mutation costs 1. */
  cost: number;
}

export type CostAnalysis = { ok: true; cost: QueryCost } | { ok: false; errors: GitHubGraphQLErrorBody[] };

/**
 * GitHub's static analysis before execution: every connection needs `first` or `last` within 1..100,
 * the query may ask for at most 500,000 nodes, and it costs its implied requests / 100. For
 * `discussions(first: 100) { comments(first: 10) { replies(first: 5) } }`: 1 + 100 + 1,000 requests = 11 points.
 * Fragments count where they are spread; `@skip`/`@include` are honoured.
 */
export function analyzeCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): CostAnalysis {
  const rootType = schema.getRootType(operation.operation);
  const walker = new CostWalker(schema, fragments, variables);
  if (rootType) walker.walk(operation.selectionSet, rootType, 1, []);
  if (walker.errors.length > 0) return { ok: false, errors: walker.errors };
  if (walker.nodeCount > MAX_NODES) {
    return {
      ok: false,
      errors: [
        {
          type: 'MAX_NODE_LIMIT_EXCEEDED',
          message: `This query requests up to ${walker.nodeCount.toLocaleString('en-US')} possible nodes which exceeds the maximum limit of ${MAX_NODES.toLocaleString('en-US')}.`,
        },
      ],
    };
  }
  const cost = operation.operation === OperationTypeNode.MUTATION ? MUTATION_COST : Math.max(1, Math.round(walker.requests / 100));
  return { ok: true, cost: { requests: walker.requests, nodeCount: walker.nodeCount, cost } };
}

class CostWalker {
  requests = 0;
  nodeCount = 0;
  readonly errors: GitHubGraphQLErrorBody[] = [];

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
  ) {}

  /** `multiplier`: how many times this selection can occur, the product of the enclosing page sizes. */
  walk(selectionSet: SelectionSetNode, parentType: GraphQLCompositeType, multiplier: number, path: readonly string[]): void {
    for (const selection of selectionSet.selections) {
      if (!this.included(selection)) continue;
      if (selection.kind === Kind.FIELD) this.field(selection, parentType, multiplier, path);
      else {
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : this.fragments.get(selection.name.value);
        if (!fragment) continue;
        const typeName = fragment.typeCondition?.name.value;
        const type = typeName ? this.schema.getType(typeName) : parentType;
        if (type && isCompositeType(type)) this.walk(fragment.selectionSet, type, multiplier, path);
      }
    }
  }

  private field(node: FieldNode, parentType: GraphQLCompositeType, multiplier: number, parentPath: readonly string[]): void {
    const definition = isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields()[node.name.value] : undefined;
    if (!definition) return; // introspection and __typename cost nothing; unknown fields fail validation
    const path = [...parentPath, node.alias?.value ?? node.name.value];
    let childMultiplier = multiplier;
    if (isConnection(definition)) {
      const pageSize = this.pageSize(definition, node, path);
      if (pageSize === undefined) return;
      this.requests += multiplier;
      this.nodeCount += multiplier * pageSize;
      childMultiplier = multiplier * pageSize;
    }
    const type = getNamedType(definition.type);
    if (node.selectionSet && isCompositeType(type)) this.walk(node.selectionSet, type, childMultiplier, path);
  }

  private pageSize(definition: GraphQLField<unknown, unknown>, node: FieldNode, path: readonly string[]): number | undefined {
    const args = getArgumentValues(definition, node, this.variables) as { first?: number | null; last?: number | null };
    const location = node.loc ? [getLocation(node.loc.source, node.loc.start)] : undefined;
    const fail = (type: string, message: string) => {
      this.errors.push({ type, path, ...(location && { locations: location }), message });
      return undefined;
    };
    if (args.first == null && args.last == null) {
      return fail(
        'MISSING_PAGINATION_BOUNDARIES',
        `You must provide a \`first\` or \`last\` value to properly paginate the \`${node.name.value}\` connection.`,
      );
    }
    for (const bound of ['first', 'last'] as const) {
      const value = args[bound];
      if (value == null) continue;
      if (value > MAX_PAGE_SIZE) {
        return fail(
          'EXCESSIVE_PAGINATION',
          `Requesting ${value} records on the \`${node.name.value}\` connection exceeds the \`${bound}\` limit of ${MAX_PAGE_SIZE} records.`,
        );
      }
      if (value < 0) return fail('INVALID_CURSOR_ARGUMENTS', `\`${bound}\` on the \`${node.name.value}\` connection cannot be less than zero.`);
    }
    return Math.max(args.first ?? 0, args.last ?? 0);
  }

  private included(selection: FieldNode | InlineFragmentNode | FragmentSpreadNode): boolean {
    if (getDirectiveValues(GraphQLSkipDirective, selection, this.variables)?.['if'] === true) return false;
    return getDirectiveValues(GraphQLIncludeDirective, selection, this.variables)?.['if'] !== false;
  }
}

/** GitHub's connections: a `...Connection` type with `first`/`last` arguments. */
function isConnection(field: GraphQLField<unknown, unknown>): boolean {
  return getNamedType(field.type).name.endsWith('Connection') && field.args.some((arg) => arg.name === 'first');
}
