import { type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import { selectsPersonalData } from '../privacy/personal-data-read-audit.plugin';
import { perDocument } from './per-document';
import type { RequestContext } from './request-context';

/** Each document's operations by name, compiled on first use; null where graphql-jit declined. */
const compiledOperations = perDocument(() => new Map<string, CompiledQuery | null>());

function compiledQueryOf(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): CompiledQuery | null {
  const byName = compiledOperations(schema, document);
  const key = operationName ?? '';
  if (!byName.has(key)) {
    const compiled = compileQuery(schema, document, operationName, { disablingCapturingStackErrors: true });
    byName.set(key, isCompiledQuery(compiled) ? compiled : null);
  }
  return byName.get(key)!;
}

/**
 * Runs read-only operations compiled by graphql-jit instead of interpreted by graphql-js: the
 * public schedule resolves hundreds of fields per page, and graphql-js's generic walk over them
 * was a large share of the API's time (bench/README.md, "sessions page"). The same resolvers
 * run, with the same context, so guards, loaders and scopes are unchanged.
 *
 * Only what needs nothing of graphql-js's execution hooks goes this way: queries (no mutation),
 * that select no personal data (those are audited field by field while graphql-js resolves them,
 * personal-data-read-audit.plugin.ts), and whose compiled run ends without an error. An answer
 * with any error is thrown away and the operation runs again through graphql-js, so every error
 * a client sees is formatted by the one path that gives it its `extensions.code`: a read that
 * fails costs twice, and nothing else changes.
 */
export const compiledReads: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async responseForOperation({ operation, schema, document, request, contextValue }) {
        if (operation?.operation !== 'query' || selectsPersonalData(schema, document)) return null;
        const compiled = compiledQueryOf(schema, document, request.operationName ?? undefined);
        if (!compiled) return null;
        const result = await compiled.query(undefined, contextValue, request.variables ?? {});
        if (result.errors?.length || !result.data) return null;
        return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data: result.data } } };
      },
    };
  },
};
