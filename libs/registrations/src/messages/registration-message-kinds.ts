/** The messages registrations send; the values are the catalogue's keys (locales/<lang>/messages.json) and are stored in the outbox: never rename them. */
export enum RegistrationMessageKind {
  /** To a participant: their place is confirmed. */
  REGISTRATION_CONFIRMED = 'REGISTRATION_CONFIRMED',
  /** To a participant: the session is full, they are on the waiting list (optionally with their position). */
  WAITLISTED = 'WAITLISTED',
  /** To a participant: a place came free and they moved from the waiting list to confirmed. */
  PROMOTED = 'PROMOTED',
  /** To a participant: their registration was cancelled (by them or by staff; optional reason). */
  REGISTRATION_CANCELLED = 'REGISTRATION_CANCELLED',
  /** To a participant: reminder before the session. */
  SESSION_REMINDER = 'SESSION_REMINDER',
  /** To a participant: the session will not take place (optional reason). */
  SESSION_CANCELLED = 'SESSION_CANCELLED',
  /** To a participant: the session has a new date/time or place (optional previous start). */
  SESSION_MOVED = 'SESSION_MOVED',
  /** To a participant: a seat came free close to the start; it is held for them until offerExpiresAt (yes or no). */
  SEAT_OFFERED = 'SEAT_OFFERED',
  /** To a participant: they did not answer a seat offer in time; the seat went on, they may register again. */
  SEAT_OFFER_EXPIRED = 'SEAT_OFFER_EXPIRED',
  /** Staff alert: all places are taken (needs confirmedCount, capacity; optional waitlistCount). */
  SESSION_FULL = 'SESSION_FULL',
  /** Staff alert: many people wait, suggest a second table (needs waitlistCount). */
  WAITLIST_LONG = 'WAITLIST_LONG',
  /** Staff alert, about 48 h before: few registrations, recruit or cancel (needs confirmedCount, capacity). */
  UNDER_BOOKED = 'UNDER_BOOKED',
  /** To a host: tomorrow's sessions with their attendees (lines). */
  HOST_DIGEST = 'HOST_DIGEST',
  /** To a school contact: which parents to remind and how (lines). */
  SCHOOL_DIGEST = 'SCHOOL_DIGEST',
  /** To a newcomer registering themself: the 6-digit code to type in (code), for the session (title, date, time). */
  REGISTRATION_CODE = 'REGISTRATION_CODE',
  /** Staff alert to coordinators, once per hour: the hourly budget of code SMS is used up, new requests are refused (capacity = budget; date, time = when). */
  SMS_CODE_BUDGET_REACHED = 'SMS_CODE_BUDGET_REACHED',
  /** To a number that answered STOP: the one SMS that still goes to it, saying no more will. */
  SMS_STOPPED = 'SMS_STOPPED',
  /** To a participant whose SMS reply was no keyword: their personal link, at most once per registration per hour. */
  SMS_REPLY_HELP = 'SMS_REPLY_HELP',
}
