import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@app/common';
import { SessionSeriesService } from '@app/scheduling';
import { UserModel } from '../auth/auth.models';
import { CurrentActor, Loaders } from '../auth/current-actor.decorator';
import type { Loaders as RequestLoaders } from '../loaders/loaders';
import {
  CreateSessionSeriesInput,
  ProgrammeModel,
  SessionModel,
  SessionSeriesChangeModel,
  SessionSeriesModel,
  UpdateSessionSeriesInput,
  VenueModel,
} from './scheduling.models';

@Resolver(() => SessionSeriesModel)
export class SessionSeriesResolver {
  constructor(private readonly service: SessionSeriesService) {}

  @Query(() => SessionSeriesModel, { nullable: true })
  sessionSeries(@Args('id', { type: () => ID }) id: string): Promise<SessionSeriesModel | null> {
    return this.service.findSeries(id);
  }

  @Mutation(() => SessionSeriesModel)
  createSessionSeries(@CurrentActor() actor: Actor | null, @Args('input') input: CreateSessionSeriesInput): Promise<SessionSeriesModel> {
    return this.service.createSeries(actor, input);
  }

  @Mutation(() => SessionSeriesChangeModel, { description: 'Changes the series from now on; past sessions are kept as they were' })
  async updateSessionSeries(
    @CurrentActor() actor: Actor | null,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateSessionSeriesInput,
  ): Promise<SessionSeriesChangeModel> {
    const change = await this.service.updateSeries(actor, id, input);
    return { series: change.series, createdSessions: change.created, updatedSessions: change.updated, removedSessions: change.removed };
  }

  @ResolveField(() => [SessionModel], { description: 'Every session of the series, cancelled ones included, in start order' })
  sessions(@Parent() series: SessionSeriesModel, @Loaders() loaders: RequestLoaders): Promise<SessionModel[]> {
    return loaders.sessionsBySeries.load(series.id);
  }

  @ResolveField(() => ProgrammeModel)
  async programme(@Parent() series: SessionSeriesModel, @Loaders() loaders: RequestLoaders): Promise<ProgrammeModel> {
    return (await loaders.programme.load(series.programmeId))!;
  }

  @ResolveField(() => VenueModel)
  async venue(@Parent() series: SessionSeriesModel, @Loaders() loaders: RequestLoaders): Promise<VenueModel> {
    return (await loaders.venue.load(series.venueId))!;
  }

  @ResolveField(() => [UserModel])
  hosts(@Parent() series: SessionSeriesModel, @Loaders() loaders: RequestLoaders): Promise<UserModel[]> {
    return loaders.hostsOfSeries(series.id);
  }
}
