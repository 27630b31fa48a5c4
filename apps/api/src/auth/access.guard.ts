import { CanActivate, ExecutionContext, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { GqlExecutionContext, GraphQLSchemaHost } from '@nestjs/graphql';
import type { GraphQLObjectType, GraphQLResolveInfo } from 'graphql';
import { AppError } from '@app/common';
import type { RequestContext } from '../graphql/request-context';
import { accessDecision, accessMatrixMismatches, AccessRule, accessRuleOf } from './access-matrix';

const describeWho = (rule: AccessRule) => rule.who.join(', ');

/**
 * Every query and mutation passes ACCESS_MATRIX before its resolver runs: an operation without an
 * entry is refused (fail closed), an anonymous caller of anything not public is UNAUTHENTICATED, a
 * caller without one of the entry's roles FORBIDDEN. Field resolvers are not guarded here: their
 * operation already was. Scopes (own sessions, own school, own association) stay in the services.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    const { parentType, fieldName } = gql.getInfo<GraphQLResolveInfo>();
    if (parentType.name !== 'Query' && parentType.name !== 'Mutation') return true;
    const rule = accessRuleOf(parentType.name, fieldName);
    if (!rule) {
      // Unreachable while the start-up check passes; should it ever happen, nobody gets in.
      this.logger.error(`${parentType.name}.${fieldName} has no entry in the access matrix; refused`);
      throw AppError.forbidden(`${fieldName} is not open to anyone yet`);
    }
    const { actor, tokenRejected } = gql.getContext<RequestContext>();
    switch (accessDecision(rule, actor)) {
      case 'ALLOWED':
        return true;
      case 'UNAUTHENTICATED':
        throw AppError.unauthenticated(tokenRejected ? 'Your session has expired or was revoked; log in again' : 'Log in first');
      case 'FORBIDDEN':
        throw AppError.forbidden(`${fieldName} is for ${describeWho(rule)}`);
    }
  }
}

/** The API does not start while the access matrix and the built schema disagree, so no operation ships without a rule. */
@Injectable()
export class AccessMatrixCheck implements OnApplicationBootstrap {
  constructor(private readonly schemaHost: GraphQLSchemaHost) {}

  onApplicationBootstrap(): void {
    const { schema } = this.schemaHost;
    const fieldsOf = (type: GraphQLObjectType | null | undefined) => Object.keys(type?.getFields() ?? {});
    const { missing, unknown } = accessMatrixMismatches({ Query: fieldsOf(schema.getQueryType()), Mutation: fieldsOf(schema.getMutationType()) });
    if (missing.length === 0 && unknown.length === 0) return;
    const problems = [
      missing.length ? `operations without an entry: ${missing.join(', ')}` : null,
      unknown.length ? `entries for operations the schema does not have: ${unknown.join(', ')}` : null,
    ].filter(Boolean);
    throw new Error(`The access matrix (apps/api/src/auth/access-matrix.ts) does not match the GraphQL schema; ${problems.join('; ')}`);
  }
}
