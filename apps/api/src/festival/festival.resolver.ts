import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@app/common';
import { FestivalEditionsService, StandAvailabilityService, StandBookingsService, StandExportService, StandPlotsService } from '@app/festival';
import { CurrentActor, Loaders } from '../auth/current-actor.decorator';
import { DateScalar } from '../graphql/scalars';
import type { Loaders as RequestLoaders } from '../loaders/loaders';
import { OrganisationModel } from '../scheduling/scheduling.models';
import {
  ApplyForStandInput,
  ApplyForStandPayload,
  BookStandInput,
  CreateFestivalEditionInput,
  CreateStandPlotInput,
  FestivalDatesModel,
  FestivalEditionModel,
  MoveStandBookingInput,
  OpeningBlockInput,
  OpeningBlockModel,
  StandApplicationModel,
  StandAvailabilityModel,
  StandBookingFilterInput,
  StandBookingModel,
  StandPlotModel,
  UpdateFestivalEditionInput,
  UpdateStandPlotInput,
} from './festival.models';

@Resolver(() => FestivalEditionModel)
export class FestivalEditionsResolver {
  constructor(
    private readonly editions: FestivalEditionsService,
    private readonly standPlots: StandPlotsService,
  ) {}

  @Query(() => FestivalDatesModel, { description: 'The Sinksenfeesten of a year (Friday before Pentecost to Whit Monday), to pre-fill a new edition' })
  festivalDates(@Args('year', { type: () => Int }) year: number): FestivalDatesModel {
    return this.editions.festivalDates(year);
  }

  @Query(() => [FestivalEditionModel], { description: 'Newest first' })
  festivalEditions(): Promise<FestivalEditionModel[]> {
    return this.editions.listEditions();
  }

  @Query(() => FestivalEditionModel, { nullable: true })
  festivalEdition(@Args('id', { type: () => ID }) id: string): Promise<FestivalEditionModel | null> {
    return this.editions.findEdition(id);
  }

  @Mutation(() => FestivalEditionModel, { description: 'Coordinators; opening hours, site and deadline get defaults when left out' })
  createFestivalEdition(@CurrentActor() actor: Actor | null, @Args('input') input: CreateFestivalEditionInput): Promise<FestivalEditionModel> {
    return this.editions.createEdition(actor, input);
  }

  @Mutation(() => FestivalEditionModel)
  updateFestivalEdition(
    @CurrentActor() actor: Actor | null,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateFestivalEditionInput,
  ): Promise<FestivalEditionModel> {
    return this.editions.updateEdition(actor, id, input);
  }

  @Mutation(() => FestivalEditionModel, { description: 'Replaces the opening hours; refused (CONFLICT) while a live booking would fall outside them' })
  setFestivalOpeningHours(
    @CurrentActor() actor: Actor | null,
    @Args('editionId', { type: () => ID }) editionId: string,
    @Args('openingHours', { type: () => [OpeningBlockInput] }) openingHours: OpeningBlockInput[],
  ): Promise<FestivalEditionModel> {
    return this.editions.setOpeningHours(actor, editionId, openingHours);
  }

  @Mutation(() => StandPlotModel)
  createStandPlot(@CurrentActor() actor: Actor | null, @Args('input') input: CreateStandPlotInput): Promise<StandPlotModel> {
    return this.standPlots.createPlot(actor, input);
  }

  @Mutation(() => StandPlotModel, { description: 'active: false takes the plot out of use; its bookings stay until cancelled' })
  updateStandPlot(
    @CurrentActor() actor: Actor | null,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateStandPlotInput,
  ): Promise<StandPlotModel> {
    return this.standPlots.updatePlot(actor, id, input);
  }

  @Mutation(() => [StandPlotModel], { description: "Copies last year's plots into a new edition; codes already there are skipped. Returns the new plots" })
  copyStandPlots(
    @CurrentActor() actor: Actor | null,
    @Args('fromEditionId', { type: () => ID }) fromEditionId: string,
    @Args('toEditionId', { type: () => ID }) toEditionId: string,
  ): Promise<StandPlotModel[]> {
    return this.standPlots.copyPlots(actor, fromEditionId, toEditionId);
  }

  @ResolveField(() => [StandPlotModel], { description: 'By code' })
  plots(@Parent() edition: FestivalEditionModel, @Loaders() loaders: RequestLoaders): Promise<StandPlotModel[]> {
    return loaders.plotsOfEdition.load(edition.id);
  }

  @ResolveField(() => [OpeningBlockModel])
  openingHours(@Parent() edition: FestivalEditionModel, @Loaders() loaders: RequestLoaders): Promise<OpeningBlockModel[]> {
    return loaders.openingBlocksOfEdition.load(edition.id);
  }
}

@Resolver(() => StandBookingModel)
export class StandBookingsResolver {
  constructor(
    private readonly bookings: StandBookingsService,
    private readonly availability: StandAvailabilityService,
    private readonly exports: StandExportService,
  ) {}

  @Query(() => [StandBookingModel], { description: "Coordinators see every booking; an organiser their association's" })
  standBookings(
    @CurrentActor() actor: Actor | null,
    @Args('editionId', { type: () => ID }) editionId: string,
    @Args('filter', { type: () => StandBookingFilterInput, nullable: true }) filter?: StandBookingFilterInput | null,
  ): Promise<StandBookingModel[]> {
    return this.bookings.bookingsOfEdition(actor, editionId, filter ?? {});
  }

  @Query(() => StandBookingModel, { nullable: true })
  standBooking(@CurrentActor() actor: Actor | null, @Args('id', { type: () => ID }) id: string): Promise<StandBookingModel | null> {
    return this.bookings.findBooking(actor, id);
  }

  @Query(() => [StandApplicationModel], { description: "Coordinators see every application; an organiser their association's" })
  standApplications(@CurrentActor() actor: Actor | null, @Args('editionId', { type: () => ID }) editionId: string): Promise<StandApplicationModel[]> {
    return this.bookings.applicationsOfEdition(actor, editionId);
  }

  @Query(() => StandAvailabilityModel, { description: 'The plot × opening-block plan, per day: free, requested, confirmed. Coordinators and organisers' })
  standAvailability(
    @CurrentActor() actor: Actor | null,
    @Args('editionId', { type: () => ID }) editionId: string,
    @Args('day', { type: () => DateScalar, nullable: true }) day?: string | null,
  ): Promise<StandAvailabilityModel> {
    return this.availability.standPlan(actor, editionId, day);
  }

  @Query(() => String, { description: 'Confirmed stands per day as CSV (RFC 4180, Brussels times) for the logistics team. Coordinators' })
  confirmedStandsCsv(
    @CurrentActor() actor: Actor | null,
    @Args('editionId', { type: () => ID }) editionId: string,
    @Args('day', { type: () => DateScalar, nullable: true }) day?: string | null,
  ): Promise<string> {
    return this.exports.confirmedStandsCsv(actor, editionId, day);
  }

  @Mutation(() => ApplyForStandPayload, {
    description: 'What the association brings and the slots it asks for, all or nothing; each slot is REQUESTED until a coordinator decides',
  })
  async applyForStand(@CurrentActor() actor: Actor | null, @Args('input') input: ApplyForStandInput): Promise<ApplyForStandPayload> {
    return this.bookings.applyForStand(actor, input);
  }

  @Mutation(() => StandBookingModel, { description: "One slot: an organiser's is REQUESTED, a coordinator's CONFIRMED. Overlap -> STAND_UNAVAILABLE" })
  bookStand(@CurrentActor() actor: Actor | null, @Args('input') input: BookStandInput): Promise<StandBookingModel> {
    return this.bookings.bookStand(actor, input);
  }

  @Mutation(() => StandBookingModel)
  confirmStandBooking(@CurrentActor() actor: Actor | null, @Args('id', { type: () => ID }) id: string): Promise<StandBookingModel> {
    return this.bookings.confirmBooking(actor, id);
  }

  @Mutation(() => StandBookingModel, { description: 'A requested slot the city cannot give; the organiser reads the reason' })
  refuseStandBooking(
    @CurrentActor() actor: Actor | null,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
  ): Promise<StandBookingModel> {
    return this.bookings.refuseBooking(actor, id, reason);
  }

  @Mutation(() => StandBookingModel, { description: 'Another plot or time for a live booking; the organisers are told' })
  moveStandBooking(
    @CurrentActor() actor: Actor | null,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: MoveStandBookingInput,
  ): Promise<StandBookingModel> {
    return this.bookings.moveBooking(actor, id, input);
  }

  @Mutation(() => StandBookingModel, {
    description: 'Frees the plot. Organisers cancel their own; when the city cancels, the organisers are told (with the reason)',
  })
  cancelStandBooking(
    @CurrentActor() actor: Actor | null,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String, nullable: true }) reason?: string | null,
  ): Promise<StandBookingModel> {
    return this.bookings.cancelBooking(actor, id, reason);
  }

  @ResolveField(() => StandPlotModel)
  async plot(@Parent() booking: StandBookingModel, @Loaders() loaders: RequestLoaders): Promise<StandPlotModel> {
    return (await loaders.standPlot.load(booking.plotId))!;
  }

  @ResolveField(() => OrganisationModel)
  async organisation(@Parent() booking: StandBookingModel, @Loaders() loaders: RequestLoaders): Promise<OrganisationModel> {
    return (await loaders.organisation.load(booking.organisationId))!;
  }

  @ResolveField(() => FestivalEditionModel)
  async edition(@Parent() booking: StandBookingModel, @Loaders() loaders: RequestLoaders): Promise<FestivalEditionModel> {
    return (await loaders.festivalEdition.load(booking.editionId))!;
  }

  /** Reached only through a booking the viewer may see, and an application is that association's. */
  @ResolveField(() => StandApplicationModel, { nullable: true })
  application(@Parent() booking: StandBookingModel, @Loaders() loaders: RequestLoaders): Promise<StandApplicationModel | null> | null {
    return booking.applicationId ? loaders.standApplication.load(booking.applicationId) : null;
  }
}

@Resolver(() => StandApplicationModel)
export class StandApplicationsResolver {
  @ResolveField(() => OrganisationModel)
  async organisation(@Parent() application: StandApplicationModel, @Loaders() loaders: RequestLoaders): Promise<OrganisationModel> {
    return (await loaders.organisation.load(application.organisationId))!;
  }

  @ResolveField(() => FestivalEditionModel)
  async edition(@Parent() application: StandApplicationModel, @Loaders() loaders: RequestLoaders): Promise<FestivalEditionModel> {
    return (await loaders.festivalEdition.load(application.editionId))!;
  }

  @ResolveField(() => [StandBookingModel], { description: 'Every slot asked for, cancelled and refused ones included' })
  bookings(@Parent() application: StandApplicationModel, @Loaders() loaders: RequestLoaders): Promise<StandBookingModel[]> {
    return loaders.bookingsOfApplication.load(application.id);
  }
}
