import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@app/common';
import { TrajectoriesService } from '@app/volunteers';
import { UserModel } from '../auth/auth.models';
import { CurrentActor, Loaders } from '../auth/current-actor.decorator';
import type { Loaders as RequestLoaders } from '../loaders/loaders';
import { CompleteFollowUpInput, PlanFollowUpInput, TrajectoryFollowUpModel, TrajectoryStatusChangeModel } from './volunteers.models';

/** Picnik case work: follow-ups planned with a due date and recorded when done. */
@Resolver(() => TrajectoryFollowUpModel)
export class TrajectoryFollowUpsResolver {
  constructor(private readonly trajectoriesService: TrajectoriesService) {}

  @Query(() => Int, { description: 'Planned follow-ups due today (Brussels) or earlier, not done yet. Coordinators' })
  dueTrajectoryFollowUpCount(@CurrentActor() actor: Actor | null): Promise<number> {
    return this.trajectoriesService.countDueFollowUps(actor);
  }

  @Mutation(() => TrajectoryFollowUpModel, { description: 'A follow-up to do by dueOn; coordinators are reminded when it is due' })
  planTrajectoryFollowUp(
    @CurrentActor() actor: Actor | null,
    @Args('id', { type: () => ID, description: 'The trajectory' }) id: string,
    @Args('input') input: PlanFollowUpInput,
  ): Promise<TrajectoryFollowUpModel> {
    return this.trajectoriesService.planFollowUp(actor, id, input);
  }

  @Mutation(() => TrajectoryFollowUpModel, { description: 'Records a planned follow-up as done (once)' })
  completeTrajectoryFollowUp(
    @CurrentActor() actor: Actor | null,
    @Args('followUpId', { type: () => ID }) followUpId: string,
    @Args('input') input: CompleteFollowUpInput,
  ): Promise<TrajectoryFollowUpModel> {
    return this.trajectoriesService.completeFollowUp(actor, followUpId, input);
  }
}

/** Who moved a trajectory: reached only through a trajectory the viewer may see. */
@Resolver(() => TrajectoryStatusChangeModel)
export class TrajectoryStatusChangesResolver {
  @ResolveField(() => UserModel, { nullable: true, description: 'Who moved it (null for imported history)' })
  by(@Parent() change: TrajectoryStatusChangeModel, @Loaders() loaders: RequestLoaders): Promise<UserModel | null> | null {
    return change.changedById ? loaders.user.load(change.changedById) : null;
  }
}
