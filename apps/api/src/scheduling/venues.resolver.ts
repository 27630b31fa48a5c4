import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@app/common';
import { VenuesService } from '@app/scheduling';
import { CurrentActor, Loaders } from '../auth/current-actor.decorator';
import type { Loaders as RequestLoaders } from '../loaders/loaders';
import { CreateVenueInput, OrganisationModel, VenueModel } from './scheduling.models';

@Resolver(() => VenueModel)
export class VenuesResolver {
  constructor(private readonly service: VenuesService) {}

  @Mutation(() => VenueModel)
  createVenue(@CurrentActor() actor: Actor | null, @Args('input') input: CreateVenueInput): Promise<VenueModel> {
    return this.service.createVenue(actor, input);
  }

  @ResolveField(() => OrganisationModel)
  async organisation(@Parent() venue: VenueModel, @Loaders() loaders: RequestLoaders): Promise<OrganisationModel> {
    return (await loaders.organisation.load(venue.organisationId))!;
  }
}
