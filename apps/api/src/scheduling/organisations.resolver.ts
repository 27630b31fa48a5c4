import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@app/common';
import { OrganisationsService } from '@app/scheduling';
import { CurrentActor, Loaders } from '../auth/current-actor.decorator';
import type { Loaders as RequestLoaders } from '../loaders/loaders';
import { CreateOrganisationInput, OrganisationModel, UpdateOrganisationInput, VenueModel } from './scheduling.models';

@Resolver(() => OrganisationModel)
export class OrganisationsResolver {
  constructor(private readonly service: OrganisationsService) {}

  @Query(() => [OrganisationModel], { description: 'Schools, centres and partners that host sessions (public: the schedule filters by them)' })
  organisations(
    @CurrentActor() actor: Actor | null,
    @Args('includeInactive', { type: () => Boolean, nullable: true, description: 'Deactivated ones too (ADMIN and COORDINATOR only)' })
    includeInactive?: boolean | null,
  ): Promise<OrganisationModel[]> {
    return this.service.listOrganisationsFor(actor, includeInactive ?? false);
  }

  @Mutation(() => OrganisationModel)
  createOrganisation(@CurrentActor() actor: Actor | null, @Args('input') input: CreateOrganisationInput): Promise<OrganisationModel> {
    return this.service.createOrganisation(actor, input);
  }

  @Mutation(() => OrganisationModel)
  updateOrganisation(
    @CurrentActor() actor: Actor | null,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateOrganisationInput,
  ): Promise<OrganisationModel> {
    return this.service.updateOrganisation(actor, id, input);
  }

  @Mutation(() => OrganisationModel, { description: 'Kept for history; leaves the public list and gets no new venues or sessions' })
  deactivateOrganisation(@CurrentActor() actor: Actor | null, @Args('id', { type: () => ID }) id: string): Promise<OrganisationModel> {
    return this.service.setOrganisationActive(actor, id, false);
  }

  @Mutation(() => OrganisationModel)
  reactivateOrganisation(@CurrentActor() actor: Actor | null, @Args('id', { type: () => ID }) id: string): Promise<OrganisationModel> {
    return this.service.setOrganisationActive(actor, id, true);
  }

  @ResolveField(() => [VenueModel])
  venues(@Parent() organisation: OrganisationModel, @Loaders() loaders: RequestLoaders): Promise<VenueModel[]> {
    return loaders.venuesByOrganisation.load(organisation.id);
  }
}
