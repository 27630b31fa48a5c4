import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AccountLinksService, UsersService } from '@app/auth';
import { Actor, AppError, isCoordinator } from '@app/common';
import { Role } from '../graphql/enums';
import type { Loaders as RequestLoaders } from '../loaders/loaders';
import { OrganisationModel } from '../scheduling/scheduling.models';
import { AuthPayloadModel, CreateUserInput, InviteUserInput, UpdateUserInput, UserModel } from './auth.models';
import { CurrentActor, Loaders } from './current-actor.decorator';

@Resolver(() => UserModel)
export class UsersResolver {
  constructor(
    private readonly service: UsersService,
    private readonly links: AccountLinksService,
  ) {}

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

  @Query(() => [UserModel], {
    description: 'User accounts by part of the name or e-mail address, with a role; deactivated ones only with includeInactive. At most 500.',
  })
  users(
    @CurrentActor() actor: Actor,
    @Args('search', { type: () => String, nullable: true }) search?: string | null,
    @Args('role', { type: () => Role, nullable: true }) role?: Role | null,
    @Args('includeInactive', { type: () => Boolean, nullable: true }) includeInactive?: boolean | null,
  ): Promise<UserModel[]> {
    return this.service.listUsers(actor, { search, role, includeInactive });
  }

  @Mutation(() => UserModel, { description: 'Changes name, roles, scope (organisationId) and language; only an ADMIN gives or changes the ADMIN role' })
  updateUser(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Args('input') input: UpdateUserInput): Promise<UserModel> {
    return this.service.updateUser(actor, id, input);
  }

  @Mutation(() => UserModel, { description: 'Stops the account: every token is refused at once and login fails' })
  deactivateUser(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<UserModel> {
    return this.service.setActive(actor, id, false);
  }

  @Mutation(() => UserModel)
  reactivateUser(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<UserModel> {
    return this.service.setActive(actor, id, true);
  }

  @Mutation(() => UserModel, { description: 'Creates the account without a password and mails a one-time link (72 hours) to set one' })
  inviteUser(@CurrentActor() actor: Actor, @Args('input') input: InviteUserInput): Promise<UserModel> {
    return this.links.inviteUser(actor, input);
  }

  @Mutation(() => UserModel, { description: 'Mails a new invitation link to a user who has not set a password yet; the older link stops working' })
  resendInvitation(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<UserModel> {
    return this.links.resendInvitation(actor, id);
  }

  @Mutation(() => AuthPayloadModel, {
    description:
      "Sets the invited user's password (12-256 characters) and logs them in; a used, replaced or expired link is refused (BAD_USER_INPUT, field token)",
  })
  async acceptInvitation(@Args('token') token: string, @Args('password') password: string): Promise<AuthPayloadModel> {
    const { token: bearer, user } = await this.links.acceptInvitation(token, password);
    return { token: bearer, user: { ...user, isViewer: true } };
  }

  @Mutation(() => Boolean, { description: 'Mails a password reset link (2 hours) when an active account has this address; always answers true' })
  async requestPasswordReset(@Args('email') email: string): Promise<boolean> {
    await this.links.requestPasswordReset(email);
    return true;
  }

  @Mutation(() => Boolean, {
    description:
      'Sets a new password with the link from the mail and revokes every token; a used, replaced or expired link is refused (BAD_USER_INPUT, field token)',
  })
  async resetPassword(@Args('token') token: string, @Args('password') password: string): Promise<boolean> {
    await this.links.resetPassword(token, password);
    return true;
  }

  @ResolveField(() => Boolean, { description: 'False once deactivated (ADMIN and COORDINATOR only)' })
  active(@Parent() user: UserModel, @CurrentActor() actor: Actor | null): boolean {
    if (!actor || !isCoordinator(actor)) throw AppError.forbidden('Only admins and coordinators see account states');
    return user.active ?? true;
  }

  @ResolveField(() => Boolean, { description: 'Invited, and no password set yet (ADMIN and COORDINATOR only)' })
  invitationPending(@Parent() user: UserModel, @CurrentActor() actor: Actor | null): boolean {
    if (!actor || !isCoordinator(actor)) throw AppError.forbidden('Only admins and coordinators see account states');
    return user.passwordHash === '';
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
