import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { UsersService } from '@app/auth';
import { Actor, AppError } from '@app/common';
import type { Loaders as RequestLoaders } from '../loaders/loaders';
import { OrganisationModel } from '../scheduling/scheduling.models';
import { AuthPayloadModel, CreateUserInput, UserModel } from './auth.models';
import { CurrentActor, Loaders } from './current-actor.decorator';

@Resolver(() => UserModel)
export class UsersResolver {
  constructor(private readonly service: UsersService) {}

  @Mutation(() => AuthPayloadModel, { description: 'Returns a bearer token for the Authorization header' })
  async login(@Args('email') email: string, @Args('password') password: string): Promise<AuthPayloadModel> {
    const { token, user } = await this.service.login(email, password);
    return { token, user: { ...user, isViewer: true } };
  }

  @Query(() => UserModel, { nullable: true, description: 'The logged-in user; null when anonymous' })
  async me(@CurrentActor() actor: Actor | null, @Loaders() loaders: RequestLoaders): Promise<UserModel | null> {
    return actor ? loaders.user.load(actor.userId) : null;
  }

  @Mutation(() => Boolean, { description: 'Revokes every token of the logged-in user, on all devices' })
  async logout(@CurrentActor() actor: Actor): Promise<boolean> {
    await this.service.logout(actor);
    return true;
  }

  @Mutation(() => AuthPayloadModel, { description: 'Sets a new password (12-256 characters), revokes every older token and returns a fresh one' })
  async changePassword(
    @CurrentActor() actor: Actor,
    @Args('currentPassword') currentPassword: string,
    @Args('newPassword') newPassword: string,
  ): Promise<AuthPayloadModel> {
    const { token, user } = await this.service.changePassword(actor, currentPassword, newPassword);
    return { token, user: { ...user, isViewer: true } };
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
