import { Injectable } from '@nestjs/common';
import { Clock, NotificationChannel } from '@app/common';
import type { Transaction } from '@app/database';
import { EventMap, OnEvent, type RecordedRegistrationEvent } from '@app/events';
import { type NewOutboxMessage, Outbox } from '@app/messaging';
import { SessionEntity } from '@app/scheduling';
import { ContactChannel, RegistrationEventEntity, RegistrationEventKind } from '../entities';
import { RegistrationMessageKind } from './registration-message-kinds';
import { type Recipient, RegistrationMessagesRepository } from './registration-messages.repository';

const MESSAGE_OF_EVENT: Partial<Record<RegistrationEventKind, RegistrationMessageKind>> = {
  [RegistrationEventKind.CONFIRMED]: RegistrationMessageKind.REGISTRATION_CONFIRMED,
  [RegistrationEventKind.WAITLISTED]: RegistrationMessageKind.WAITLISTED,
  [RegistrationEventKind.PROMOTED]: RegistrationMessageKind.PROMOTED,
  [RegistrationEventKind.CANCELLED]: RegistrationMessageKind.REGISTRATION_CANCELLED,
  [RegistrationEventKind.SESSION_CANCELLED]: RegistrationMessageKind.SESSION_CANCELLED,
  [RegistrationEventKind.OFFERED]: RegistrationMessageKind.SEAT_OFFERED,
  // Taking an offered seat is a confirmation like any other; saying no cancels (the message says so).
  [RegistrationEventKind.OFFER_ACCEPTED]: RegistrationMessageKind.REGISTRATION_CONFIRMED,
  [RegistrationEventKind.OFFER_DECLINED]: RegistrationMessageKind.REGISTRATION_CANCELLED,
  [RegistrationEventKind.OFFER_EXPIRED]: RegistrationMessageKind.SEAT_OFFER_EXPIRED,
};

/** A written event, with its recipient when the emitter had it at hand. */
type WrittenEvent = RegistrationEventEntity & Pick<RecordedRegistrationEvent, 'recipient'>;

/** Events after which the participant has a seat and gets reminders; and after which they must not. */
const SEATED_EVENTS = new Set([RegistrationEventKind.CONFIRMED, RegistrationEventKind.PROMOTED, RegistrationEventKind.OFFER_ACCEPTED]);
const ENDING_EVENTS = new Set([
  RegistrationEventKind.CANCELLED,
  RegistrationEventKind.SESSION_CANCELLED,
  RegistrationEventKind.OFFER_DECLINED,
  RegistrationEventKind.OFFER_EXPIRED,
]);

/** The channel a participant can receive on, or null (VIA_ORGANISATION goes through the school's digest). */
export function directChannelOf(recipient: Pick<Recipient, 'contact_channel' | 'phone' | 'email' | 'consent_to_contact'>): NotificationChannel | null {
  if (!recipient.consent_to_contact) return null;
  if (recipient.contact_channel === ContactChannel.SMS && recipient.phone) return NotificationChannel.SMS;
  if (recipient.contact_channel === ContactChannel.EMAIL && recipient.email) return NotificationChannel.EMAIL;
  return null;
}

export function dedupeKeyOf(kind: RegistrationMessageKind, subjectId: string, offsetMinutes: number | null = null): string {
  return `${kind}|${subjectId}|${offsetMinutes ?? 0}`;
}

/**
 * Turns registration events into outbox rows in the transaction that recorded them (docs/architecture.md#invariant-4):
 * the message to the participant, their reminders, and the end of reminders that no longer apply.
 */
@Injectable()
export class NotificationOutbox {
  constructor(
    private readonly clock: Clock,
    private readonly outbox: Outbox,
    private readonly messages: RegistrationMessagesRepository,
  ) {}

  /** Before the capacity alerts (order 110) look at the same events. */
  @OnEvent({ name: 'registrations.recorded', order: 100 })
  async onRegistrationsRecorded(manager: Transaction, { events }: EventMap['registrations.recorded']): Promise<void> {
    await this.write(manager, events as WrittenEvent[]);
  }

  @OnEvent({ name: 'session.moved', order: 100 })
  async onSessionMoved(manager: Transaction, { session, previousStartsAt }: EventMap['session.moved']): Promise<void> {
    await this.sessionMoved(manager, session as SessionEntity, previousStartsAt);
  }

  @OnEvent({ name: 'programme.reminderOffsetsChanged', order: 100 })
  async onReminderOffsetsChanged(manager: Transaction, { programmeId }: EventMap['programme.reminderOffsetsChanged']): Promise<void> {
    await this.recomputeReminders(manager, programmeId);
  }

  /**
   * A programme's reminder offsets changed: pending reminders at offsets no longer wanted are
   * cancelled, and seated participants of its upcoming sessions get the new ones (the dedupe key
   * keeps those that already exist).
   */
  async recomputeReminders(manager: Transaction, programmeId: string): Promise<void> {
    const offsets = await this.messages.reminderOffsetsOf(manager, programmeId);
    const now = this.clock.now();
    const sessionIds = await this.messages.sessionIdsOfProgramme(manager, programmeId);
    await this.outbox.cancelPending(
      manager,
      { sessionIds, kinds: [RegistrationMessageKind.SESSION_REMINDER], offsetMinutesNotIn: offsets },
      'the programme no longer sends this reminder',
    );
    const seated = await this.messages.seatedUpcoming(manager, programmeId, now);
    for (const recipient of (await this.messages.recipients(manager, seated)).values()) await this.insertReminders(manager, recipient, now);
  }

  /**
   * A moved session: its pending reminders follow it (a new due time; those now in the past are
   * dropped) and everyone registered is told the new time.
   */
  async sessionMoved(manager: Transaction, session: SessionEntity, previousStartsAt: Date): Promise<void> {
    const startsAt = session.startsAt.toISOString();
    const now = this.clock.now();
    const reminders = { sessionIds: [session.id], kinds: [RegistrationMessageKind.SESSION_REMINDER] };
    await this.outbox.reschedulePending(manager, reminders, session.startsAt);
    await this.outbox.cancelPending(manager, { ...reminders, dueBy: now }, 'the session moved; this reminder time has passed');
    const recipients = await this.messages.recipients(manager, await this.messages.liveRegistrationIds(manager, session.id));
    for (const recipient of recipients.values()) {
      const channel = directChannelOf(recipient);
      if (!channel) continue;
      await this.insert(manager, {
        kind: RegistrationMessageKind.SESSION_MOVED,
        channel,
        participantId: recipient.participant_id,
        language: recipient.preferred_language,
        registrationId: recipient.registration_id,
        sessionId: session.id,
        offsetMinutes: null,
        payload: { startsAt, previousStartsAt: previousStartsAt.toISOString() },
        dueAt: now,
        dedupeKey: `${dedupeKeyOf(RegistrationMessageKind.SESSION_MOVED, recipient.registration_id)}|${session.startsAt.getTime()}`,
      });
    }
  }

  async write(manager: Transaction, events: WrittenEvent[]): Promise<void> {
    // An arrival brings its recipient along (read in its own statements); the others are read here, at once.
    const unknown = events.filter((e) => !e.recipient).map((e) => e.registrationId);
    const recipients = unknown.length > 0 ? await this.messages.recipients(manager, unknown) : new Map<string, Recipient>();
    const now = this.clock.now();
    for (const event of events) {
      const recipient = (event.recipient as Recipient | undefined) ?? recipients.get(event.registrationId);
      if (!recipient) continue;
      if (ENDING_EVENTS.has(event.kind)) await this.outbox.cancelPending(manager, { registrationIds: [event.registrationId] });
      const channel = directChannelOf(recipient);
      const kind = MESSAGE_OF_EVENT[event.kind];
      if (!channel || !kind) continue;
      const base = {
        channel,
        participantId: recipient.participant_id,
        language: recipient.preferred_language,
        registrationId: recipient.registration_id,
        sessionId: recipient.session_id,
      };
      const startsAt = new Date(recipient.starts_at).toISOString();
      await this.insert(manager, {
        ...base,
        kind,
        dueAt: now,
        offsetMinutes: null,
        payload: { startsAt, waitlistPosition: event.waitlistPosition },
        dedupeKey: dedupeKeyOf(kind, event.registrationId),
      });
      if (SEATED_EVENTS.has(event.kind)) await this.insertReminders(manager, recipient, now);
    }
  }

  private async insertReminders(manager: Transaction, recipient: Recipient, now: Date): Promise<void> {
    const channel = directChannelOf(recipient);
    if (!channel) return;
    const startsAt = new Date(recipient.starts_at).toISOString();
    for (const offset of recipient.reminder_offsets_minutes) {
      const dueAt = new Date(new Date(recipient.starts_at).getTime() - offset * 60_000);
      if (dueAt.getTime() <= now.getTime()) continue;
      await this.insert(manager, {
        kind: RegistrationMessageKind.SESSION_REMINDER,
        channel,
        participantId: recipient.participant_id,
        language: recipient.preferred_language,
        registrationId: recipient.registration_id,
        sessionId: recipient.session_id,
        dueAt,
        offsetMinutes: offset,
        payload: { startsAt },
        dedupeKey: dedupeKeyOf(RegistrationMessageKind.SESSION_REMINDER, recipient.registration_id, offset),
      });
    }
  }

  private async insert(manager: Transaction, row: NewOutboxMessage & { kind: RegistrationMessageKind }): Promise<void> {
    await this.outbox.write(manager, [row]);
  }
}
