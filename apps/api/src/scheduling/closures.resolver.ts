import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@app/common';
import { ClosuresService } from '@app/scheduling';
import { CurrentActor } from '../auth/current-actor.decorator';
import { DateScalar } from '../graphql/scalars';
import { AddClosureDayInput, ClosureDayModel } from './scheduling.models';

@Resolver(() => ClosureDayModel)
export class ClosuresResolver {
  constructor(private readonly service: ClosuresService) {}

  @Query(() => [ClosureDayModel], { description: 'Holidays and free days from..to (at most two years), with one organisation’s own days when given' })
  closureDays(
    @Args('from', { type: () => DateScalar }) from: string,
    @Args('to', { type: () => DateScalar }) to: string,
    @Args('organisationId', { type: () => ID, nullable: true }) organisationId?: string | null,
  ): Promise<ClosureDayModel[]> {
    return this.service.listClosureDays({ from, to, organisationId });
  }

  @Mutation(() => ClosureDayModel, { description: "Adds a school's own free day; that day's holiday-skipping sessions at its venues are cancelled" })
  addClosureDay(@CurrentActor() actor: Actor | null, @Args('input') input: AddClosureDayInput): Promise<ClosureDayModel> {
    return this.service.addClosureDay(actor, input);
  }

  @Mutation(() => Boolean)
  removeClosureDay(@CurrentActor() actor: Actor | null, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.service.removeClosureDay(actor, id);
  }
}
