import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

/**
 * Typed GraphQL documents: gql.tada infers each query's result and variables from the API's
 * schema (apps/api/schema.gql, turned into graphql-env.d.ts by `npm run web:schema`), so a
 * renamed or removed field is a type error here, with no generated code per query.
 * DateTime and Date travel as ISO strings.
 */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { DateTime: string; Date: string; ID: string };
}>();

export type { ResultOf, VariablesOf } from 'gql.tada';
