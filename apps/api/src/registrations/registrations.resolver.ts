import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, AppError } from '@app/common';
import { registrationPolicy, RegistrationsService } from '@app/registrations';
import { CurrentActor, Loaders } from '../auth/current-actor.decorator';
import type { Loaders as RequestLoaders } from '../loaders/loaders';
import { SessionModel } from '../scheduling/scheduling.models';
import { ParticipantModel, RegisterParticipantForSeriesInput, RegisterParticipantInput, RegistrationModel } from './registrations.models';

@Resolver(() => RegistrationModel)
export class RegistrationsResolver {
  constructor(private readonly service: RegistrationsService) {}

  @Query(() => RegistrationModel, { nullable: true, description: "For the session's hosts, its school's contact and coordinators" })
  registration(@CurrentActor() actor: Actor | null, @Args('id', { type: () => ID }) id: string): Promise<RegistrationModel | null> {
    return this.service.findRegistration(actor, id);
  }

  @Mutation(() => RegistrationModel, { description: 'Confirmed while seats are free, otherwise WAITLISTED at the end of the list' })
  registerParticipant(@CurrentActor() actor: Actor | null, @Args('input') input: RegisterParticipantInput): Promise<RegistrationModel> {
    return this.service.registerParticipant(actor, input);
  }

  @Mutation(() => [RegistrationModel], {
    description: 'Registers one participant for every upcoming session of a series; each is confirmed or waitlisted on its own',
  })
  registerParticipantForSeries(@CurrentActor() actor: Actor | null, @Args('input') input: RegisterParticipantForSeriesInput): Promise<RegistrationModel[]> {
    return this.service.registerParticipantForSeries(actor, input);
  }

  @Mutation(() => RegistrationModel, { description: 'A freed seat goes to the first person on the waiting list at once' })
  cancelRegistration(@CurrentActor() actor: Actor | null, @Args('id', { type: () => ID }) id: string): Promise<RegistrationModel> {
    return this.service.cancelRegistration(actor, id);
  }

  @Mutation(() => [RegistrationModel], { description: "Cancels the participant's remaining registrations in the series" })
  cancelSeriesRegistration(
    @CurrentActor() actor: Actor | null,
    @Args('seriesId', { type: () => ID }) seriesId: string,
    @Args('participantId', { type: () => ID }) participantId: string,
  ): Promise<RegistrationModel[]> {
    return this.service.cancelSeriesRegistration(actor, seriesId, participantId);
  }

  @Mutation(() => RegistrationModel, {
    description:
      'Moves a confirmed or waiting registration to another session of the same programme; the freed seat goes to the waiting list, and the target seats them or puts them at the end of its waiting list',
  })
  moveRegistration(
    @CurrentActor() actor: Actor | null,
    @Args('registrationId', { type: () => ID }) registrationId: string,
    @Args('toSessionId', { type: () => ID }) toSessionId: string,
  ): Promise<RegistrationModel> {
    return this.service.moveRegistration(actor, registrationId, toSessionId);
  }

  @Mutation(() => RegistrationModel, { description: 'ATTENDED or NO_SHOW, once the session has started' })
  markAttendance(
    @CurrentActor() actor: Actor | null,
    @Args('registrationId', { type: () => ID }) registrationId: string,
    @Args('attended', { type: () => Boolean }) attended: boolean,
  ): Promise<RegistrationModel> {
    return this.service.markAttendance(actor, registrationId, attended);
  }

  @ResolveField(() => SessionModel)
  async session(@Parent() registration: RegistrationModel, @Loaders() loaders: RequestLoaders): Promise<SessionModel> {
    return (await loaders.session.load(registration.sessionId))!;
  }

  /** Reached only through a registration the actor may see; the loader gives the first name only to who may not see them in full. */
  @ResolveField(() => ParticipantModel)
  async participant(@Parent() registration: RegistrationModel, @Loaders() loaders: RequestLoaders): Promise<ParticipantModel> {
    if (registration.holder) return registration.holder;
    return (await loaders.participant.load(registration.participantId))!;
  }

  @ResolveField(() => Int, { nullable: true, description: '1 = next to get a seat; null unless WAITLISTED' })
  waitlistPosition(@Parent() registration: RegistrationModel, @Loaders() loaders: RequestLoaders): Promise<number | null> | null {
    return registration.status === 'WAITLISTED' ? loaders.waitlistPosition.load(registration.id) : null;
  }
}

/** Seats and the attendee list on Session. Counts are public; the list is for those responsible. */
@Resolver(() => SessionModel)
export class SessionSeatsResolver {
  @ResolveField(() => Int, { description: 'Confirmed seats (attended and no-show included)' })
  async confirmedCount(@Parent() session: SessionModel, @Loaders() loaders: RequestLoaders): Promise<number> {
    return (await loaders.sessionCounts.load(session.id)).seated;
  }

  @ResolveField(() => Int)
  async waitlistCount(@Parent() session: SessionModel, @Loaders() loaders: RequestLoaders): Promise<number> {
    return (await loaders.sessionCounts.load(session.id)).waitlisted;
  }

  @ResolveField(() => Int, { description: 'Free seats; 0 when full, also when capacity was lowered below the confirmed count' })
  async availableSeats(@Parent() session: SessionModel, @Loaders() loaders: RequestLoaders): Promise<number> {
    return Math.max(0, session.capacity - (await loaders.sessionCounts.load(session.id)).seated);
  }

  @ResolveField(() => [RegistrationModel], {
    description: "Seated first, then the waiting list, in order of arrival. For the session's hosts, its school's contact and coordinators",
  })
  async registrations(
    @Parent() session: SessionModel,
    @CurrentActor() actor: Actor | null,
    @Loaders() loaders: RequestLoaders,
    @Args('includeCancelled', { type: () => Boolean, nullable: true }) includeCancelled?: boolean | null,
  ): Promise<RegistrationModel[]> {
    if (!actor) throw AppError.unauthenticated('Log in to see who is registered');
    if (!registrationPolicy.canSeeRegistrations(actor, (await loaders.sessionResponsibles.load(session.id))!)) {
      throw AppError.forbidden('Only the session’s hosts, its school’s contact and coordinators see who is registered');
    }
    return (includeCancelled ? loaders.allRegistrationsOfSession : loaders.registrationsOfSession).load(session.id);
  }
}
