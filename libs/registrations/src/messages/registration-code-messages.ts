import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock, NotificationChannel } from '@app/common';
import type { Transaction } from '@app/database';
import { ComposesMessages, type Composition, type MessageComposer, NotificationStatus, type OutboxRow } from '@app/messaging';
import { EventMap, OnEvent } from '@app/events';
import { RegistrationCodeRequestEntity, RegistrationCodeStatus } from '../entities';
import { coordinators, insertStaffNotification } from './staff-recipients';
import { dedupeKeyOf } from './participant-messages';
import { RegistrationMessageKind } from './registration-message-kinds';

/**
 * The one payload field that must not outlive the message: the code itself. The request keeps only
 * a hash, so the outbox row is the one place the code exists, and only until the SMS is sent or no
 * longer needed (`withoutCode`).
 */
const CODE = 'code';

/** SQL that drops the code from a notification's payload. */
export const PAYLOAD_WITHOUT_CODE = `payload - '${CODE}'`;

/**
 * Writes the code SMS of a newcomer registering themself, due at once, in the transaction that
 * created the request; and withdraws it when the request is used, dead or replaced.
 */
@Injectable()
export class RegistrationCodeMessages {
  constructor(private readonly clock: Clock) {}

  @OnEvent({ name: 'registrationCode.issued', order: 100 })
  async onIssued(manager: EntityManager, { request, code }: EventMap['registrationCode.issued']): Promise<void> {
    await this.send(manager, request as RegistrationCodeRequestEntity, code);
  }

  @OnEvent({ name: 'registrationCode.withdrawn', order: 100 })
  async onWithdrawn(manager: EntityManager, { requestIds }: EventMap['registrationCode.withdrawn']): Promise<void> {
    await this.withdraw(manager, requestIds);
  }

  @OnEvent({ name: 'registrationCode.budgetReached', order: 100 })
  async onBudgetReached(manager: EntityManager, { budget }: EventMap['registrationCode.budgetReached']): Promise<void> {
    await this.budgetReached(manager, budget);
  }

  /** Every coordinator hears it once per clock hour (UTC), however many requests the budget refuses in it. */
  async budgetReached(manager: EntityManager, budget: number): Promise<void> {
    const now = this.clock.now();
    const hour = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000).toISOString();
    for (const userId of await coordinators(manager)) {
      await insertStaffNotification(manager, {
        kind: RegistrationMessageKind.SMS_CODE_BUDGET_REACHED,
        userId,
        sessionId: null,
        dueAt: now,
        dedupeKey: `${RegistrationMessageKind.SMS_CODE_BUDGET_REACHED}|${hour}|${userId}`,
        payload: { budget, reachedAt: now.toISOString() },
      });
    }
  }

  async send(manager: EntityManager, request: RegistrationCodeRequestEntity, code: string): Promise<void> {
    await manager.query(
      `INSERT INTO notification (kind, channel, language, session_id, payload, due_at, dedupe_key) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        RegistrationMessageKind.REGISTRATION_CODE,
        NotificationChannel.SMS,
        request.preferredLanguage,
        request.sessionId,
        JSON.stringify({ requestId: request.id, [CODE]: code }),
        this.clock.now(),
        dedupeKeyOf(RegistrationMessageKind.REGISTRATION_CODE, request.id),
      ],
    );
  }

  /** Unsent SMS are cancelled; sent or not, no row keeps the code. */
  async withdraw(manager: EntityManager, requestIds: string[]): Promise<void> {
    await manager.query(
      `UPDATE notification SET payload = ${PAYLOAD_WITHOUT_CODE},
              status = CASE WHEN status = $3 THEN $4::notification_status ELSE status END,
              last_error = CASE WHEN status = $3 THEN 'the code is no longer needed' ELSE last_error END,
              updated_at = now()
        WHERE kind = $1 AND payload ->> 'requestId' = ANY($2::text[])`,
      [RegistrationMessageKind.REGISTRATION_CODE, requestIds, NotificationStatus.PENDING, NotificationStatus.CANCELLED],
    );
  }
}

/**
 * The code SMS, read fresh when sent: to the request's phone while the request still waits for
 * its code. It is awaited right now and dies in ten minutes, so it ignores quiet hours; once the row
 * is final the code is dropped from it.
 */
@Injectable()
@ComposesMessages(RegistrationMessageKind.REGISTRATION_CODE)
export class RegistrationCodeComposer implements MessageComposer {
  compose(manager: Transaction, row: OutboxRow, now: Date): Promise<Composition> {
    return composeRegistrationCodeMessage(manager, row, now);
  }

  async settled(manager: Transaction, row: OutboxRow): Promise<void> {
    await manager.query(`UPDATE notification SET payload = ${PAYLOAD_WITHOUT_CODE} WHERE id = $1`, [row.id]);
  }
}

async function composeRegistrationCodeMessage(manager: Transaction, row: OutboxRow, now: Date): Promise<Composition> {
  const code = row.payload[CODE];
  if (typeof code !== 'string') return { stale: 'the code is no longer kept' };
  const [request] = await manager.query<{ first_name: string; phone: string; status: RegistrationCodeStatus; expires_at: Date; title: string; starts_at: Date; ends_at: Date; venue_name: string; venue_address: string }[]>(
    `SELECT q.first_name, q.phone, q.status, q.expires_at, s.title, s.starts_at, s.ends_at, v.name AS venue_name, v.address AS venue_address
       FROM registration_code_request q JOIN session s ON s.id = q.session_id JOIN venue v ON v.id = s.venue_id
      WHERE q.id = $1`,
    [row.payload.requestId],
  );
  if (!request || request.status !== RegistrationCodeStatus.PENDING) return { stale: 'the code request is over' };
  if (new Date(request.expires_at).getTime() <= now.getTime()) return { stale: 'the code has expired' };
  return {
    to: request.phone,
    vars: {
      firstName: request.first_name,
      sessionTitle: request.title,
      startsAt: new Date(request.starts_at),
      endsAt: new Date(request.ends_at),
      venueName: request.venue_name,
      venueAddress: request.venue_address,
      code,
    },
    calendar: null,
    ignoresQuietHours: true,
  };
}
