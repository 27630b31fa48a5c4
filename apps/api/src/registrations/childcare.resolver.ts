import { Args, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@app/common';
import { ChildcareService } from '@app/registrations';
import { CurrentActor } from '../auth/current-actor.decorator';
import { SessionModel } from '../scheduling/scheduling.models';
import { RegistrationChildModel, RegistrationModel, SessionChildcareModel } from './registrations.models';

/** Children and childcare on Registration; the count and the status are the registration's own columns. */
@Resolver(() => RegistrationModel)
export class RegistrationChildrenResolver {
  constructor(private readonly childcare: ChildcareService) {}

  @Mutation(() => RegistrationModel, { description: 'How many children come along (0 to 10), until the session starts; the childcare place follows' })
  changeRegistrationChildren(
    @CurrentActor() actor: Actor | null,
    @Args('registrationId', { type: () => ID }) registrationId: string,
    @Args('children', { type: () => Int }) children: number,
  ): Promise<RegistrationModel> {
    return this.childcare.changeChildren(actor, registrationId, children);
  }

  @ResolveField(() => Int, { nullable: true, description: '1 = the family next in line for childcare; null unless childcareStatus is WAITLISTED' })
  async childcareWaitingPosition(@Parent() registration: RegistrationModel): Promise<number | null> {
    if (registration.childcareStatus !== 'WAITLISTED') return null;
    return (await this.childcare.waitingPositions([registration.id])).get(registration.id) ?? null;
  }

  @ResolveField(() => [RegistrationChildModel], { description: 'The children listed by name (the zomerschool); empty for who does not see the parent in full' })
  childrenDetails(@Parent() registration: RegistrationModel, @CurrentActor() actor: Actor | null): Promise<RegistrationChildModel[]> {
    return this.childcare.listedChildren(actor, registration as Parameters<ChildcareService['listedChildren']>[1]);
  }
}

/** Childcare counts on Session are public, like the seat counts. */
@Resolver(() => SessionModel)
export class SessionChildcareResolver {
  constructor(private readonly service: ChildcareService) {}

  @ResolveField(() => SessionChildcareModel, { nullable: true, description: "The programme's childcare at this session; null when it offers none" })
  async childcare(@Parent() session: SessionModel): Promise<SessionChildcareModel | null> {
    const counts = (await this.service.countsBySessionIds([session.id])).get(session.id);
    if (!counts || counts.capacity === null) return null;
    return { capacity: counts.capacity, placed: counts.placed, waitlisted: counts.waitlisted, available: Math.max(0, counts.capacity - counts.placed) };
  }
}
