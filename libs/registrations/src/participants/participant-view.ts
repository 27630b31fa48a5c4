import { ContactChannel, ParticipantEntity } from '../entities';

/**
 * A participant as one reader may read them. `restricted`: the reader is responsible for a session
 * the participant is registered at (a school contact, for its own attendance list) but may not see
 * them in full (ParticipantsService.visibleTo says who may): only the first name is theirs to read.
 */
export type ParticipantView = ParticipantEntity & { restricted: boolean };

/** BCP 47 "undetermined": the GraphQL contract has preferredLanguage non-null, the reader may not know it. */
export const UNDISCLOSED_LANGUAGE = 'und';

/**
 * The first name for the attendance list and nothing else: no surname, contact details, language,
 * consent, referral, history (no-shows, the registering organisation, a possible duplicate) or
 * erasure date. Non-null fields of the contract get a neutral value instead of the real one.
 */
export function restrictedView(participant: ParticipantEntity): ParticipantView {
  return {
    id: participant.id,
    firstName: participant.firstName,
    lastName: null,
    phone: null,
    email: null,
    preferredLanguage: UNDISCLOSED_LANGUAGE,
    contactChannel: ContactChannel.NONE,
    consentToContact: false,
    consentRecordedAt: null,
    consentRecordedById: null,
    referralChannel: null,
    registeredByOrganisationId: null,
    createdById: null,
    possibleDuplicateOfId: null,
    createdAt: participant.createdAt,
    erasedAt: null,
    erasedById: null,
    anonymous: participant.anonymous,
    restricted: true,
  } as ParticipantView;
}

export const fullView = (participant: ParticipantEntity): ParticipantView => Object.assign(participant, { restricted: false });
