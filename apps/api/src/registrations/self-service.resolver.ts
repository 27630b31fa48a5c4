import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AppError, ErrorCode } from '@app/common';
import { type HeldRegistration, HolderActions, HolderVia, PersonalLinks } from '@app/registrations';
import { DateTimeScalar } from '../graphql/scalars';
import { RegistrationModel } from './registrations.models';

/** No login: the token in the personal link is the key. Anonymous callers' rate limits apply (the `public` throttler). */
@Resolver(() => RegistrationModel)
export class SelfServiceResolver {
  constructor(
    private readonly links: PersonalLinks,
    private readonly holder: HolderActions,
  ) {}

  @Query(() => RegistrationModel, { nullable: true, description: 'The registration of a personal link; null for an unknown, expired or revoked token' })
  async myRegistration(@Args('token') token: string): Promise<RegistrationModel | null> {
    const registrationId = await this.links.resolve(token);
    const held = registrationId ? await this.holder.view(registrationId) : null;
    return held ? asModel(held) : null;
  }

  @Mutation(() => RegistrationModel, { description: 'The holder says "I am coming"; accepts an OFFERED seat' })
  async confirmMyRegistration(@Args('token') token: string): Promise<RegistrationModel> {
    return asModel(await this.holder.confirm(await this.registrationIdOf(token), HolderVia.LINK));
  }

  @Mutation(() => RegistrationModel, { description: 'Frees the seat; the waiting list moves' })
  async cancelMyRegistration(@Args('token') token: string): Promise<RegistrationModel> {
    return asModel(await this.holder.cancel(await this.registrationIdOf(token), HolderVia.LINK));
  }

  @Mutation(() => RegistrationModel, { description: 'Gives an OFFERED seat to the next in line' })
  async declineSeatOffer(@Args('token') token: string): Promise<RegistrationModel> {
    return asModel(await this.holder.decline(await this.registrationIdOf(token), HolderVia.LINK));
  }

  @ResolveField(() => DateTimeScalar, { nullable: true, description: 'When the participant said "I am coming" through their personal link or by SMS' })
  confirmedByHolderAt(@Parent() registration: RegistrationModel): Date | null {
    return registration.holderConfirmedAt ?? null;
  }

  private async registrationIdOf(token: string): Promise<string> {
    const registrationId = await this.links.resolve(token);
    if (!registrationId) throw new AppError(ErrorCode.NOT_FOUND, 'This link opens nothing: it is unknown, revoked or its session is over', { field: 'token' });
    return registrationId;
  }
}

function asModel({ registration, holder }: HeldRegistration): RegistrationModel {
  return Object.assign(registration, { holder });
}
