import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@app/common';
import { SeriesChange, SessionSeriesService } from '@app/scheduling';
import { UserModel } from '../auth/auth.models';
import { CurrentActor, Loaders } from '../auth/current-actor.decorator';
import { DateScalar, DateTimeScalar } from '../graphql/scalars';
import type { Loaders as RequestLoaders } from '../loaders/loaders';
import {
  CreateSessionSeriesInput,
  ProgrammeModel,
  SessionModel,
  SessionSeriesChangeModel,
  SessionSeriesModel,
  SessionSeriesPreviewDateModel,
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

  @Mutation(() => SessionSeriesChangeModel, { description: 'Changes the series from now on (or from `from`); earlier sessions are kept as they were' })
  async updateSessionSeries(
    @CurrentActor() actor: Actor | null,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateSessionSeriesInput,
    @Args('from', { type: () => DateScalar, nullable: true, description: 'Change from this Brussels date on; earlier sessions stay' }) from?: string | null,
  ): Promise<SessionSeriesChangeModel> {
    return changeModel(await this.service.updateSeries(actor, id, input, from));
  }

  @Query(() => [SessionSeriesPreviewDateModel], {
    description: 'The dates createSessionSeries would create for this input and the ones it would skip (with the closure day); saves nothing',
  })
  previewSessionSeries(@CurrentActor() actor: Actor | null, @Args('input') input: CreateSessionSeriesInput): Promise<SessionSeriesPreviewDateModel[]> {
    return this.service.previewSeries(actor, input);
  }

  @Mutation(() => SessionSeriesChangeModel, {
    description: 'Stops the series before this Brussels date; its sessions from then on are cancelled and their people told',
  })
  async endSessionSeries(
    @CurrentActor() actor: Actor | null,
    @Args('id', { type: () => ID }) id: string,
    @Args('from', { type: () => DateScalar }) from: string,
  ): Promise<SessionSeriesChangeModel> {
    return changeModel(await this.service.endSeries(actor, id, from));
  }

  @Mutation(() => SessionSeriesChangeModel, { description: 'Adds one extra date to the series (title, duration, capacity and hosts of the series)' })
  async addSessionSeriesDate(
    @CurrentActor() actor: Actor | null,
    @Args('id', { type: () => ID }) id: string,
    @Args('startsAt', { type: () => DateTimeScalar }) startsAt: Date,
  ): Promise<SessionSeriesChangeModel> {
    return changeModel(await this.service.addSeriesDate(actor, id, startsAt));
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

function changeModel(change: SeriesChange): SessionSeriesChangeModel {
  return { series: change.series, createdSessions: change.created, updatedSessions: change.updated, removedSessions: change.removed };
}
