import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { RegistrationsService, SelfRegistrationService, RegistrationStatus } from '@app/registrations';
import { RegistrationCodeRequestModel, RequestRegistrationCodeInput, SelfRegistrationModel } from './self-registration.models';

/** Newcomers register themselves without an account: a first name, a phone and the code we send to it. */
@Resolver()
export class SelfRegistrationResolver {
  constructor(
    private readonly selfRegistration: SelfRegistrationService,
    private readonly registrations: RegistrationsService,
  ) {}

  @Mutation(() => RegistrationCodeRequestModel, {
    description: 'Sends a 6-digit code by SMS, valid 10 minutes; asking again replaces the earlier code. At most 3 per phone number per hour',
  })
  requestRegistrationCode(@Args('input') input: RequestRegistrationCodeInput): Promise<RegistrationCodeRequestModel> {
    return this.selfRegistration.requestCode(input);
  }

  @Mutation(() => SelfRegistrationModel, { description: 'The right code registers the newcomer (seat or waiting list); the fifth wrong code ends the request' })
  async confirmRegistrationCode(@Args('requestId', { type: () => ID }) requestId: string, @Args('code') code: string): Promise<SelfRegistrationModel> {
    const registration = await this.selfRegistration.confirmCode(requestId, code);
    const waitlistPosition =
      registration.status === RegistrationStatus.WAITLISTED
        ? ((await this.registrations.waitlistPositions([registration.id])).get(registration.id) ?? null)
        : null;
    return { id: registration.id, status: registration.status, waitlistPosition, sessionId: registration.sessionId };
  }
}
