import { Args, Field, ID, Mutation, ObjectType, Parent, Query, registerEnumType, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@app/common';
import { ShiftSwapsService, ShiftSwapStatus } from '@app/volunteers';
import { CurrentActor, Loaders } from '../auth/current-actor.decorator';
import { DateTimeScalar } from '../graphql/scalars';
import type { Loaders as RequestLoaders } from '../loaders/loaders';
import { ShiftAssignmentModel, ShiftModel } from './volunteers.models';

registerEnumType(ShiftSwapStatus, { name: 'ShiftSwapStatus', description: 'LAPSED: the assignment changed (given back, moved, cancelled) before an answer' });

@ObjectType('ShiftColleague', { description: 'Another volunteer as a colleague sees them: a name, never contact details or why they are not free' })
export class ShiftColleagueModel {
  @Field(() => ID) id: string;
  @Field() displayName: string;
}

@ObjectType('ShiftSwapRequest', { description: 'A volunteer asking a colleague to take one of their shifts; nothing moves until the colleague accepts' })
export class ShiftSwapRequestModel {
  @Field(() => ID) id: string;
  @Field(() => ShiftSwapStatus) status: ShiftSwapStatus;
  @Field(() => ID, { description: "The holder's assignment the request is about" }) assignmentId: string;
  @Field(() => DateTimeScalar) createdAt: Date;
  @Field(() => DateTimeScalar, { nullable: true }) decidedAt: Date | null;
  shiftId: string;
  fromVolunteerId: string;
  toVolunteerId: string;
}

@Resolver(() => ShiftSwapRequestModel)
export class ShiftSwapsResolver {
  constructor(private readonly swaps: ShiftSwapsService) {}

  @Mutation(() => ShiftAssignmentModel, {
    description:
      'A coordinator hands the shift to the other volunteer at once (returns their assignment). The volunteer on the shift asks the colleague instead (returns their own assignment, unchanged until the colleague accepts: acceptShiftSwap). A colleague who is away, busy then or does not fit -> VOLUNTEER_UNAVAILABLE, without saying which',
  })
  swapShift(
    @CurrentActor() actor: Actor | null,
    @Args('assignmentId', { type: () => ID }) assignmentId: string,
    @Args('toVolunteerId', { type: () => ID }) toVolunteerId: string,
  ): Promise<ShiftAssignmentModel> {
    return this.swaps.swapShift(actor, assignmentId, toVolunteerId);
  }

  @Query(() => [ShiftColleagueModel], { description: 'For the volunteer on a shift: colleagues free then who fit it, best first (names only)' })
  shiftSwapCandidates(@CurrentActor() actor: Actor | null, @Args('assignmentId', { type: () => ID }) assignmentId: string): Promise<ShiftColleagueModel[]> {
    return this.swaps.candidates(actor, assignmentId);
  }

  @Query(() => [ShiftSwapRequestModel], { description: "The caller's swap requests, asked and received, for shifts ahead; newest first" })
  shiftSwapRequests(@CurrentActor() actor: Actor | null): Promise<ShiftSwapRequestModel[]> {
    return this.swaps.myRequests(actor);
  }

  @Mutation(() => ShiftAssignmentModel, {
    description:
      "The colleague takes the shift: the holder's place is released and theirs held in one step. Away or busy then -> VOLUNTEER_UNAVAILABLE; answered, withdrawn or lapsed -> CONFLICT",
  })
  acceptShiftSwap(@CurrentActor() actor: Actor | null, @Args('requestId', { type: () => ID }) requestId: string): Promise<ShiftAssignmentModel> {
    return this.swaps.accept(actor, requestId);
  }

  @Mutation(() => ShiftSwapRequestModel, { description: 'The colleague says no; the shift stays with the holder' })
  declineShiftSwap(@CurrentActor() actor: Actor | null, @Args('requestId', { type: () => ID }) requestId: string): Promise<ShiftSwapRequestModel> {
    return this.swaps.decline(actor, requestId);
  }

  @Mutation(() => ShiftSwapRequestModel, { description: 'The holder (or a coordinator) takes the question back' })
  withdrawShiftSwap(@CurrentActor() actor: Actor | null, @Args('requestId', { type: () => ID }) requestId: string): Promise<ShiftSwapRequestModel> {
    return this.swaps.withdraw(actor, requestId);
  }

  @ResolveField(() => ShiftModel)
  async shift(@Parent() request: ShiftSwapRequestModel, @Loaders() loaders: RequestLoaders): Promise<ShiftModel> {
    return (await loaders.shift.load(request.shiftId))!;
  }

  @ResolveField(() => ShiftColleagueModel, { description: 'Who asks' })
  from(@Parent() request: ShiftSwapRequestModel, @Loaders() loaders: RequestLoaders): Promise<ShiftColleagueModel> {
    return colleague(loaders, request.fromVolunteerId);
  }

  @ResolveField(() => ShiftColleagueModel, { description: 'Who is asked' })
  to(@Parent() request: ShiftSwapRequestModel, @Loaders() loaders: RequestLoaders): Promise<ShiftColleagueModel> {
    return colleague(loaders, request.toVolunteerId);
  }

  @ResolveField(() => Boolean, { description: 'Whether the caller is the one asked' })
  incoming(@CurrentActor() actor: Actor | null, @Parent() request: ShiftSwapRequestModel): boolean {
    return request.toVolunteerId === actor?.userId;
  }
}

/** Only the name is copied out of the user: no field of this type can carry an e-mail address. */
async function colleague(loaders: RequestLoaders, userId: string): Promise<ShiftColleagueModel> {
  const user = await loaders.user.load(userId);
  return { id: userId, displayName: user?.displayName ?? '' };
}
