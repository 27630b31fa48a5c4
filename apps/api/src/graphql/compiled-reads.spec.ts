import { ApolloServer } from '@apollo/server';
import { GraphQLError, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { compiledReads } from './compiled-reads';
import type { RequestContext } from './request-context';

/**
 * What the plugin promises: a query that selects no personal data is answered by the compiled
 * run, with the data graphql-js would give; anything that errs, every mutation and every read of
 * a personal-data type go through graphql-js, whose errors pass formatError.
 */
describe('compiledReads', () => {
  const calls = { sessions: 0, failing: 0, participant: 0, register: 0 };
  /** Who resolved the last page: graphql-js's paths carry the parent type's name, graphql-jit's do not. */
  let resolvedBy: 'graphql-js' | 'graphql-jit' | null = null;
  const Session = new GraphQLObjectType({
    name: 'Session',
    fields: {
      id: { type: new GraphQLNonNull(GraphQLString) },
      capacity: { type: GraphQLInt },
      hosts: { type: new GraphQLList(GraphQLString), resolve: (session: { id: string }) => Promise.resolve([`host of ${session.id}`]) },
    },
  });
  // The read audit follows this type name (personal-data-read-audit.plugin.ts).
  const Participant = new GraphQLObjectType({ name: 'Participant', fields: { id: { type: GraphQLString }, firstName: { type: GraphQLString } } });
  const fails = () => {
    throw new GraphQLError('not for you', { extensions: { code: 'FORBIDDEN' } });
  };
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        sessions: {
          type: new GraphQLList(Session),
          args: { first: { type: GraphQLInt } },
          resolve: (_root, { first }: { first: number }, _context, info) => {
            calls.sessions++;
            resolvedBy = 'typename' in info.path ? 'graphql-js' : 'graphql-jit';
            return Array.from({ length: first }, (_, i) => ({ id: `s${i}`, capacity: 10 + i }));
          },
        },
        failing: {
          type: GraphQLString,
          resolve: () => {
            calls.failing++;
            return fails();
          },
        },
        participant: {
          type: Participant,
          resolve: () => {
            calls.participant++;
            return fails();
          },
        },
      },
    }),
    mutation: new GraphQLObjectType({
      name: 'Mutation',
      fields: {
        register: {
          type: GraphQLString,
          resolve: () => {
            calls.register++;
            return fails();
          },
        },
      },
    }),
  });

  async function run(withPlugin: boolean, query: string, variables?: Record<string, unknown>) {
    const server = new ApolloServer<RequestContext>({
      schema,
      plugins: withPlugin ? [compiledReads] : [],
      formatError: (formatted) => ({ ...formatted, extensions: { ...formatted.extensions, formatted: true } }),
    });
    await server.start();
    try {
      const response = await server.executeOperation({ query, variables }, { contextValue: {} as RequestContext });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      return response.body.singleResult;
    } finally {
      await server.stop();
    }
  }

  beforeEach(() => {
    for (const key of Object.keys(calls) as (keyof typeof calls)[]) calls[key] = 0;
    resolvedBy = null;
  });

  it('answers a query with the data graphql-js gives, nested lists and variables included', async () => {
    const query = 'query Page($first: Int) { sessions(first: $first) { id capacity hosts } }';
    const compiled = await run(true, query, { first: 3 });
    expect(resolvedBy).toBe('graphql-jit');
    const interpreted = await run(false, query, { first: 3 });
    expect(resolvedBy).toBe('graphql-js');
    expect(compiled).toEqual(interpreted);
    expect(compiled.data).toEqual({
      sessions: [0, 1, 2].map((i) => ({ id: `s${i}`, capacity: 10 + i, hosts: [`host of s${i}`] })),
    });
    expect(calls.sessions).toBe(2);
  });

  it('runs a query that errs again through graphql-js, so its error is formatted as every other error', async () => {
    const answer = await run(true, '{ failing }');
    expect(answer.errors).toEqual([expect.objectContaining({ message: 'not for you', extensions: { code: 'FORBIDDEN', formatted: true } })]);
    // Once compiled (its answer thrown away), once by graphql-js: the compiled path ran.
    expect(calls.failing).toBe(2);
  });

  it('leaves mutations and reads of personal data to graphql-js alone', async () => {
    const mutation = await run(true, 'mutation { register }');
    expect(mutation.errors?.[0].extensions).toEqual({ code: 'FORBIDDEN', formatted: true });
    expect(calls.register).toBe(1);
    const personal = await run(true, '{ participant { firstName } }');
    expect(personal.errors?.[0].extensions).toEqual({ code: 'FORBIDDEN', formatted: true });
    expect(calls.participant).toBe(1);
  });
});
