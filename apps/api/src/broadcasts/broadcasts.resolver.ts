import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { BroadcastsService } from '@app/broadcasts';
import type { Actor } from '@app/common';
import { UserModel } from '../auth/auth.models';
import { CurrentActor, Loaders } from '../auth/current-actor.decorator';
import type { Loaders as RequestLoaders } from '../loaders/loaders';
import { BroadcastDraftInput, BroadcastMessageInput, BroadcastModel, BroadcastPlanModel } from './broadcasts.models';

/** Broadcasts for coordinators: the service checks the role and the input. */
@Resolver(() => BroadcastModel)
export class BroadcastsResolver {
  constructor(private readonly service: BroadcastsService) {}

  @Query(() => BroadcastPlanModel, {
    description: 'Who the draft would reach, per channel and language, and how long each SMS is. Sends nothing. Coordinators only',
  })
  broadcastPlan(
    @CurrentActor() actor: Actor | null,
    @Args('input', { type: () => BroadcastDraftInput }) input: BroadcastDraftInput,
  ): Promise<BroadcastPlanModel> {
    return this.service.planBroadcast(actor, input);
  }

  @Query(() => [BroadcastModel], { description: 'Past broadcasts, newest first (first: 1-100, default 20). Coordinators only' })
  broadcasts(@CurrentActor() actor: Actor | null, @Args('first', { type: () => Int, nullable: true }) first?: number | null): Promise<BroadcastModel[]> {
    return this.service.listBroadcasts(actor, first);
  }

  @Mutation(() => BroadcastModel, {
    description:
      'Writes one message per reader in the outbox, in their channel and language (a translation, else the Dutch text with a line saying so). ' +
      'The same idempotencyKey again returns the first broadcast and sends nothing. SMS_TOO_LONG at the text that would not fit 2 SMS parts. Coordinators only',
  })
  broadcastMessage(
    @CurrentActor() actor: Actor | null,
    @Args('input', { type: () => BroadcastMessageInput }) input: BroadcastMessageInput,
  ): Promise<BroadcastModel> {
    return this.service.sendBroadcast(actor, input);
  }

  @ResolveField(() => UserModel, { nullable: true, description: 'Who sent it' })
  author(@Parent() broadcast: BroadcastModel, @Loaders() loaders: RequestLoaders): Promise<UserModel | null> | null {
    return broadcast.authorId ? loaders.user.load(broadcast.authorId) : null;
  }
}
