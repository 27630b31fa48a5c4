import { Args, ID, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@app/common';
import { SessionPage, SessionsService } from '@app/scheduling';
import { UserModel } from '../auth/auth.models';
import { CurrentActor, Loaders } from '../auth/current-actor.decorator';
import type { RequestContext } from '../graphql/request-context';
import { DateTimeScalar } from '../graphql/scalars';
import type { Loaders as RequestLoaders } from '../loaders/loaders';
import { CreateSessionInput, ProgrammeModel, SessionConnectionModel, SessionFilterInput, SessionModel, VenueModel } from './scheduling.models';

/** Dutch is what everyone practises, so it is no help language; each language once, the programme's first. */
export function helpLanguages(programmeLanguages: readonly string[], hostLanguages: readonly string[]): string[] {
  return [...new Set([...programmeLanguages, ...hostLanguages].map((tag) => tag.trim()).filter((tag) => tag && tag.toLowerCase() !== 'nl'))];
}

export function toConnection(page: SessionPage): SessionConnectionModel {
  return {
    edges: page.sessions.map((node, index) => ({ node, cursor: page.cursors[index] })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null },
    totalCount: page.totalCount,
  };
}

@Resolver(() => SessionModel)
export class SessionsResolver {
  constructor(private readonly service: SessionsService) {}

  @Query(() => SessionConnectionModel, { description: 'The public schedule, in start order (first: 1-100, default 20)' })
  async sessions(
    @Args('filter', { type: () => SessionFilterInput, nullable: true }) filter?: SessionFilterInput | null,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<SessionConnectionModel> {
    return toConnection(await this.service.listSessions(filter, first, after));
  }

  @Query(() => SessionConnectionModel, { description: "Sessions I work with: a host's own, a school contact's school's, all for coordinators" })
  async mySessions(
    @CurrentActor() actor: Actor | null,
    @Args('filter', { type: () => SessionFilterInput, nullable: true }) filter?: SessionFilterInput | null,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<SessionConnectionModel> {
    return toConnection(await this.service.listMySessions(actor, filter, first, after));
  }

  @Query(() => SessionModel, { nullable: true })
  session(@Args('id', { type: () => ID }) id: string): Promise<SessionModel | null> {
    return this.service.findSession(id);
  }

  @Mutation(() => SessionModel)
  createSession(@CurrentActor() actor: Actor | null, @Args('input') input: CreateSessionInput): Promise<SessionModel> {
    return this.service.createSession(actor, input);
  }

  @Mutation(() => SessionModel)
  cancelSession(
    @CurrentActor() actor: Actor | null,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String, nullable: true }) reason?: string | null,
  ): Promise<SessionModel> {
    return this.service.cancelSession(actor, id, reason);
  }

  @Mutation(() => SessionModel, { description: 'Moves a session in time; its registrations stay and participants are told the new time' })
  moveSession(
    @CurrentActor() actor: Actor | null,
    @Args('id', { type: () => ID }) id: string,
    @Args('startsAt', { type: () => DateTimeScalar }) startsAt: Date,
    @Args('endsAt', { type: () => DateTimeScalar }) endsAt: Date,
    @Args('venueId', { type: () => ID, nullable: true, description: 'Another venue; left out, the session stays where it is' }) venueId?: string | null,
  ): Promise<SessionModel> {
    return this.service.moveSession(actor, id, startsAt, endsAt, venueId);
  }

  @Mutation(() => SessionModel, { description: 'Adds a host (a user with the HOST or VOLUNTEER role). Coordinators' })
  assignSessionHost(
    @CurrentActor() actor: Actor | null,
    @Args('sessionId', { type: () => ID }) sessionId: string,
    @Args('userId', { type: () => ID }) userId: string,
  ): Promise<SessionModel> {
    return this.service.assignSessionHost(actor, sessionId, userId);
  }

  @Mutation(() => SessionModel, { description: 'Removes a host from the session. Coordinators' })
  unassignSessionHost(
    @CurrentActor() actor: Actor | null,
    @Args('sessionId', { type: () => ID }) sessionId: string,
    @Args('userId', { type: () => ID }) userId: string,
  ): Promise<SessionModel> {
    return this.service.unassignSessionHost(actor, sessionId, userId);
  }

  @Query(() => [UserModel], { description: 'Active users who may host a session (HOST or VOLUNTEER role), by name. Coordinators' })
  async sessionHostCandidates(@CurrentActor() actor: Actor | null, @Loaders() loaders: RequestLoaders): Promise<UserModel[]> {
    const users = await loaders.user.loadMany(await this.service.hostCandidateIds(actor));
    return users.filter((user) => !!user && !(user instanceof Error)) as UserModel[];
  }

  @Mutation(() => SessionModel)
  updateSessionCapacity(
    @CurrentActor() actor: Actor | null,
    @Args('id', { type: () => ID }) id: string,
    @Args('capacity', { type: () => Int }) capacity: number,
  ): Promise<SessionModel> {
    return this.service.updateSessionCapacity(actor, id, capacity);
  }

  // The nested fields below take graphql's own (source, args, context) instead of @Parent() and
  // @Loaders(): a field resolver without parameter decorators is bound as it is by @nestjs/graphql,
  // skipping the ExternalContextCreator (param factories, pipes) it otherwise runs on each call, on
  // every node of a page (bench/README.md, sessions page). They return the loader's promise as it is.
  @ResolveField(() => ProgrammeModel)
  programme(session: SessionModel, _args: unknown, { loaders }: RequestContext): Promise<ProgrammeModel> {
    return loaders.programme.load(session.programmeId) as Promise<ProgrammeModel>;
  }

  @ResolveField(() => VenueModel)
  venue(session: SessionModel, _args: unknown, { loaders }: RequestContext): Promise<VenueModel> {
    return loaders.venue.load(session.venueId) as Promise<VenueModel>;
  }

  @ResolveField(() => [String], {
    description:
      "BCP 47 tags of the languages besides Dutch someone at the session helps in: the programme's, then its hosts' (from their volunteer profiles, without saying whose)",
  })
  async helpLanguages(session: SessionModel, _args: unknown, { loaders }: RequestContext): Promise<string[]> {
    const [programme, hostLanguages] = await Promise.all([loaders.programme.load(session.programmeId), loaders.hostLanguagesOfSession(session.id)]);
    return helpLanguages(programme?.languages ?? [], hostLanguages);
  }

  @ResolveField(() => [UserModel])
  hosts(session: SessionModel, _args: unknown, { loaders }: RequestContext): Promise<UserModel[]> {
    return loaders.hostsOfSession(session.id);
  }
}
