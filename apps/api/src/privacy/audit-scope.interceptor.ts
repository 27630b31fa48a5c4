import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Observable } from 'rxjs';
import { auditScope } from '@app/privacy';
import type { RequestContext } from '../graphql/request-context';

/** pino-http's request id (X-Request-Id or generated), when the request went through it. */
export function requestIdOf(req: RequestContext['req'] | undefined): string | null {
  const id = (req as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id).slice(0, 64) : null;
}

/**
 * Runs every query and mutation inside an audit scope (who, which operation, which request), so
 * that the audit triggers attribute the changes it makes, wherever in the libraries they happen.
 */
@Injectable()
export class AuditScopeInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<string>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(context);
    const { parentType, fieldName } = gql.getInfo<GraphQLResolveInfo>();
    if (parentType.name !== 'Query' && parentType.name !== 'Mutation') return next.handle();
    const { actor, req } = gql.getContext<RequestContext>();
    const scope = { actorUserId: actor?.userId ?? null, operation: fieldName, requestId: requestIdOf(req) };
    // Nest binds the resolver to the async context in which handle() is called: it must be called inside the scope.
    return new Observable((subscriber) => auditScope.run(scope, () => next.handle().subscribe(subscriber)));
  }
}
