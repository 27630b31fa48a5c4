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
}

const FILTER_COLUMNS: Record<Exclude<keyof PendingFilter, 'participantId' | 'userId'>, [string, string]> = {
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
    for (const [key, [column, type]] of Object.entries(FILTER_COLUMNS) as [keyof typeof FILTER_COLUMNS, [string, string]][]) {
      const wanted = filter[key];
      if (wanted === undefined) continue;
      values.push(wanted);
      conditions.push(`${column} = ANY($${values.length}::${type}[])`);
    }
    for (const [key, column] of [['participantId', 'participant_id'], ['userId', 'user_id']] as const) {
      if (filter[key] === undefined) continue;
      values.push(filter[key]);
      conditions.push(`${column} = $${values.length}`);
    }
    // An empty filter would cancel everything pending: never what a caller means.
    if (values.length === 1) throw new Error('Outbox.cancelPending needs at least one filter');
    const [, count] = (await tx.query(`UPDATE notification SET status = 'CANCELLED', last_error = coalesce($1, last_error), updated_at = now() WHERE ${conditions.join(' AND ')}`, values)) as [unknown, number];
    return count;
  }
}
