import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type Actor, isCoordinator } from '@app/common';
import { OrganisationEntity, OrganisationScreeningService } from '@app/organisations';
import { CurrentActor, Loaders } from '../auth/current-actor.decorator';
import type { Loaders as RequestLoaders } from '../loaders/loaders';
import { OrganisationModel } from './scheduling.models';
import { OrganisationScreeningInput, OrganisationScreeningModel, OrganisationTrainingInput, OrganisationTrainingModel } from './screening.models';

/** Picnik's screening of host organisations: a field of Organisation and its mutations. */
@Resolver(() => OrganisationModel)
export class OrganisationScreeningResolver {
  constructor(private readonly screenings: OrganisationScreeningService) {}

  @ResolveField(() => OrganisationScreeningModel, { nullable: true, description: 'Coordinators; null for everyone else' })
  screening(@CurrentActor() actor: Actor | null, @Parent() parent: OrganisationModel): OrganisationScreeningModel | null {
    if (!isCoordinator(actor)) return null;
    const organisation = parent as unknown as OrganisationEntity;
    return {
      organisationId: organisation.id,
      status: organisation.screeningStatus,
      screenedOn: organisation.screenedOn,
      validUntil: this.screenings.validUntil(organisation),
      valid: this.screenings.isScreened(organisation),
      expired: this.screenings.isExpired(organisation),
      paysVolunteerAllowance: organisation.paysVolunteerAllowance,
      allowanceNote: organisation.allowanceNote,
    };
  }

  @Mutation(() => OrganisationModel, { description: 'SCREENED needs screenedOn; a screening holds 3 years. Coordinators' })
  recordOrganisationScreening(
    @CurrentActor() actor: Actor | null,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: OrganisationScreeningInput,
  ): Promise<OrganisationModel> {
    return this.screenings.recordScreening(actor, id, input);
  }

  @Mutation(() => OrganisationTrainingModel)
  addOrganisationTraining(
    @CurrentActor() actor: Actor | null,
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('input') input: OrganisationTrainingInput,
  ): Promise<OrganisationTrainingModel> {
    return this.screenings.addTraining(actor, organisationId, input);
  }

  @Mutation(() => OrganisationModel, { description: 'Returns the organisation the training was of' })
  removeOrganisationTraining(@CurrentActor() actor: Actor | null, @Args('id', { type: () => ID }) id: string): Promise<OrganisationModel> {
    return this.screenings.removeTraining(actor, id);
  }
}

@Resolver(() => OrganisationScreeningModel)
export class OrganisationScreeningFieldsResolver {
  @ResolveField(() => [OrganisationTrainingModel], { description: 'Newest first' })
  trainings(@Parent() screening: OrganisationScreeningModel, @Loaders() loaders: RequestLoaders): Promise<OrganisationTrainingModel[]> {
    return loaders.trainingsOfOrganisation.load(screening.organisationId);
  }
}
