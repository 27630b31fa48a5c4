import { Injectable } from '@nestjs/common';
import type { Transaction } from '@app/database';
import type { NewOutboxMessage } from './outbox-message';

/** Which pending rows a change makes untrue; every given field must match (arrays: any of them). */
export interface PendingFilter {
  registrationIds?: string[];
  sessionIds?: string[];
  standBookingIds?: string[];
  shiftAssignmentIds?: string[];
  participantId?: string;
  userId?: string;
  kinds?: string[];
  /** Rows at an offset (reminders) other than these; rows without an offset never match. */
  offsetMinutesNotIn?: number[];
  /** Rows due at or before this time. */
  dueBy?: Date;
  /** Rows whose payload has this field at one of these values. */
  payload?: { field: string; values: string[] };
}

const FILTER_COLUMNS: Record<Exclude<keyof PendingFilter, 'participantId' | 'userId' | 'offsetMinutesNotIn' | 'dueBy' | 'payload'>, [string, string]> = {
  registrationIds: ['registration_id', 'uuid'],
  sessionIds: ['session_id', 'uuid'],
  standBookingIds: ['stand_booking_id', 'uuid'],
  shiftAssignmentIds: ['shift_assignment_id', 'uuid'],
  kinds: ['kind', 'text'],
};

/**
 * Writes and withdraws messages in the transaction of the change that causes them, so a message
 * exists exactly when its change committed. The domains call it; it knows nothing of them.
 */
@Injectable()
export class Outbox {
  /** Writes the messages; one whose dedupe key exists already is skipped. Returns how many were new. */
  async write(tx: Transaction, messages: NewOutboxMessage[]): Promise<number> {
    let written = 0;
    for (const message of messages) {
      const rows: unknown[] = await tx.query(
        `INSERT INTO notification (kind, channel, language, participant_id, user_id, registration_id, session_id, stand_booking_id, shift_assignment_id, offset_minutes, payload, due_at, dedupe_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
        [
          message.kind,
          message.channel,
          message.language,
          message.participantId ?? null,
          message.userId ?? null,
          message.registrationId ?? null,
          message.sessionId ?? null,
          message.standBookingId ?? null,
          message.shiftAssignmentId ?? null,
          message.offsetMinutes ?? null,
          JSON.stringify(message.payload ?? {}),
          message.dueAt,
          message.dedupeKey,
        ],
      );
      written += rows.length;
    }
    return written;
  }

  /** Cancels the pending rows the filter names, with the reason coordinators see. Returns how many. */
  async cancelPending(tx: Transaction, filter: PendingFilter, reason: string | null = null): Promise<number> {
    const conditions = [`status = 'PENDING'`];
    const values: unknown[] = [reason];
    conditionsOf(filter, conditions, values);
    // An empty filter would cancel everything pending: never what a caller means.
    if (values.length === 1) throw new Error('Outbox.cancelPending needs at least one filter');
    const [, count] = (await tx.query(
      `UPDATE notification SET status = 'CANCELLED', last_error = coalesce($1, last_error), updated_at = now() WHERE ${conditions.join(' AND ')}`,
      values,
    )) as [unknown, number];
    return count;
  }

  /**
   * The pending reminders the filter names follow their subject to a new start: each is due its
   * offset before it, and remembers the start it is about (payload.startsAt). Returns how many.
   */
  async reschedulePending(tx: Transaction, filter: PendingFilter, startsAt: Date): Promise<number> {
    const conditions = [`status = 'PENDING'`];
    const values: unknown[] = [startsAt, startsAt.toISOString()];
    conditionsOf(filter, conditions, values);
    if (values.length === 2) throw new Error('Outbox.reschedulePending needs at least one filter');
    const [, count] = (await tx.query(
      `UPDATE notification SET due_at = $1::timestamptz - make_interval(mins => offset_minutes), payload = jsonb_set(payload, '{startsAt}', to_jsonb($2::text)), updated_at = now()
        WHERE ${conditions.join(' AND ')}`,
      values,
    )) as [unknown, number];
    return count;
  }

  /**
   * Drops a payload field that must not outlive the message (a code) from the rows the filter names,
   * sent or not; those still pending are cancelled with the reason. Returns how many rows.
   */
  async withdraw(tx: Transaction, filter: Omit<PendingFilter, 'dueBy'>, field: string, reason: string): Promise<number> {
    const conditions: string[] = [];
    const values: unknown[] = [field, reason];
    conditionsOf(filter, conditions, values);
    if (values.length === 2) throw new Error('Outbox.withdraw needs at least one filter');
    const [, count] = (await tx.query(
      `UPDATE notification SET payload = payload - $1::text,
              status = CASE WHEN status = 'PENDING' THEN 'CANCELLED'::notification_status ELSE status END,
              last_error = CASE WHEN status = 'PENDING' THEN $2 ELSE last_error END,
              updated_at = now()
        WHERE ${conditions.join(' AND ')}`,
      values,
    )) as [unknown, number];
    return count;
  }

  /** Drops a payload field from one row (a row that became final keeps no code). */
  async forgetField(tx: Transaction, notificationId: string, field: string): Promise<void> {
    await tx.query(`UPDATE notification SET payload = payload - $2::text WHERE id = $1`, [notificationId, field]);
  }
}

/** Adds the filter's conditions (every given field must match) to a statement's WHERE. */
function conditionsOf(filter: PendingFilter, conditions: string[], values: unknown[]): void {
  for (const [key, [column, type]] of Object.entries(FILTER_COLUMNS) as [keyof typeof FILTER_COLUMNS, [string, string]][]) {
    const wanted = filter[key];
    if (wanted === undefined) continue;
    values.push(wanted);
    conditions.push(`${column} = ANY($${values.length}::${type}[])`);
  }
  for (const [key, column] of [
    ['participantId', 'participant_id'],
    ['userId', 'user_id'],
  ] as const) {
    if (filter[key] === undefined) continue;
    values.push(filter[key]);
    conditions.push(`${column} = $${values.length}`);
  }
  if (filter.offsetMinutesNotIn !== undefined) {
    values.push(filter.offsetMinutesNotIn);
    conditions.push(`NOT (offset_minutes = ANY($${values.length}::int[]))`);
  }
  if (filter.dueBy !== undefined) {
    values.push(filter.dueBy);
    conditions.push(`due_at <= $${values.length}`);
  }
  if (filter.payload !== undefined) {
    values.push(filter.payload.field, filter.payload.values);
    conditions.push(`payload ->> $${values.length - 1}::text = ANY($${values.length}::text[])`);
  }
}
