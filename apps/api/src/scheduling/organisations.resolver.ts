import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@app/common';
import { OrganisationsService } from '@app/scheduling';
import { CurrentActor, Loaders } from '../auth/current-actor.decorator';
import type { Loaders as RequestLoaders } from '../loaders/loaders';
import { CreateOrganisationInput, OrganisationModel, VenueModel } from './scheduling.models';

@Resolver(() => OrganisationModel)
export class OrganisationsResolver {
  constructor(private readonly service: OrganisationsService) {}

  @Query(() => [OrganisationModel], { description: 'Schools, centres and partners that host sessions (public: the schedule filters by them)' })
  organisations(): Promise<OrganisationModel[]> {
    return this.service.listOrganisations();
  }

  @Mutation(() => OrganisationModel)
  createOrganisation(@CurrentActor() actor: Actor | null, @Args('input') input: CreateOrganisationInput): Promise<OrganisationModel> {
    return this.service.createOrganisation(actor, input);
  }

  @ResolveField(() => [VenueModel])
  venues(@Parent() organisation: OrganisationModel, @Loaders() loaders: RequestLoaders): Promise<VenueModel[]> {
    return loaders.venuesByOrganisation.load(organisation.id);
  }
}
