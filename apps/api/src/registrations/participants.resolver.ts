import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor } from '@app/common';
import { AttendanceSettingsService, ParticipantsService, RegistrationsService } from '@app/registrations';
import { CurrentActor, Loaders } from '../auth/current-actor.decorator';
import type { Loaders as RequestLoaders } from '../loaders/loaders';
import { OrganisationModel } from '../scheduling/scheduling.models';
import { ParticipantModel, RegistrationModel, RegistrationSettingsModel, UpdateParticipantInput } from './registrations.models';

@Resolver(() => ParticipantModel)
export class ParticipantsResolver {
  constructor(
    private readonly service: ParticipantsService,
    private readonly settings: AttendanceSettingsService,
    private readonly registrationsService: RegistrationsService,
  ) {}

  @Mutation(() => ParticipantModel, {
    description: 'Phone, e-mail, language and contact channel of someone you see in full; consent changes through recordConsent',
  })
  updateParticipant(
    @CurrentActor() actor: Actor | null,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateParticipantInput,
  ): Promise<ParticipantModel> {
    return this.service.updateParticipant(actor, id, input);
  }

  @ResolveField(() => [RegistrationModel], {
    description: 'Their registrations, latest session first, cancelled ones included: at sessions you manage (coordinators: all); empty when restricted',
  })
  async registrations(@CurrentActor() actor: Actor | null, @Parent() participant: ParticipantModel): Promise<RegistrationModel[]> {
    if (participant.restricted) return [];
    return this.registrationsService.registrationsOfParticipant(actor, participant.id);
  }

  @Query(() => [ParticipantModel], { description: 'Participants you may see, by name or phone (digits), so nobody is entered twice' })
  participants(
    @CurrentActor() actor: Actor | null,
    @Args('search', { type: () => String, nullable: true }) search?: string | null,
    @Args('first', { type: () => Int, nullable: true, description: '1-50, default 20' }) first?: number | null,
  ): Promise<ParticipantModel[]> {
    return this.service.searchParticipants(actor, search, first);
  }

  @Query(() => ParticipantModel, { nullable: true })
  participant(@CurrentActor() actor: Actor | null, @Args('id', { type: () => ID }) id: string): Promise<ParticipantModel | null> {
    return this.service.findParticipant(actor, id);
  }

  @Query(() => RegistrationSettingsModel)
  async registrationSettings(): Promise<RegistrationSettingsModel> {
    return { noShowFlagThreshold: await this.settings.noShowFlagThreshold() };
  }

  @Mutation(() => RegistrationSettingsModel, { description: 'Coordinators: no-shows in a row after which hosts see a flag' })
  async setNoShowFlagThreshold(
    @CurrentActor() actor: Actor | null,
    @Args('threshold', { type: () => Int }) threshold: number,
  ): Promise<RegistrationSettingsModel> {
    return { noShowFlagThreshold: await this.settings.setNoShowFlagThreshold(actor, threshold) };
  }

  @ResolveField(() => Boolean, {
    description:
      "True when you see only the first name: someone at a session you are responsible for whom you may not see in full (e.g. registered by another school). Then lastName, phone and email are null, preferredLanguage is 'und', contactChannel NONE, and the history (no-shows, registeredByOrganisation, possibleDuplicateOf) empty",
  })
  restricted(@Parent() participant: ParticipantModel): boolean {
    return participant.restricted === true;
  }

  @ResolveField(() => OrganisationModel, { nullable: true, description: 'The school or centre that registered them' })
  registeredByOrganisation(@Parent() participant: ParticipantModel, @Loaders() loaders: RequestLoaders): Promise<OrganisationModel | null> | null {
    return participant.registeredByOrganisationId ? loaders.organisation.load(participant.registeredByOrganisationId) : null;
  }

  @ResolveField(() => Int, { description: 'No-shows in total' })
  async noShowCount(@Parent() participant: ParticipantModel, @Loaders() loaders: RequestLoaders): Promise<number> {
    return (await loaders.noShowStats.load(participant.id)).noShowCount;
  }

  @ResolveField(() => Int, { description: 'No-shows since the last attended session' })
  async consecutiveNoShows(@Parent() participant: ParticipantModel, @Loaders() loaders: RequestLoaders): Promise<number> {
    return (await loaders.noShowStats.load(participant.id)).consecutiveNoShows;
  }

  @ResolveField(() => Boolean, { description: 'Reached the no-show threshold in a row: call them before the next session' })
  async flaggedForNoShows(@Parent() participant: ParticipantModel, @Loaders() loaders: RequestLoaders): Promise<boolean> {
    const [stats, threshold] = await Promise.all([loaders.noShowStats.load(participant.id), loaders.noShowFlagThreshold()]);
    return stats.consecutiveNoShows >= threshold;
  }

  @ResolveField(() => ParticipantModel, { nullable: true, description: 'An earlier participant who looked like the same person when this one was entered' })
  async possibleDuplicateOf(@Parent() participant: ParticipantModel, @Loaders() loaders: RequestLoaders): Promise<ParticipantModel | null> {
    const id = participant.possibleDuplicateOfId;
    if (!id || !(await loaders.participantVisible.load(id))) return null;
    return loaders.participant.load(id);
  }
}
