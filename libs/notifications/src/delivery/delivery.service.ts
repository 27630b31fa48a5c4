import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, NotificationChannel } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { MetricsRegistry } from '@app/health';
import { DeliveryOutcome, NotificationEntity, NotificationStatus } from '../entities';
import { RegistrationStatus } from '@app/registrations';
import { SessionStatus } from '@app/scheduling';
import { JobName, OnJob } from '@app/queues';
import { calendarMessage } from '../channels/calendar-message';
import { EmailChannel, SmsChannel } from '../channels/channels';
import { composeStaffMessage } from '../alerts/staff-messages';
import { composeFestivalMessage, FESTIVAL_MESSAGE_KINDS } from '../festival/festival-messages';
import { composeShiftMessage, SHIFT_MESSAGE_KINDS } from '../shifts/shift-messages';
import { composeRegistrationCodeMessage, PAYLOAD_WITHOUT_CODE } from '../self-registration/registration-code-messages';
import { MessageKind, MessageVariables } from '../templates/message-kinds';
import { renderMessage } from '../templates/render';

/** After this many failed attempts a message ends FAILED with its last error, for coordinators to see. */
export const MAX_DELIVERY_ATTEMPTS = 5;
const ZONE = 'Europe/Brussels';

export type DeliveryResult = 'SENT' | 'CANCELLED' | 'DEFERRED' | 'NOT_DUE' | 'ALREADY_DONE';

interface Prepared {
  to: string;
  vars: MessageVariables;
  calendar: string | null;
}

interface Subject {
  first_name: string;
  phone: string | null;
  email: string | null;
  registration_status: RegistrationStatus | null;
  title: string;
  starts_at: Date;
  ends_at: Date;
  session_status: SessionStatus;
  cancellation_reason: string | null;
  venue_name: string;
  venue_address: string;
  organisation_phone: string | null;
  calendar_sequence: number;
  calendar_changed_at: Date;
}

const NEEDS_SEAT = new Set<string>([MessageKind.REGISTRATION_CONFIRMED, MessageKind.PROMOTED, MessageKind.SESSION_REMINDER]);
/**
 * Kinds whose mail carries the session's calendar entry, for a person with a seat (someone on the
 * waiting list never got one): the first three add or update it, a move updates it (a higher
 * SEQUENCE), a cancelled session removes it (METHOD:CANCEL).
 */
const WITH_CALENDAR = new Set<string>([...NEEDS_SEAT, MessageKind.SESSION_MOVED, MessageKind.SESSION_CANCELLED]);
/**
 * Kinds whose substance is the planned time: a reminder is due relative to it and a SESSION_MOVED
 * names it, so a later move makes them untrue (the move brings its own). Every other kind (a seat,
 * a waiting-list place) is still true after a move and is rendered with the session's time as it is
 * when sent.
 */
const ABOUT_THE_PLANNED_TIME = new Set<string>([MessageKind.SESSION_REMINDER, MessageKind.SESSION_MOVED]);

/** SMS wait for daytime: none between 21:00 and 08:00 Brussels time. */
export function nextSmsWindow(now: Date): Date | null {
  const local = DateTime.fromJSDate(now, { zone: ZONE });
  if (local.hour >= 8 && local.hour < 21) return null;
  const morning = local.hour >= 21 ? local.plus({ days: 1 }) : local;
  return morning.set({ hour: 8, minute: 0, second: 0, millisecond: 0 }).toJSDate();
}

/**
 * Sends one outbox row. The row is re-read and re-checked first (no stale messages), the attempt is
 * recorded before the message leaves, and the row is marked SENT after. A crash between sending
 * and marking leaves a STARTED attempt: the retry resends with the same Message-ID / gateway
 * reference, so the gateway drops the duplicate and mail clients can fold it (at-least-once window).
 */
@Injectable()
export class NotificationDelivery {
  private readonly logger = new Logger(NotificationDelivery.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly email: EmailChannel,
    private readonly sms: SmsChannel,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    // Absent where no /metrics is served (e.g. a bench's bare worker context).
    @Optional() private readonly metrics?: MetricsRegistry,
  ) {}

  @OnJob(JobName.DELIVER_NOTIFICATION)
  deliverJob({ notificationId }: { notificationId: string }): Promise<DeliveryResult> {
    return this.deliver(notificationId);
  }

  async deliver(notificationId: string): Promise<DeliveryResult> {
    const claim = await this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(NotificationEntity, { where: { id: notificationId }, lock: { mode: 'pessimistic_write' } });
      if (!row || row.status !== NotificationStatus.PENDING) return { result: 'ALREADY_DONE' as const };
      const now = this.clock.now();
      if (row.dueAt.getTime() > now.getTime() + 1000) return { result: 'NOT_DUE' as const };
      const prepared = await this.prepare(manager, row, now);
      const stale = 'stale' in prepared ? prepared.stale : null;
      if (stale) {
        await manager.update(NotificationEntity, row.id, { status: NotificationStatus.CANCELLED, lastError: stale });
        await forgetCode(manager, row);
        return { result: 'CANCELLED' as const };
      }
      // A registration code is awaited right now and dies in ten minutes: it ignores quiet hours.
      const window = row.channel === NotificationChannel.SMS && row.kind !== MessageKind.REGISTRATION_CODE ? nextSmsWindow(now) : null;
      if (window) {
        await manager.update(NotificationEntity, row.id, { dueAt: window });
        return { result: 'DEFERRED' as const };
      }
      const attempt = row.attempts + 1;
      await manager.update(NotificationEntity, row.id, { attempts: attempt });
      await manager.query(`INSERT INTO delivery_attempt (notification_id, attempt, outcome, started_at) VALUES ($1, $2, $3, $4)`, [row.id, attempt, DeliveryOutcome.STARTED, now]);
      return { result: 'CLAIMED' as const, row, message: prepared as Prepared, attempt };
    });
    if (claim.result !== 'CLAIMED') return claim.result;

    const { row, message: prepared, attempt } = claim;
    let providerId: string;
    try {
      providerId = await this.send(row, prepared);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const final = attempt >= MAX_DELIVERY_ATTEMPTS;
      await this.dataSource.transaction(async (manager) => {
        await manager.query(`UPDATE delivery_attempt SET outcome = $3, finished_at = now(), error = $4 WHERE notification_id = $1 AND attempt = $2`, [row.id, attempt, DeliveryOutcome.FAILED, message]);
        await manager.update(NotificationEntity, row.id, { lastError: message, ...(final ? { status: NotificationStatus.FAILED } : {}) });
        if (final) await forgetCode(manager, row);
      });
      this.logger.warn({ notificationId: row.id, attempt, error: message }, final ? 'message failed for good' : 'message failed; will retry');
      if (final) this.metrics?.notificationFailed(row.channel);
      throw error;
    }
    const sentAt = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE delivery_attempt SET outcome = $3, finished_at = now(), provider_id = $4 WHERE notification_id = $1 AND attempt = $2`, [row.id, attempt, DeliveryOutcome.SUCCEEDED, providerId]);
      await manager.update(NotificationEntity, row.id, { status: NotificationStatus.SENT, sentAt, lastError: null });
      await forgetCode(manager, row);
    });
    this.metrics?.notificationSent(row.channel, row.kind === MessageKind.SESSION_REMINDER ? { dueAt: row.dueAt, sentAt } : undefined);
    return 'SENT';
  }

  /** What to send and to whom, read fresh; or why the message is no longer true. */
  private async prepare(manager: EntityManager, row: NotificationEntity, now: Date): Promise<Prepared | { stale: string }> {
    if (FESTIVAL_MESSAGE_KINDS.has(row.kind)) return composeFestivalMessage(manager, row, now);
    if (SHIFT_MESSAGE_KINDS.has(row.kind)) return composeShiftMessage(manager, row, now);
    if (row.kind === MessageKind.REGISTRATION_CODE) return composeRegistrationCodeMessage(manager, row, now);
    if (row.userId) {
      const staff = await composeStaffMessage(manager, row, now);
      return 'stale' in staff ? staff : { to: staff.to, vars: staff.vars, calendar: null };
    }
    const subject = await this.subjectOf(manager, row);
    if (!subject) return { stale: 'the registration or session no longer exists' };
    const stale = staleReason(row, subject, now);
    if (stale) return { stale };
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
      },
      calendar:
        WITH_CALENDAR.has(row.kind) && subject.registration_status === RegistrationStatus.CONFIRMED
          ? calendarMessage(
              'Oefenkansen',
              row.kind === MessageKind.SESSION_CANCELLED ? 'CANCEL' : 'PUBLISH',
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
            )
          : null,
    };
  }

  private async send(row: NotificationEntity, prepared: Prepared): Promise<string> {
    // Whom to call to "let us know": the host organisation's number, else the integration service's (mail only).
    const vars = { ...prepared.vars, contactPhone: prepared.vars.contactPhone ?? this.config.contactPhone };
    const message = renderMessage(row.kind as MessageKind, row.language, vars);
    if (row.channel === NotificationChannel.SMS) return this.sms.send({ to: prepared.to, text: message.sms, reference: row.dedupeKey });
    return this.email.send({
      to: prepared.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      id: row.id,
      language: row.language,
      dedupeKey: row.dedupeKey,
      calendar: prepared.calendar ? { filename: FESTIVAL_MESSAGE_KINDS.has(row.kind) ? 'kortrijk-aan-culturen.ics' : 'oefenkansen.ics', content: prepared.calendar } : undefined,
    });
  }

  private async subjectOf(manager: EntityManager, row: NotificationEntity): Promise<Subject | null> {
    const [subject] = await manager.query<Subject[]>(
      `SELECT p.first_name, p.phone, p.email, r.status AS registration_status, s.title, s.starts_at, s.ends_at, s.status AS session_status,
              s.cancellation_reason, v.name AS venue_name, v.address AS venue_address, o.phone AS organisation_phone,
              s.calendar_sequence, s.calendar_changed_at
         FROM registration r JOIN participant p ON p.id = r.participant_id JOIN session s ON s.id = r.session_id JOIN venue v ON v.id = s.venue_id
         JOIN organisation o ON o.id = v.organisation_id
        WHERE r.id = $1`,
      [row.registrationId],
    );
    return subject ?? null;
  }
}

/** A registration code stays in its outbox row only while the SMS may still go out. */
async function forgetCode(manager: EntityManager, row: NotificationEntity): Promise<void> {
  if (row.kind === MessageKind.REGISTRATION_CODE) await manager.query(`UPDATE notification SET payload = ${PAYLOAD_WITHOUT_CODE} WHERE id = $1`, [row.id]);
}

/** Why a message is no longer true, or null when it still is. */
function staleReason(row: NotificationEntity, subject: Subject, now: Date): string | null {
  const plannedStart = row.payload.startsAt as string | undefined;
  const moved = plannedStart !== undefined && new Date(plannedStart).getTime() !== new Date(subject.starts_at).getTime();
  if (row.kind === MessageKind.SESSION_CANCELLED) return subject.session_status === SessionStatus.CANCELLED ? null : 'the session is no longer cancelled';
  if (row.kind === MessageKind.REGISTRATION_CANCELLED) return subject.registration_status === RegistrationStatus.CANCELLED ? null : 'the registration is live again';
  if (subject.session_status === SessionStatus.CANCELLED) return 'the session was cancelled';
  if (moved && ABOUT_THE_PLANNED_TIME.has(row.kind)) return 'the session moved';
  if (new Date(subject.starts_at).getTime() <= now.getTime()) return 'the session has started';
  if (NEEDS_SEAT.has(row.kind) && subject.registration_status !== RegistrationStatus.CONFIRMED) return `the registration is ${subject.registration_status}`;
  if (row.kind === MessageKind.WAITLISTED && subject.registration_status !== RegistrationStatus.WAITLISTED) return `the registration is ${subject.registration_status}`;
  return null;
}
