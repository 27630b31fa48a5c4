import { Injectable } from '@nestjs/common';
import { NotificationChannel } from '@app/common';
import type { Transaction } from '@app/database';
import { calendarMessage, ComposesMessages, type Composition, type MessageComposer, type OutboxRow } from '@app/messaging';
import { SessionStatus } from '@app/scheduling';
import { RegistrationStatus } from '../entities';
import { PersonalLinks } from '../self-service/personal-links';
import { RegistrationMessageKind } from './registration-message-kinds';
import { RegistrationMessagesRepository, type Subject } from './registration-messages.repository';

const NEEDS_SEAT = new Set<string>([
  RegistrationMessageKind.REGISTRATION_CONFIRMED,
  RegistrationMessageKind.PROMOTED,
  RegistrationMessageKind.SESSION_REMINDER,
]);
/**
 * Kinds whose mail carries the session's calendar entry, for a person with a seat (someone on the
 * waiting list never got one): the first three add or update it, a move updates it (a higher
 * SEQUENCE), a cancelled session removes it (METHOD:CANCEL).
 */
const WITH_CALENDAR = new Set<string>([...NEEDS_SEAT, RegistrationMessageKind.SESSION_MOVED, RegistrationMessageKind.SESSION_CANCELLED]);
/**
 * Kinds whose substance is the planned time: a reminder is due relative to it and a SESSION_MOVED
 * names it, so a later move makes them untrue (the move brings its own). Every other kind (a seat,
 * a waiting-list place) is still true after a move and is rendered with the session's time as it is
 * when sent.
 */
const ABOUT_THE_PLANNED_TIME = new Set<string>([RegistrationMessageKind.SESSION_REMINDER, RegistrationMessageKind.SESSION_MOVED]);

export const PARTICIPANT_MESSAGE_KINDS = [
  RegistrationMessageKind.REGISTRATION_CONFIRMED,
  RegistrationMessageKind.WAITLISTED,
  RegistrationMessageKind.PROMOTED,
  RegistrationMessageKind.REGISTRATION_CANCELLED,
  RegistrationMessageKind.SESSION_CANCELLED,
  RegistrationMessageKind.SESSION_MOVED,
  RegistrationMessageKind.SESSION_REMINDER,
  RegistrationMessageKind.SEAT_OFFERED,
  RegistrationMessageKind.SEAT_OFFER_EXPIRED,
];

/** The participant's messages about their registration and its session, read fresh when sent. */
@Injectable()
@ComposesMessages(...PARTICIPANT_MESSAGE_KINDS)
export class ParticipantMessageComposer implements MessageComposer {
  constructor(
    private readonly messages: RegistrationMessagesRepository,
    private readonly links: PersonalLinks,
  ) {}

  async compose(manager: Transaction, row: OutboxRow, now: Date): Promise<Composition> {
    return (await this.composeMany(manager, [row], now))[0];
  }

  /** One read of every row's subject and one upsert of their links, however many rows. */
  async composeMany(manager: Transaction, rows: readonly OutboxRow[], now: Date): Promise<Composition[]> {
    const subjects = await this.messages.subjectsOf(
      manager,
      rows.flatMap((row) => (row.registrationId ? [row.registrationId] : [])),
    );
    const compositions = rows.map((row): Composition => {
      const subject = row.registrationId ? subjects.get(row.registrationId) : undefined;
      if (!subject) return { stale: 'the registration or session no longer exists' };
      const stale = staleReason(row, subject, now);
      return stale ? { stale } : this.prepared(row, subject, now);
    });
    // Derived when the message leaves, so no outbox row ever holds the token; the row it opens is ensured here too.
    await this.links.ensureAll(
      manager,
      rows.filter((_, i) => !('stale' in compositions[i])).map((row) => row.registrationId!),
    );
    return compositions;
  }

  private prepared(row: OutboxRow, subject: Subject, now: Date): Composition {
    return {
      to: row.channel === NotificationChannel.SMS ? subject.phone! : subject.email!,
      vars: {
        firstName: subject.first_name,
        sessionTitle: subject.title,
        startsAt: subject.starts_at,
        endsAt: subject.ends_at,
        venueName: subject.venue_name,
        venueAddress: subject.venue_address,
        waitlistPosition: (row.payload.waitlistPosition as number | null | undefined) ?? null,
        previousStartsAt: typeof row.payload.previousStartsAt === 'string' ? new Date(row.payload.previousStartsAt) : null,
        reason: subject.cancellation_reason,
        contactPhone: subject.organisation_phone,
        offerExpiresAt: subject.seat_offer_expires_at,
        link: this.links.urlFor(row.registrationId!),
      },
      measureLateness: row.kind === RegistrationMessageKind.SESSION_REMINDER,
      // Mail only: an SMS has no attachment, so a text reminder does not build the calendar it would drop.
      calendar:
        row.channel === NotificationChannel.EMAIL && WITH_CALENDAR.has(row.kind) && subject.registration_status === RegistrationStatus.CONFIRMED
          ? {
              filename: 'oefenkansen.ics',
              content: calendarMessage(
                'Oefenkansen',
                row.kind === RegistrationMessageKind.SESSION_CANCELLED ? 'CANCEL' : 'PUBLISH',
                [
                  {
                    id: row.sessionId!,
                    start: subject.starts_at,
                    end: subject.ends_at,
                    summary: subject.title,
                    location: `${subject.venue_name}, ${subject.venue_address}`,
                    sequence: subject.calendar_sequence,
                    changedAt: subject.calendar_changed_at,
                  },
                ],
                now,
              ),
            }
          : null,
    };
  }
}

/** Why a message is no longer true, or null when it still is. */
function staleReason(row: OutboxRow, subject: Subject, now: Date): string | null {
  const plannedStart = row.payload.startsAt as string | undefined;
  const moved = plannedStart !== undefined && new Date(plannedStart).getTime() !== new Date(subject.starts_at).getTime();
  if (row.kind === RegistrationMessageKind.SESSION_CANCELLED)
    return subject.session_status === SessionStatus.CANCELLED ? null : 'the session is no longer cancelled';
  if (row.kind === RegistrationMessageKind.REGISTRATION_CANCELLED)
    return subject.registration_status === RegistrationStatus.CANCELLED ? null : 'the registration is live again';
  if (subject.session_status === SessionStatus.CANCELLED) return 'the session was cancelled';
  if (moved && ABOUT_THE_PLANNED_TIME.has(row.kind)) return 'the session moved';
  if (new Date(subject.starts_at).getTime() <= now.getTime()) return 'the session has started';
  if (NEEDS_SEAT.has(row.kind) && subject.registration_status !== RegistrationStatus.CONFIRMED) return `the registration is ${subject.registration_status}`;
  if (row.kind === RegistrationMessageKind.SEAT_OFFERED && subject.registration_status !== RegistrationStatus.OFFERED)
    return `the offer was answered or ran out: the registration is ${subject.registration_status}`;
  if (row.kind === RegistrationMessageKind.WAITLISTED && subject.registration_status !== RegistrationStatus.WAITLISTED)
    return `the registration is ${subject.registration_status}`;
  return null;
}
