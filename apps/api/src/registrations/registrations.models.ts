import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ContactChannel, ReferralChannel, RegistrationStatus } from '../graphql/enums';
import { DateTimeScalar } from '../graphql/scalars';

@ObjectType('Participant', { description: 'A newcomer or parent; readable only by logged-in staff responsible for them' })
export class ParticipantModel {
  @Field(() => ID) id: string;
  @Field() firstName: string;
  @Field(() => String, { nullable: true }) lastName: string | null;
  @Field(() => String, { nullable: true, description: 'E.164, e.g. +32470123456' }) phone: string | null;
  @Field(() => String, { nullable: true }) email: string | null;
  @Field({ description: 'BCP 47 tag, e.g. nl, ar, prs' }) preferredLanguage: string;
  @Field(() => ContactChannel) contactChannel: ContactChannel;
  @Field() consentToContact: boolean;
  @Field(() => DateTimeScalar, { nullable: true }) consentRecordedAt: Date | null;
  @Field(() => ReferralChannel, { nullable: true }) referralChannel: ReferralChannel | null;
  @Field(() => DateTimeScalar) createdAt: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When their personal fields were anonymised (erasePersonalData or retention); null while not' })
  erasedAt: Date | null;
  registeredByOrganisationId: string | null;
  possibleDuplicateOfId: string | null;
  consentRecordedById: string | null;
  /** Set by ParticipantsService.viewsFor; see the `restricted` field. */
  restricted?: boolean;
}

@ObjectType('Registration')
export class RegistrationModel {
  @Field(() => ID) id: string;
  @Field(() => RegistrationStatus) status: RegistrationStatus;
  @Field(() => DateTimeScalar) createdAt: Date;
  @Field(() => ID, { nullable: true, description: 'Set when the registration came from registerParticipantForSeries' }) seriesId: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'null unless OFFERED' }) seatOfferExpiresAt: Date | null;
  @Field(() => Int, { description: 'children who come along (childcare / zomerschool); 0 by default' }) children: number;
  sessionId: string;
  participantId: string;
  holderConfirmedAt?: Date | null;
  /** Set when read through a personal link: the holder's own view of themself (the participant field returns it). */
  holder?: ParticipantModel;
}

@ObjectType('RegistrationSettings')
export class RegistrationSettingsModel {
  @Field(() => Int, { description: 'No-shows in a row after which a participant is flagged for a call (not banned)' }) noShowFlagThreshold: number;
}

@InputType()
export class NewParticipantInput {
  @Field() firstName: string;
  @Field(() => String, { nullable: true }) lastName?: string | null;
  @Field(() => String, { nullable: true, description: 'Belgian (0470 12 34 56) or international (+…); stored as E.164' }) phone?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field({ description: 'One of nl, fr, en, ar, ru, prs, ps, so, ro, ur, uk, tr, fa, ti, am, es, pl, bg, sq, ku, de' }) preferredLanguage: string;
  @Field(() => ContactChannel, {
    description: 'SMS needs phone and consent; EMAIL needs e-mail and consent; VIA_ORGANISATION needs a registering organisation',
  })
  contactChannel: ContactChannel;
  @Field() consentToContact: boolean;
  @Field(() => ReferralChannel, { nullable: true }) referralChannel?: ReferralChannel | null;
}

@InputType()
export class UpdateParticipantInput {
  @Field(() => String, { nullable: true, description: 'Belgian (0470 12 34 56) or international (+…); empty clears it' }) phone?: string | null;
  @Field(() => String, { nullable: true, description: 'Empty clears it' }) email?: string | null;
  @Field(() => String, { nullable: true, description: 'One of the languages of NewParticipantInput.preferredLanguage' }) preferredLanguage?: string | null;
  @Field(() => ContactChannel, { nullable: true, description: 'SMS needs phone and consent; EMAIL needs e-mail and consent' })
  contactChannel?: ContactChannel | null;
}

@InputType()
export class RegisterParticipantInput {
  @Field(() => ID) sessionId: string;
  @Field(() => ID, { nullable: true, description: 'An existing participant; or give participant' }) participantId?: string | null;
  @Field(() => NewParticipantInput, { nullable: true, description: 'A new participant; or give participantId' }) participant?: NewParticipantInput | null;
}

@InputType()
export class RegisterParticipantForSeriesInput {
  @Field(() => ID) seriesId: string;
  @Field(() => ID, { nullable: true }) participantId?: string | null;
  @Field(() => NewParticipantInput, { nullable: true }) participant?: NewParticipantInput | null;
}
