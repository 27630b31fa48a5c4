/** What a kind of message is to its reader, decided with the kind (README "Messages" has the table). */
export interface MessageKindInfo {
  /**
   * true: about the reader's own registration, booking, shift, account or code (they asked for it,
   * or need it to take part); it always goes. false: a broadcast, digest or staff alert the reader
   * can live without: mail of this kind carries List-Unsubscribe (RFC 8058) and an "Unsubscribe"
   * link, and is not sent to an address that unsubscribed.
   */
  readonly transactional: boolean;
  /** Why, in a few words (the README table repeats it). */
  readonly why: string;
}

/**
 * Every message the catalogue has words for (the keys of locales/<lang>/messages.json), each with
 * what it is to its reader. Each domain exports the kinds it sends (RegistrationMessageKind, …)
 * with these same strings; messaging handles them as strings. The keys are stored in the outbox,
 * queues and logs: never rename them.
 */
export const MESSAGE_KIND_INFO = {
  /** To a participant: their place is confirmed. */
  REGISTRATION_CONFIRMED: { transactional: true, why: 'about their own registration: they asked for the seat' },
  /** To a participant: the session is full, they are on the waiting list (optionally with their position). */
  WAITLISTED: { transactional: true, why: 'about their own registration: where they stand' },
  /** To a participant: a place came free and they moved from the waiting list to confirmed. */
  PROMOTED: { transactional: true, why: 'about their own registration: they now have a seat and should come' },
  /** To a participant: their registration was cancelled (by them or by staff; optional reason). */
  REGISTRATION_CANCELLED: { transactional: true, why: 'about their own registration: they must not come' },
  /** To a participant: reminder before the session. */
  SESSION_REMINDER: { transactional: true, why: 'about their own registration: many newcomers only come when reminded' },
  /** To a participant: the session will not take place (optional reason). */
  SESSION_CANCELLED: { transactional: true, why: 'about their own registration: they must not come for nothing' },
  /** To a participant: the session has a new date/time or place (optional previous start). */
  SESSION_MOVED: { transactional: true, why: 'about their own registration: a new time or place they need to know' },
  /** To a participant: a seat came free close to the start; it is held for them until `until` (yes or no). */
  SEAT_OFFERED: { transactional: true, why: 'about their own registration: a seat held for them, to take or pass on' },
  /** To a participant: they did not answer a seat offer in time; the seat went on, they may register again. */
  SEAT_OFFER_EXPIRED: { transactional: true, why: 'about their own registration: the seat held for them went to the next person' },
  /** Staff alert: all places are taken (needs confirmedCount, capacity; optional waitlistCount). */
  SESSION_FULL: { transactional: false, why: 'a staff alert: the session page shows the same numbers' },
  /** Staff alert: many people wait, suggest a second table (needs waitlistCount). */
  WAITLIST_LONG: { transactional: false, why: 'a staff alert: the session page shows the waiting list' },
  /** Staff alert, about 48 h before: few registrations, recruit or cancel (needs confirmedCount, capacity). */
  UNDER_BOOKED: { transactional: false, why: 'a staff alert: the session page shows the registrations' },
  /** To a host: tomorrow's sessions with their attendees (lines). */
  HOST_DIGEST: { transactional: false, why: "a digest: the host's own pages list tomorrow's sessions and attendees" },
  /** To a school contact: which parents to remind and how (lines). */
  SCHOOL_DIGEST: { transactional: false, why: "a digest: the school contact's pages list the parents to remind" },
  /** To a festival organiser: we received your stand application (slots). */
  STAND_APPLICATION_RECEIVED: { transactional: true, why: 'about their own booking: the receipt of what they asked for' },
  /** To a festival organiser: your stand is confirmed (slots; optional map; .ics attached). */
  STAND_CONFIRMED: { transactional: true, why: 'about their own booking' },
  /** To a festival organiser: a requested slot was refused (plot, date, time; optional reason). */
  STAND_REFUSED: { transactional: true, why: 'about their own booking' },
  /** To a festival organiser: the city moved a booking (plot, new times; optional previous plot/time, map). */
  STAND_MOVED: { transactional: true, why: 'about their own booking: a new plot or time they need to know' },
  /** To a festival organiser: the city cancelled a booking (plot, date, time; optional reason). */
  STAND_CANCELLED: { transactional: true, why: 'about their own booking: they must not set up' },
  /** To a festival organiser: a week and a day before a festival day (slots of that day; optional map). */
  STAND_REMINDER: { transactional: true, why: 'about their own booking: the day, the plot and the hours to set up' },
  /** Staff alert: the application deadline is near and plots are still free (deadline, free). */
  FESTIVAL_DEADLINE_NEAR: { transactional: false, why: 'a staff alert: the festival desk shows the free plots' },
  /** To a volunteer: reminder before a shift (title, date, times, place; .ics attached). */
  SHIFT_REMINDER: { transactional: true, why: 'about their own shift: they are expected' },
  /** Staff alert, about 72 h before: a shift still lacks volunteers (confirmed = taken places, capacity = needed). */
  SHIFT_UNDERSTAFFED: { transactional: false, why: 'a staff alert: the shifts page shows the open places' },
  /** To a volunteer: a colleague asks them to take over a shift (colleague = who asks; title, date, times, place). */
  SHIFT_SWAP_REQUESTED: { transactional: true, why: 'about their own shift: a colleague waits for their answer' },
  /** To a newcomer registering themself: the 6-digit code to type in (code), for the session (title, date, time). */
  REGISTRATION_CODE: { transactional: true, why: 'a code they asked for, needed to register' },
  /** Staff alert to coordinators, once per hour: the hourly budget of code SMS is used up, new requests are refused (capacity = budget; date, time = when). */
  SMS_CODE_BUDGET_REACHED: { transactional: false, why: 'a staff alert: the refusals show in the logs and the metrics' },
  /** To a new user: a one-time link (link) to set their first password; it works until date, time. */
  USER_INVITATION: { transactional: true, why: 'their account: the link to set a first password' },
  /** To a user who forgot their password: a one-time link (link) to set a new one; it works until date, time. */
  PASSWORD_RESET: { transactional: true, why: 'their account: a reset they asked for' },
  /** Staff alert to coordinators: a planned Picnik follow-up is due (title = the participant's first name, date = when it was due, link = the case). */
  TRAJECTORY_FOLLOW_UP_DUE: { transactional: false, why: 'a staff alert: the case desk counts the follow-ups due' },
  /** To a participant or festival organiser: a coordinator's own words (message), about title; inDutch adds a line saying the words are Dutch. */
  BROADCAST: { transactional: false, why: "a coordinator's announcement to many readers, not asked for by the reader" },
  /** To a number that answered STOP: the one confirmation that no SMS will follow (firstName; no date). */
  SMS_STOPPED: { transactional: true, why: 'the answer to their own STOP: the one SMS that confirms no other will follow' },
  /** To a participant whose SMS reply was no keyword: say it with the personal link (link) about title, date, time. */
  SMS_REPLY_HELP: { transactional: true, why: 'the answer to their own reply: how to act on their registration' },
} as const satisfies Record<string, MessageKindInfo>;

export type CatalogueKind = keyof typeof MESSAGE_KIND_INFO;

/** Every kind, in the catalogue's order. */
export const MESSAGE_KINDS = Object.keys(MESSAGE_KIND_INFO) as readonly CatalogueKind[];

/**
 * Whether a kind always goes (true), or carries List-Unsubscribe and is skipped for an address that
 * unsubscribed (false). Unknown kinds count as transactional: nothing is withheld by mistake.
 */
export function isTransactional(kind: string): boolean {
  return Object.prototype.hasOwnProperty.call(MESSAGE_KIND_INFO, kind) ? MESSAGE_KIND_INFO[kind as CatalogueKind].transactional : true;
}

/** One person in a host or school digest. */
export interface DigestLine {
  firstName: string;
  lastName?: string | null;
  sessionTitle: string;
  startsAt: Date;
  /** BCP 47 code of the person's language, shown as a language name in the digest. */
  language: string;
  phone?: string | null;
  /** How to reach or remind this person, free text (e.g. "SMS in het Arabisch", "via de juf"). */
  how: string;
}

/** One booked or requested stand slot, listed by {slots}. */
export interface StandSlotLine {
  plotCode: string;
  startsAt: Date;
  endsAt: Date;
}

/**
 * Values a template may use. firstName is the recipient's (participant, host or school contact).
 * For digests, startsAt is the day the digest is about (e.g. tomorrow) and lines lists the people.
 */
export interface MessageVariables {
  firstName: string;
  sessionTitle: string;
  startsAt: Date;
  endsAt: Date;
  venueName: string;
  venueAddress: string;
  waitlistPosition?: number | null;
  previousStartsAt?: Date | null;
  reason?: string | null;
  confirmedCount?: number;
  capacity?: number;
  waitlistCount?: number;
  lines?: DigestLine[];
  /** Festival messages: sessionTitle is the edition, venue the site, startsAt/endsAt the (first) slot. */
  plotCode?: string | null;
  previousPlotCode?: string | null;
  siteMapUrl?: string | null;
  deadline?: Date | null;
  freePlots?: number | null;
  slots?: StandSlotLine[];
  /** REGISTRATION_CODE: the code from the SMS, six digits. */
  code?: string | null;
  /** SHIFT_SWAP_REQUESTED: the display name of the volunteer who asks. */
  colleagueName?: string | null;
  /** USER_INVITATION, PASSWORD_RESET: the one-time link to the web app. */
  link?: string | null;
  /** SEAT_OFFERED: until when the seat is held ({until}, a time in Brussels). */
  offerExpiresAt?: Date | null;
  /** The number to call to "let us know" (E.164): the host organisation's, else CONTACT_PHONE; none leaves the line out. */
  contactPhone?: string | null;
  /** BROADCAST: the coordinator's text, in the reader's language or in Dutch. */
  message?: string | null;
  /** BROADCAST: the text is the Dutch original (no translation in the reader's language): a line says so. */
  inDutch?: boolean;
}
