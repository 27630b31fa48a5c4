import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { ApolloDriverConfig } from '@nestjs/apollo';
import type { BuildSchemaOptions } from '@nestjs/graphql';
import type { Request } from 'express';
import type { GraphQLError, ValidationContext } from 'graphql';
import { UsersService } from '@app/auth';
import { AppConfig } from '@app/config';
import { ResponseCache } from '@app/response-cache';
import { LoadersFactory } from '../loaders/loaders';
import { compiledReads } from './compiled-reads';
import { formatError } from './format-error';
import type { RequestContext } from './request-context';
import { markStorableResponses } from './response-cache-http';
import { responseStatusByMediaType } from './response-status';
import { DateTimeScalar } from './scalars';

/** The bearer token of the Authorization header; '' for a malformed one, null for none. */
export function bearerToken(req: Request): string | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const match = /^Bearer ([A-Za-z0-9._~+/=-]{10,2048})$/.exec(header);
  return match ? match[1] : '';
}

/**
 * Limits every operation must stay within, checked before anything runs: the deepest screen (the
 * festival plan) nests 7 levels and no client needs many aliases; a query built to exhaust the
 * server is refused with GRAPHQL_VALIDATION_FAILED. The token limit stops the parser itself
 * (GRAPHQL_PARSE_FAILED) before a long document costs any time, and with it the validation rules
 * whose cost grows with the square of a selection's fields: the web app's biggest document (the
 * festival stand plan) has about 100 tokens, so 1500 leaves room for other clients and tools.
 * Anonymous callers also have a length limit (http-rate-limit.ts).
 */
export const QUERY_LIMITS = { maxDepth: 12, maxAliases: 15, maxCost: 20000, maxTokens: 1500 };

/** Armor throws by default, which Apollo reports as a 500; a reported validation error is a 400 with GRAPHQL_VALIDATION_FAILED. */
const REPORT_AS_VALIDATION_ERROR = {
  propagateOnRejection: false,
  onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
};

export const BUILD_SCHEMA_OPTIONS: BuildSchemaOptions = { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] };

export function graphqlOptions(config: AppConfig, loaders: LoadersFactory, users: UsersService, cache: ResponseCache): ApolloDriverConfig {
  const production = config.nodeEnv === 'production';
  return {
    path: '/graphql',
    // The schema lives in memory; `npm run schema:emit` writes apps/api/schema.gql for review.
    autoSchemaFile: true,
    sortSchema: true,
    buildSchemaOptions: BUILD_SCHEMA_OPTIONS,
    introspection: !production,
    // GraphiQL is served from the web build (apps/api/src/web/serve-graphiql.ts): the package's
    // own page loads React and GraphiQL from unpkg.com, and Apollo's default one from its CDN.
    graphiql: false,
    playground: false,
    // "Did you mean …?" in a validation error names fields a stranger may not know of.
    hideSchemaDetailsFromClientErrors: production,
    // Automatic persisted queries stay off: the web app's operations are persisted by a static
    // manifest instead (persisted-queries.ts resolves an id before Apollo sees the request).
    persistedQueries: false,
    csrfPrevention: true,
    // graphql-js's own lexer limit: parsing stops at the first token over it.
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    validationRules: [
      maxDepthRule({ n: QUERY_LIMITS.maxDepth, ignoreIntrospection: true, ...REPORT_AS_VALIDATION_ERROR }),
      maxAliasesRule({ n: QUERY_LIMITS.maxAliases, ...REPORT_AS_VALIDATION_ERROR }),
      costLimitRule({ maxCost: QUERY_LIMITS.maxCost, ignoreIntrospection: true, ...REPORT_AS_VALIDATION_ERROR }),
    ],
    includeStacktraceInErrorResponses: false,
    formatError,
    // A request error is 400 for application/graphql-response+json clients, 200 for application/json ones.
    // Cache-Control is the response cache's (response-cache-http.ts), not Apollo's cache hints.
    plugins: [responseStatusByMediaType, markStorableResponses(cache), compiledReads, ApolloServerPluginCacheControlDisabled()],
    context: async ({ req }: { req: Request }): Promise<RequestContext> => {
      const token = bearerToken(req);
      const actor = token ? await users.actorForToken(token) : null;
      return { req, actor, tokenRejected: token !== null && !actor, loaders: loaders.create(actor) };
    },
  };
}
