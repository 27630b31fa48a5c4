import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { RegistrationStatus } from '../graphql/enums';
import { DateTimeScalar } from '../graphql/scalars';

@InputType({ description: 'A newcomer registering themself: a code goes by SMS to the phone' })
export class RequestRegistrationCodeInput {
  @Field(() => ID) sessionId: string;
  @Field() firstName: string;
  @Field({ description: 'Belgian (0470 12 34 56) or international (+…)' }) phone: string;
  @Field({
    description: 'The language of the SMS and later messages; one of nl, fr, en, ar, ru, prs, ps, so, ro, ur, uk, tr, fa, ti, am, es, pl, bg, sq, ku, de',
  })
  preferredLanguage: string;
}

@ObjectType('RegistrationCodeRequest', { description: 'A code is on its way by SMS; confirmRegistrationCode with requestId and the code before expiresAt' })
export class RegistrationCodeRequestModel {
  @Field(() => ID) requestId: string;
  @Field(() => DateTimeScalar) expiresAt: Date;
}

/**
 * What a newcomer sees of their own registration: not the Registration type, whose participant and
 * session lists are for staff.
 */
@ObjectType('SelfRegistration', { description: 'The registration a newcomer made themself: a seat (CONFIRMED) or a place on the waiting list' })
export class SelfRegistrationModel {
  @Field(() => ID, { description: 'The registration' }) id: string;
  @Field(() => RegistrationStatus) status: RegistrationStatus;
  @Field(() => Int, { nullable: true, description: '1 = next to get a seat; null unless WAITLISTED' }) waitlistPosition: number | null;
  @Field(() => ID) sessionId: string;
}
