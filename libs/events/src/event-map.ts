/**
 * Every domain event, name → payload. Payloads are plain data; where a handler needs the entity the
 * emitter already holds, it is typed here by the few fields this lib may know (this lib imports no
 * domain lib, not even types) and the handler narrows it to its own entity type.
 */

/** The fields of a session every handler of a session event may rely on (the emitter passes the saved entity). */
export interface SessionRef {
  id: string;
  startsAt: Date;
}

/** A registration event row just written (registrations' RegistrationEventEntity). */
export interface RecordedRegistrationEvent {
  id: string;
  kind: string;
  registrationId: string;
  sessionId: string;
  participantId: string;
  waitlistPosition: number | null;
  /** The statement that recorded it also wrote the registration's personal link row (a new registration's arrival). */
  linkWritten?: boolean;
  /** Who to tell and how, when the emitter has it at hand in the same transaction (an arrival): the outbox then reads nothing. */
  recipient?: RegistrationRecipient;
}

/** A registration's participant as the notifications outbox needs them (registrations' Recipient row). */
export interface RegistrationRecipient {
  registration_id: string;
  session_id: string;
  participant_id: string;
  contact_channel: string;
  phone: string | null;
  email: string | null;
  consent_to_contact: boolean;
  preferred_language: string;
  starts_at: Date;
  reminder_offsets_minutes: number[];
}

/**
 * A session's seats and stored capacity-alert states right after the change, when the emitter read
 * them under the session lock in the same transaction (an arrival): the capacity alerts then read nothing.
 */
export interface SessionLoadAfter {
  id: string;
  capacity: number;
  status: string;
  seated: number;
  waitlisted: number;
  alerts: { condition: string; active: boolean; episodes: number }[];
}

/** Assignments that now hold a volunteer's time (reminders due), hold it at another time (reminders follow), or no longer do (reminders off). */
export type ShiftChange = { kind: 'ASSIGNED' | 'MOVED' | 'RELEASED'; assignmentIds: string[] };

/** A change to stand bookings that the organisers hear about. */
export type StandChange =
  | { kind: 'APPLIED'; organisationId: string; bookingIds: string[] }
  | { kind: 'CONFIRMED'; organisationId: string; bookingIds: string[] }
  | { kind: 'REFUSED'; organisationId: string; bookingId: string }
  | { kind: 'CANCELLED_BY_CITY'; organisationId: string; bookingId: string }
  | { kind: 'CANCELLED_BY_ORGANISER'; organisationId: string; bookingId: string }
  | { kind: 'MOVED'; organisationId: string; bookingId: string; previous: { plotId: string; startsAt: Date; endsAt: Date } };

/** A registration code request (registrations' RegistrationCodeRequestEntity). */
export interface RegistrationCodeRequestRef {
  id: string;
  sessionId: string;
}

/** What an SMS reply did, for the audit trail and the consent history (privacy's). */
export interface SmsReplyHandled {
  inboundId: string;
  /** The participant the reply was about; null for an unknown number. */
  participantId: string | null;
  keyword: string | null;
  outcome: string;
  /** STOP: the participants reached on that number whose consent to be contacted is now withdrawn. */
  consentWithdrawnFrom: string[];
  at: Date;
}

export interface EventMap {
  /** A session starts at another time: its shifts and reminders follow. */
  'session.moved': { session: SessionRef; previousStartsAt: Date; actorId: string | null };
  /** Sessions were cancelled (never emitted with an empty list). */
  'sessions.cancelled': { sessionIds: string[]; actorId: string | null };
  /** A session's capacity changed: the waiting list moves up, the alerts are re-evaluated. */
  'session.capacityChanged': { session: SessionRef; actorId: string | null };
  'programme.reminderOffsetsChanged': { programmeId: string };
  /** A programme's childcare capacity changed (or childcare was started or stopped): the childcare waiting lists follow. */
  'programme.childcareChanged': { programmeId: string };
  /**
   * A question rather than news: of these sessions, which must not be deleted (they hold
   * registrations or shifts) and are cancelled instead. An event whose payload collects the answers,
   * not a port: the domains that own the rows answer it without scheduling knowing them, and it
   * shares the bus's transaction, order and boot-time listing.
   */
  'sessions.inUse': { sessionIds: string[]; inUse: Set<string> };
  /** Registration events were written (never emitted with an empty list). */
  'registrations.recorded': { events: RecordedRegistrationEvent[]; loads?: SessionLoadAfter[] };
  /** Shift assignments changed (only changes with assignments; never emitted empty). */
  'shifts.changed': { events: ShiftChange[] };
  /** A colleague was asked to take a shift over. */
  'shiftSwap.requested': { requestId: string };
  'stands.changed': { events: StandChange[] };
  /** A code SMS must go out; a code nobody can receive would leave the newcomer waiting, so it needs a handler. */
  'registrationCode.issued': { request: RegistrationCodeRequestRef; code: string };
  /** The requests are over (used, dead or replaced): their SMS must not go out late, nor keep the code. */
  'registrationCode.withdrawn': { requestIds: string[] };
  /** The hourly budget of code SMS is used up: the coordinators must hear it. */
  'registrationCode.budgetReached': { budget: number };
  /** An SMS reply was handled: it must reach the audit trail (and a STOP the consent history). */
  'smsReply.handled': SmsReplyHandled;
}

export type EventName = keyof EventMap;

/** The names at run time (the decorator's boot-time check); `satisfies` keeps it equal to EventMap. */
export const EVENT_NAMES = Object.keys({
  'session.moved': true,
  'sessions.cancelled': true,
  'session.capacityChanged': true,
  'programme.reminderOffsetsChanged': true,
  'programme.childcareChanged': true,
  'sessions.inUse': true,
  'registrations.recorded': true,
  'shifts.changed': true,
  'shiftSwap.requested': true,
  'stands.changed': true,
  'registrationCode.issued': true,
  'registrationCode.withdrawn': true,
  'registrationCode.budgetReached': true,
  'smsReply.handled': true,
} satisfies Record<EventName, true>) as EventName[];

/** Emitting these without a handler throws: their effect is the whole point of the caller's transaction. */
export const EVENTS_THAT_NEED_A_HANDLER: ReadonlySet<EventName> = new Set<EventName>([
  'registrationCode.issued',
  'registrationCode.withdrawn',
  'registrationCode.budgetReached',
  'smsReply.handled',
]);
