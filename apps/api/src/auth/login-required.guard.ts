import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AppError } from '@app/common';
import type { RequestContext } from '../graphql/request-context';
import { IS_PUBLIC } from './public.decorator';

/**
 * Every query and mutation needs a logged-in user unless marked @Public(). Field resolvers are
 * not guarded here: their parent operation already was. Roles and scopes are checked by the services.
 */
@Injectable()
export class LoginRequiredGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    const parentType = gql.getInfo<{ parentType: { name: string } }>().parentType.name;
    if (parentType !== 'Query' && parentType !== 'Mutation') return true;
    const { actor, tokenRejected } = gql.getContext<RequestContext>();
    if (actor) return true;
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    throw AppError.unauthenticated(tokenRejected ? 'Your session has expired or was revoked; log in again' : 'Log in first');
  }
}
