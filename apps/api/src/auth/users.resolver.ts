import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { UsersService } from '@app/auth';
import { Actor, AppError } from '@app/common';
import { OrganisationModel } from '../scheduling/scheduling.models';
import { CurrentActor, Loaders } from './current-actor.decorator';
import { Public } from './public.decorator';
import type { Loaders as RequestLoaders } from '../loaders/loaders';
import { AuthPayloadModel, CreateUserInput, UserModel } from './auth.models';

@Resolver(() => UserModel)
export class UsersResolver {
  constructor(private readonly service: UsersService) {}

  @Public()
  @Mutation(() => AuthPayloadModel, { description: 'Returns a bearer token for the Authorization header' })
  async login(@Args('email') email: string, @Args('password') password: string): Promise<AuthPayloadModel> {
    const { token, user } = await this.service.login(email, password);
    return { token, user: { ...user, isViewer: true } };
  }

  @Public()
  @Query(() => UserModel, { nullable: true, description: 'The logged-in user; null when anonymous' })
  async me(@CurrentActor() actor: Actor | null, @Loaders() loaders: RequestLoaders): Promise<UserModel | null> {
    return actor ? loaders.user.load(actor.userId) : null;
  }

  @Mutation(() => UserModel)
  createUser(@CurrentActor() actor: Actor, @Args('input') input: CreateUserInput): Promise<UserModel> {
    return this.service.createUser(actor, input);
  }

  /** Hosts appear on the public schedule by name; their e-mail address only for logged-in staff. */
  @ResolveField(() => String)
  email(@Parent() user: UserModel, @CurrentActor() actor: Actor | null): string {
    if (!actor && !user.isViewer) throw AppError.unauthenticated('Log in to see e-mail addresses');
    return user.email;
  }

  @ResolveField(() => OrganisationModel, { nullable: true })
  organisation(@Parent() user: UserModel, @Loaders() loaders: RequestLoaders): Promise<OrganisationModel | null> | null {
    return user.organisationId ? loaders.organisation.load(user.organisationId) : null;
  }
}
