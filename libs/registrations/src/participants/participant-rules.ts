import { AppError, validate } from '@app/common';
import { PARTICIPANT_LANGUAGES } from '@app/messaging';
import { ContactChannel, ReferralChannel } from '../entities';

/** Languages a participant may choose: one list with the web app's forms (libs/messaging's languages). */
export const SUPPORTED_LANGUAGES = PARTICIPANT_LANGUAGES;

export interface NewParticipantCommand {
  firstName: string;
  lastName?: string | null;
  phone?: string | null;
  email?: string | null;
  preferredLanguage: string;
  contactChannel: ContactChannel;
  consentToContact: boolean;
  referralChannel?: ReferralChannel | null;
}

export interface ValidParticipant {
  firstName: string;
  lastName: string | null;
  phone: string | null;
  email: string | null;
  preferredLanguage: string;
  contactChannel: ContactChannel;
  consentToContact: boolean;
  referralChannel: ReferralChannel | null;
}

/** Belgian numbers may be typed as 0470 12 34 56; foreign ones need their +country code. */
export function normalisePhone(field: string, input: string): string {
  return validate.phone(field, input);
}

export function normaliseLanguage(field: string, input: string): string {
  const tag = input.trim().toLowerCase();
  if (!(SUPPORTED_LANGUAGES as readonly string[]).includes(tag)) {
    throw AppError.badInput(`${field} must be one of ${SUPPORTED_LANGUAGES.join(', ')}`, field);
  }
  return tag;
}

/**
 * A participant needs only a first name. The contact channel must be one we can actually use:
 * SMS needs a phone, EMAIL an address, and both need consent; VIA_ORGANISATION needs the
 * organisation that registered them.
 */
export function validateNewParticipant(input: NewParticipantCommand, registeringOrganisationId: string | null): ValidParticipant {
  const participant: ValidParticipant = {
    firstName: validate.text('participant.firstName', input.firstName, { max: 100 }),
    lastName: validate.optionalText('participant.lastName', input.lastName, 100),
    phone: input.phone?.trim() ? normalisePhone('participant.phone', input.phone) : null,
    email: input.email?.trim() ? validate.email('participant.email', input.email) : null,
    preferredLanguage: normaliseLanguage('participant.preferredLanguage', input.preferredLanguage),
    contactChannel: input.contactChannel,
    consentToContact: input.consentToContact === true,
    referralChannel: input.referralChannel ?? null,
  };
  const bad = (why: string) => AppError.badInput(`contactChannel ${participant.contactChannel} ${why}`, 'participant.contactChannel');
  switch (participant.contactChannel) {
    case ContactChannel.SMS:
      if (!participant.phone) throw bad('needs a phone number');
      if (!participant.consentToContact) throw bad('needs consentToContact');
      break;
    case ContactChannel.EMAIL:
      if (!participant.email) throw bad('needs an e-mail address');
      if (!participant.consentToContact) throw bad('needs consentToContact');
      break;
    case ContactChannel.VIA_ORGANISATION:
      if (!registeringOrganisationId) throw bad('needs the organisation that registers them');
      break;
    case ContactChannel.NONE:
      break;
    default:
      throw AppError.badInput('contactChannel is not a known channel', 'participant.contactChannel');
  }
  return participant;
}
