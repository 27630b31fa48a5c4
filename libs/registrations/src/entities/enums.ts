export enum RegistrationStatus {
  CONFIRMED = 'CONFIRMED',
  WAITLISTED = 'WAITLISTED',
  CANCELLED = 'CANCELLED',
  ATTENDED = 'ATTENDED',
  NO_SHOW = 'NO_SHOW',
  /** A freed seat held for the first waiting person until seatOfferExpiresAt: accept, decline or let it pass on. */
  OFFERED = 'OFFERED',
}

/** Statuses that hold the participant's place at a session (one per participant per session). */
export const LIVE_REGISTRATION_STATUSES = [
  RegistrationStatus.CONFIRMED,
  RegistrationStatus.WAITLISTED,
  RegistrationStatus.ATTENDED,
  RegistrationStatus.NO_SHOW,
] as const;

/** Statuses that take a seat: capacity counts these (docs/architecture.md#invariant-1). */
export const SEATED_REGISTRATION_STATUSES = [RegistrationStatus.CONFIRMED, RegistrationStatus.ATTENDED, RegistrationStatus.NO_SHOW] as const;

export enum ContactChannel {
  SMS = 'SMS',
  EMAIL = 'EMAIL',
  VIA_ORGANISATION = 'VIA_ORGANISATION',
  NONE = 'NONE',
}

/** How a newcomer found the programme; the Picnik reports group by it. */
export enum ReferralChannel {
  SCHOOL = 'SCHOOL',
  INTEGRATION_AGENCY = 'INTEGRATION_AGENCY',
  ADULT_EDUCATION = 'ADULT_EDUCATION',
  CONVERSATION_TABLE = 'CONVERSATION_TABLE',
  FMDO = 'FMDO',
  KIND_EN_GEZIN = 'KIND_EN_GEZIN',
  SELF = 'SELF',
  OTHER = 'OTHER',
}

/** What happened to a registration; the notifications outbox is built on these rows. */
export enum RegistrationEventKind {
  CONFIRMED = 'CONFIRMED',
  WAITLISTED = 'WAITLISTED',
  PROMOTED = 'PROMOTED',
  CANCELLED = 'CANCELLED',
  SESSION_CANCELLED = 'SESSION_CANCELLED',
  ATTENDED = 'ATTENDED',
  NO_SHOW = 'NO_SHOW',
  /** The holder of the personal link said "I am coming" (registration.holderConfirmedAt). */
  HOLDER_CONFIRMED = 'HOLDER_CONFIRMED',
}

/** How the holder of a personal link acted without a login: on the link's page or by replying to an SMS. */
export enum HolderVia {
  LINK = 'LINK',
  SMS = 'SMS',
}
