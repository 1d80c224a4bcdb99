import { buildSchema, type GraphQLSchema } from 'graphql';

let githubSchema: Promise<GraphQLSchema> | undefined;

/**
 * GitHub's public GraphQL schema from @octokit/graphql-schema, built once per process (~0.3 s).
 * `assumeValidSDL` because the published SDL defines two `EnterpriseOwnerInfo` fields twice, which
 * graphql-js's SDL validation rejects although the schema is otherwise usable.
 */
export function loadGitHubSchema(): Promise<GraphQLSchema> {
  githubSchema ??= import('@octokit/graphql-schema').then(({ schema }) => buildSchema(schema.idl, { assumeValidSDL: true }));
  return githubSchema;
}
