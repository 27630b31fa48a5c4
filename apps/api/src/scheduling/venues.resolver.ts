import { Args, ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@app/common';
import { VenuesService } from '@app/scheduling';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { RequestContext } from '../graphql/request-context';
import { CreateVenueInput, OrganisationModel, UpdateVenueInput, VenueModel } from './scheduling.models';

@Resolver(() => VenueModel)
export class VenuesResolver {
  constructor(private readonly service: VenuesService) {}

  @Query(() => [VenueModel], { description: 'Every venue by name, for the back office' })
  venues(
    @CurrentActor() actor: Actor | null,
    @Args('includeInactive', { type: () => Boolean, nullable: true, description: 'Deactivated ones too' }) includeInactive?: boolean | null,
    @Args('organisationId', { type: () => ID, nullable: true, description: "Only this organisation's venues" }) organisationId?: string | null,
  ): Promise<VenueModel[]> {
    return this.service.listVenuesFor(actor, { includeInactive: includeInactive ?? false, organisationId });
  }

  @Mutation(() => VenueModel)
  createVenue(@CurrentActor() actor: Actor | null, @Args('input') input: CreateVenueInput): Promise<VenueModel> {
    return this.service.createVenue(actor, input);
  }

  @Mutation(() => VenueModel)
  updateVenue(@CurrentActor() actor: Actor | null, @Args('id', { type: () => ID }) id: string, @Args('input') input: UpdateVenueInput): Promise<VenueModel> {
    return this.service.updateVenue(actor, id, input);
  }

  @Mutation(() => VenueModel, { description: 'Kept for history; no new sessions there' })
  deactivateVenue(@CurrentActor() actor: Actor | null, @Args('id', { type: () => ID }) id: string): Promise<VenueModel> {
    return this.service.setVenueActive(actor, id, false);
  }

  @Mutation(() => VenueModel)
  reactivateVenue(@CurrentActor() actor: Actor | null, @Args('id', { type: () => ID }) id: string): Promise<VenueModel> {
    return this.service.setVenueActive(actor, id, true);
  }

  /** Without parameter decorators, as SessionsResolver's nested fields (why: there). */
  @ResolveField(() => OrganisationModel)
  organisation(venue: VenueModel, _args: unknown, { loaders }: RequestContext): Promise<OrganisationModel> {
    return loaders.organisation.load(venue.organisationId) as Promise<OrganisationModel>;
  }
}
