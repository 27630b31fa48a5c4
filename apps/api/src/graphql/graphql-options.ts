import { ApolloDriverConfig } from '@nestjs/apollo';
import type { BuildSchemaOptions } from '@nestjs/graphql';
import type { Request } from 'express';
import { UsersService } from '@app/auth';
import { AppConfig } from '@app/config';
import { LoadersFactory } from '../loaders/loaders';
import { formatError } from './format-error';
import type { RequestContext } from './request-context';
import { DateTimeScalar } from './scalars';

function bearerToken(req: Request): string | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const match = /^Bearer ([A-Za-z0-9._~+/=-]{10,2048})$/.exec(header);
  return match ? match[1] : '';
}

export const BUILD_SCHEMA_OPTIONS: BuildSchemaOptions = { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] };

export function graphqlOptions(config: AppConfig, loaders: LoadersFactory, users: UsersService): ApolloDriverConfig {
  const production = config.nodeEnv === 'production';
  return {
    path: '/graphql',
    // The schema lives in memory; `npm run schema:emit` writes apps/api/schema.gql for review.
    autoSchemaFile: true,
    sortSchema: true,
    buildSchemaOptions: BUILD_SCHEMA_OPTIONS,
    introspection: !production,
    graphiql: !production,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    formatError,
    context: async ({ req }: { req: Request }): Promise<RequestContext> => {
      const token = bearerToken(req);
      const actor = token ? await users.actorForToken(token) : null;
      return { req, actor, tokenRejected: token !== null && !actor, loaders: loaders.create(actor) };
    },
  };
}
