import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@app/common';
import { HostSuggestionsService } from '@app/volunteers';
import { CurrentActor } from '../auth/current-actor.decorator';
import { TrajectoryKind } from '../graphql/enums';
import { HostOrganisationSuggestionModel } from '../scheduling/screening.models';

@Resolver(() => HostOrganisationSuggestionModel)
export class HostSuggestionsResolver {
  constructor(private readonly service: HostSuggestionsService) {}

  @Query(() => [HostOrganisationSuggestionModel], {
    description:
      'Host organisations for a trajectory (or a kind of trajectory): screened ones first, then fitting kind, neighbourhood, allowance, fewest current trajectories. Coordinators',
  })
  suggestHostOrganisations(
    @CurrentActor() actor: Actor | null,
    @Args('trajectoryId', { type: () => ID, nullable: true }) trajectoryId?: string | null,
    @Args('kind', { type: () => TrajectoryKind, nullable: true, description: "Default: the trajectory's kind" }) kind?: TrajectoryKind | null,
    @Args('neighbourhood', { type: () => String, nullable: true }) neighbourhood?: string | null,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number | null,
  ): Promise<HostOrganisationSuggestionModel[]> {
    return this.service.suggestHostOrganisations(actor, { trajectoryId, kind, neighbourhood, limit });
  }
}
