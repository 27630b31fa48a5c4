import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock, NotificationChannel } from '@app/common';
import { NotificationStatus } from '@app/messaging';
import { SessionEntity } from '@app/scheduling';
import { EventMap, OnEvent } from '@app/events';
import { ContactChannel, RegistrationEventEntity, RegistrationEventKind } from '../entities';
import { RegistrationMessageKind } from './registration-message-kinds';

interface Recipient {
  registration_id: string;
  session_id: string;
  participant_id: string;
  contact_channel: ContactChannel;
  phone: string | null;
  email: string | null;
  consent_to_contact: boolean;
  preferred_language: string;
  starts_at: Date;
  reminder_offsets_minutes: number[];
}

const MESSAGE_OF_EVENT: Partial<Record<RegistrationEventKind, RegistrationMessageKind>> = {
  [RegistrationEventKind.CONFIRMED]: RegistrationMessageKind.REGISTRATION_CONFIRMED,
  [RegistrationEventKind.WAITLISTED]: RegistrationMessageKind.WAITLISTED,
  [RegistrationEventKind.PROMOTED]: RegistrationMessageKind.PROMOTED,
  [RegistrationEventKind.CANCELLED]: RegistrationMessageKind.REGISTRATION_CANCELLED,
  [RegistrationEventKind.SESSION_CANCELLED]: RegistrationMessageKind.SESSION_CANCELLED,
};

/** Events after which the participant has a seat and gets reminders; and after which they must not. */
const SEATED_EVENTS = new Set([RegistrationEventKind.CONFIRMED, RegistrationEventKind.PROMOTED]);
const ENDING_EVENTS = new Set([RegistrationEventKind.CANCELLED, RegistrationEventKind.SESSION_CANCELLED]);

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
  constructor(private readonly clock: Clock) {}

  /** Before the capacity alerts (order 110) look at the same events. */
  @OnEvent({ name: 'registrations.recorded', order: 100 })
  async onRegistrationsRecorded(manager: EntityManager, { events }: EventMap['registrations.recorded']): Promise<void> {
    await this.write(manager, events as RegistrationEventEntity[]);
  }

  @OnEvent({ name: 'session.moved', order: 100 })
  async onSessionMoved(manager: EntityManager, { session, previousStartsAt }: EventMap['session.moved']): Promise<void> {
    await this.sessionMoved(manager, session as SessionEntity, previousStartsAt);
  }

  @OnEvent({ name: 'programme.reminderOffsetsChanged', order: 100 })
  async onReminderOffsetsChanged(manager: EntityManager, { programmeId }: EventMap['programme.reminderOffsetsChanged']): Promise<void> {
    await this.recomputeReminders(manager, programmeId);
  }

  /**
   * A programme's reminder offsets changed: pending reminders at offsets no longer wanted are
   * cancelled, and seated participants of its upcoming sessions get the new ones (the dedupe key
   * keeps those that already exist).
   */
  async recomputeReminders(manager: EntityManager, programmeId: string): Promise<void> {
    const [programme] = await manager.query<{ reminder_offsets_minutes: number[] }[]>(`SELECT reminder_offsets_minutes FROM programme WHERE id = $1`, [programmeId]);
    const now = this.clock.now();
    await manager.query(
      `UPDATE notification n SET status = $3, last_error = 'the programme no longer sends this reminder', updated_at = now()
         FROM session s WHERE n.session_id = s.id AND s.programme_id = $1 AND n.kind = $4 AND n.status = $5 AND NOT (n.offset_minutes = ANY($2::int[]))`,
      [programmeId, programme.reminder_offsets_minutes, NotificationStatus.CANCELLED, RegistrationMessageKind.SESSION_REMINDER, NotificationStatus.PENDING],
    );
    const seated = await manager.query<{ id: string }[]>(
      `SELECT r.id FROM registration r JOIN session s ON s.id = r.session_id
        WHERE s.programme_id = $1 AND s.status = 'SCHEDULED' AND s.starts_at > $2 AND r.status = 'CONFIRMED'`,
      [programmeId, now],
    );
    for (const recipient of (await this.recipients(manager, seated.map((r) => r.id))).values()) await this.insertReminders(manager, recipient, now);
  }

  /**
   * A moved session: its pending reminders follow it (a new due time; those now in the past are
   * dropped) and everyone registered is told the new time.
   */
  async sessionMoved(manager: EntityManager, session: SessionEntity, previousStartsAt: Date): Promise<void> {
    const startsAt = session.startsAt.toISOString();
    const now = this.clock.now();
    await manager.query(
      `UPDATE notification SET due_at = $2::timestamptz - make_interval(mins => offset_minutes), payload = jsonb_set(payload, '{startsAt}', to_jsonb($3::text)), updated_at = now()
        WHERE session_id = $1 AND kind = $4 AND status = $5`,
      [session.id, session.startsAt, startsAt, RegistrationMessageKind.SESSION_REMINDER, NotificationStatus.PENDING],
    );
    await manager.query(`UPDATE notification SET status = $3, last_error = 'the session moved; this reminder time has passed' WHERE session_id = $1 AND kind = $4 AND status = $5 AND due_at <= $2`, [
      session.id,
      now,
      NotificationStatus.CANCELLED,
      RegistrationMessageKind.SESSION_REMINDER,
      NotificationStatus.PENDING,
    ]);
    const live = await manager.query<{ id: string }[]>(`SELECT id FROM registration WHERE session_id = $1 AND status IN ('CONFIRMED', 'WAITLISTED')`, [session.id]);
    const recipients = await this.recipients(manager, live.map((r) => r.id));
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

  async write(manager: EntityManager, events: RegistrationEventEntity[]): Promise<void> {
    const recipients = await this.recipients(manager, events.map((e) => e.registrationId));
    const now = this.clock.now();
    for (const event of events) {
      const recipient = recipients.get(event.registrationId);
      if (!recipient) continue;
      if (ENDING_EVENTS.has(event.kind)) await this.cancelPending(manager, event.registrationId);
      const channel = directChannelOf(recipient);
      const kind = MESSAGE_OF_EVENT[event.kind];
      if (!channel || !kind) continue;
      const base = { channel, participantId: recipient.participant_id, language: recipient.preferred_language, registrationId: recipient.registration_id, sessionId: recipient.session_id };
      const startsAt = new Date(recipient.starts_at).toISOString();
      await this.insert(manager, { ...base, kind, dueAt: now, offsetMinutes: null, payload: { startsAt, waitlistPosition: event.waitlistPosition }, dedupeKey: dedupeKeyOf(kind, event.registrationId) });
      if (SEATED_EVENTS.has(event.kind)) await this.insertReminders(manager, recipient, now);
    }
  }

  private async insertReminders(manager: EntityManager, recipient: Recipient, now: Date): Promise<void> {
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

  private async insert(
    manager: EntityManager,
    row: { kind: RegistrationMessageKind; channel: NotificationChannel; participantId: string; language: string; registrationId: string; sessionId: string; offsetMinutes: number | null; payload: object; dueAt: Date; dedupeKey: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO notification (kind, channel, participant_id, language, registration_id, session_id, offset_minutes, payload, due_at, dedupe_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (dedupe_key) DO NOTHING`,
      [row.kind, row.channel, row.participantId, row.language, row.registrationId, row.sessionId, row.offsetMinutes, JSON.stringify(row.payload), row.dueAt, row.dedupeKey],
    );
  }

  private async cancelPending(manager: EntityManager, registrationId: string): Promise<void> {
    await manager.query(`UPDATE notification SET status = $2, updated_at = now() WHERE registration_id = $1 AND status = $3`, [
      registrationId,
      NotificationStatus.CANCELLED,
      NotificationStatus.PENDING,
    ]);
  }

  private async recipients(manager: EntityManager, registrationIds: string[]): Promise<Map<string, Recipient>> {
    const rows = await manager.query<Recipient[]>(
      `SELECT r.id AS registration_id, r.session_id, p.id AS participant_id, p.contact_channel, p.phone, p.email, p.consent_to_contact,
              p.preferred_language, s.starts_at, pr.reminder_offsets_minutes
         FROM registration r JOIN participant p ON p.id = r.participant_id JOIN session s ON s.id = r.session_id JOIN programme pr ON pr.id = s.programme_id
        WHERE r.id = ANY($1::uuid[])`,
      [registrationIds],
    );
    return new Map(rows.map((row) => [row.registration_id, row]));
  }
}
