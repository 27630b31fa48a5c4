/**
 * Every message the catalogue has words for (the keys of locales/<lang>/messages.json). Each domain
 * exports the kinds it sends (RegistrationMessageKind, …) with these same strings; messaging handles
 * them as strings. The values are stored in the outbox, queues and logs: never rename them.
 */
export const MESSAGE_KINDS = [
  /** To a participant: their place is confirmed. */
  'REGISTRATION_CONFIRMED',
  /** To a participant: the session is full, they are on the waiting list (optionally with their position). */
  'WAITLISTED',
  /** To a participant: a place came free and they moved from the waiting list to confirmed. */
  'PROMOTED',
  /** To a participant: their registration was cancelled (by them or by staff; optional reason). */
  'REGISTRATION_CANCELLED',
  /** To a participant: reminder before the session. */
  'SESSION_REMINDER',
  /** To a participant: the session will not take place (optional reason). */
  'SESSION_CANCELLED',
  /** To a participant: the session has a new date/time or place (optional previous start). */
  'SESSION_MOVED',
  /** Staff alert: all places are taken (needs confirmedCount, capacity; optional waitlistCount). */
  'SESSION_FULL',
  /** Staff alert: many people wait, suggest a second table (needs waitlistCount). */
  'WAITLIST_LONG',
  /** Staff alert, about 48 h before: few registrations, recruit or cancel (needs confirmedCount, capacity). */
  'UNDER_BOOKED',
  /** To a host: tomorrow's sessions with their attendees (lines). */
  'HOST_DIGEST',
  /** To a school contact: which parents to remind and how (lines). */
  'SCHOOL_DIGEST',
  /** To a festival organiser: we received your stand application (slots). */
  'STAND_APPLICATION_RECEIVED',
  /** To a festival organiser: your stand is confirmed (slots; optional map; .ics attached). */
  'STAND_CONFIRMED',
  /** To a festival organiser: a requested slot was refused (plot, date, time; optional reason). */
  'STAND_REFUSED',
  /** To a festival organiser: the city moved a booking (plot, new times; optional previous plot/time, map). */
  'STAND_MOVED',
  /** To a festival organiser: the city cancelled a booking (plot, date, time; optional reason). */
  'STAND_CANCELLED',
  /** To a festival organiser: a week and a day before a festival day (slots of that day; optional map). */
  'STAND_REMINDER',
  /** Staff alert: the application deadline is near and plots are still free (deadline, free). */
  'FESTIVAL_DEADLINE_NEAR',
  /** To a volunteer: reminder before a shift (title, date, times, place; .ics attached). */
  'SHIFT_REMINDER',
  /** Staff alert, about 72 h before: a shift still lacks volunteers (confirmed = taken places, capacity = needed). */
  'SHIFT_UNDERSTAFFED',
  /** To a volunteer: a colleague asks them to take over a shift (colleague = who asks; title, date, times, place). */
  'SHIFT_SWAP_REQUESTED',
  /** To a newcomer registering themself: the 6-digit code to type in (code), for the session (title, date, time). */
  'REGISTRATION_CODE',
  /** Staff alert to coordinators, once per hour: the hourly budget of code SMS is used up, new requests are refused (capacity = budget; date, time = when). */
  'SMS_CODE_BUDGET_REACHED',
  /** To a new user: a one-time link (link) to set their first password; it works until date, time. */
  'USER_INVITATION',
  /** To a user who forgot their password: a one-time link (link) to set a new one; it works until date, time. */
  'PASSWORD_RESET',
  /** Staff alert to coordinators: a planned Picnik follow-up is due (title = the participant's first name, date = when it was due, link = the case). */
  'TRAJECTORY_FOLLOW_UP_DUE',
  /** To a participant or festival organiser: a coordinator's own words (message), about title; inDutch adds a line saying the words are Dutch. */
  'BROADCAST',
  /** To a number that answered STOP: the one confirmation that no SMS will follow (firstName; no date). */
  'SMS_STOPPED',
  /** To a participant whose SMS reply was no keyword: say it with the personal link (link) about title, date, time. */
  'SMS_REPLY_HELP',
] as const;

export type CatalogueKind = (typeof MESSAGE_KINDS)[number];

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
  /** The number to call to "let us know" (E.164): the host organisation's, else CONTACT_PHONE; none leaves the line out. */
  contactPhone?: string | null;
  /** BROADCAST: the coordinator's text, in the reader's language or in Dutch. */
  message?: string | null;
  /** BROADCAST: the text is the Dutch original (no translation in the reader's language): a line says so. */
  inDutch?: boolean;
}
