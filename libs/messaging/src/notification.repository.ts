import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { NotificationChannel } from '@app/common';
import { BaseRepository, type Transaction } from '@app/database';
import { DeliveryAttemptEntity, DeliveryOutcome, NotificationEntity, NotificationStatus } from './entities';
import type { OutboxRow } from './outbox-message';

/** A row as delivery reads it: the outbox row the composers see, its state, and nothing TypeORM has to hydrate. */
export interface DeliveryRow extends OutboxRow {
  status: NotificationStatus;
  attempts: number;
}

/** A message that left: its attempt is closed and its row marked SENT together. */
export interface SentMessage {
  notificationId: string;
  attempt: number;
  providerId: string;
  sentAt: Date;
}

const DELIVERY_COLUMNS = `id, kind, channel, language, participant_id AS "participantId", user_id AS "userId", registration_id AS "registrationId",
  session_id AS "sessionId", stand_booking_id AS "standBookingId", shift_assignment_id AS "shiftAssignmentId", offset_minutes AS "offsetMinutes",
  payload, due_at AS "dueAt", dedupe_key AS "dedupeKey", status, attempts`;

export interface NotificationQuery {
  sessionId?: string;
  participantId?: string;
  registrationId?: string;
  status?: NotificationStatus;
  kind?: string;
  channel?: string;
  language?: string;
  /** Rows due at or after this time. */
  since?: Date;
}

/** The outbox's rows and their delivery attempts, for delivery, the dispatcher and the coordinators' view. */
@Injectable()
export class NotificationRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** The row, locked for the rest of the transaction (FOR UPDATE). */
  lock(tx: Transaction, id: string): Promise<NotificationEntity | null> {
    return tx.findOne(NotificationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * The rows, locked for the rest of the transaction, in id order (two batches that share rows
   * lock them alike and cannot deadlock). With `skipLocked`, a row another transaction holds is
   * left out rather than waited for: the caller takes it again on its own.
   */
  lockForDelivery(tx: Transaction, ids: readonly string[], skipLocked: boolean): Promise<DeliveryRow[]> {
    return tx.query<DeliveryRow[]>(
      `SELECT ${DELIVERY_COLUMNS} FROM notification WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE${skipLocked ? ' SKIP LOCKED' : ''}`,
      [[...ids]],
    );
  }

  /**
   * Counts one more attempt on each row and records it STARTED, in one statement; returns each
   * row's new attempt number. The attempt exists before the message leaves, so a crash leaves a trace.
   */
  async startAttempts(tx: Transaction, ids: readonly string[], startedAt: Date): Promise<Map<string, number>> {
    const rows = await tx.query<{ id: string; attempt: number }[]>(
      `WITH counted AS (
         UPDATE notification SET attempts = attempts + 1, updated_at = now() WHERE id = ANY($1::uuid[]) RETURNING id, attempts
       ), started AS (
         INSERT INTO delivery_attempt (notification_id, attempt, outcome, started_at) SELECT id, attempts, $2, $3 FROM counted
       )
       SELECT id, attempts AS attempt FROM counted`,
      [[...ids], DeliveryOutcome.STARTED, startedAt],
    );
    return new Map(rows.map((row) => [row.id, row.attempt]));
  }

  /**
   * Closes each message's attempt as SUCCEEDED and marks its row SENT, in one statement (so
   * atomically, in the caller's transaction or on its own).
   */
  async markSent(tx: Transaction | undefined, sent: readonly SentMessage[]): Promise<void> {
    if (sent.length === 0) return;
    await this.on(tx).query(
      `WITH sent AS (
         SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[], $4::timestamptz[]) AS s(notification_id, attempt, provider_id, sent_at)
       ), closed AS (
         UPDATE delivery_attempt a SET outcome = $5, finished_at = now(), provider_id = sent.provider_id
           FROM sent WHERE a.notification_id = sent.notification_id AND a.attempt = sent.attempt
       )
       UPDATE notification n SET status = $6, sent_at = sent.sent_at, last_error = NULL, updated_at = now()
         FROM sent WHERE n.id = sent.notification_id`,
      [
        sent.map((s) => s.notificationId),
        sent.map((s) => s.attempt),
        sent.map((s) => s.providerId),
        sent.map((s) => s.sentAt),
        DeliveryOutcome.SUCCEEDED,
        NotificationStatus.SENT,
      ],
    );
  }

  async update(
    tx: Transaction,
    id: string,
    changes: Partial<Pick<NotificationEntity, 'status' | 'lastError' | 'dueAt' | 'attempts' | 'sentAt'>>,
  ): Promise<void> {
    await tx.update(NotificationEntity, id, changes);
  }

  async startAttempt(tx: Transaction, notificationId: string, attempt: number, startedAt: Date): Promise<void> {
    await tx.query(`INSERT INTO delivery_attempt (notification_id, attempt, outcome, started_at) VALUES ($1, $2, $3, $4)`, [
      notificationId,
      attempt,
      DeliveryOutcome.STARTED,
      startedAt,
    ]);
  }

  async attemptFailed(tx: Transaction, notificationId: string, attempt: number, error: string): Promise<void> {
    await tx.query(`UPDATE delivery_attempt SET outcome = $3, finished_at = now(), error = $4 WHERE notification_id = $1 AND attempt = $2`, [
      notificationId,
      attempt,
      DeliveryOutcome.FAILED,
      error,
    ]);
  }

  async attemptSucceeded(tx: Transaction, notificationId: string, attempt: number, providerId: string): Promise<void> {
    await tx.query(`UPDATE delivery_attempt SET outcome = $3, finished_at = now(), provider_id = $4 WHERE notification_id = $1 AND attempt = $2`, [
      notificationId,
      attempt,
      DeliveryOutcome.SUCCEEDED,
      providerId,
    ]);
  }

  /** PENDING rows due by `until`, after the (due_at, id) cursor, in that order. */
  due(until: Date, after: Date, afterId: string, limit: number): Promise<{ id: string; due_at: Date; channel: NotificationChannel }[]> {
    return this.on().query<{ id: string; due_at: Date; channel: NotificationChannel }[]>(
      `SELECT id, due_at, channel FROM notification
        WHERE status = $1 AND due_at <= $2 AND (due_at, id) > ($3, $4::uuid)
        ORDER BY due_at, id LIMIT $5`,
      [NotificationStatus.PENDING, until, after, afterId, limit],
    );
  }

  /** Matching rows, newest due first. */
  list(filter: NotificationQuery, limit: number): Promise<NotificationEntity[]> {
    const query = this.on().getRepository(NotificationEntity).createQueryBuilder('n');
    if (filter.sessionId) query.andWhere('n.session_id = :sessionId', { sessionId: filter.sessionId });
    if (filter.participantId) query.andWhere('n.participant_id = :participantId', { participantId: filter.participantId });
    if (filter.registrationId) query.andWhere('n.registration_id = :registrationId', { registrationId: filter.registrationId });
    if (filter.status) query.andWhere('n.status = :status', { status: filter.status });
    if (filter.kind) query.andWhere('n.kind = :kind', { kind: filter.kind });
    if (filter.channel) query.andWhere('n.channel = :channel', { channel: filter.channel });
    if (filter.language) query.andWhere('n.language = :language', { language: filter.language });
    if (filter.since) query.andWhere('n.due_at >= :since', { since: filter.since });
    return query.orderBy('n.due_at', 'DESC').addOrderBy('n.id', 'DESC').limit(limit).getMany();
  }

  /**
   * Renumbers the row's attempts to 0, -1, -2, … (latest first), so new ones count from 1 again.
   * Two steps, because (notification_id, attempt) is unique at every row: first above the current
   * range, then down to max - max = 0 and below.
   */
  async renumberAttempts(tx: Transaction, notificationId: string): Promise<void> {
    const [{ min, max }] = await tx.query<{ min: number | null; max: number | null }[]>(
      `SELECT min(attempt) AS min, max(attempt) AS max FROM delivery_attempt WHERE notification_id = $1`,
      [notificationId],
    );
    if (min !== null && max !== null && max > 0) {
      const lift = max - min + 1;
      await tx.query(`UPDATE delivery_attempt SET attempt = attempt + $2 WHERE notification_id = $1`, [notificationId, lift]);
      await tx.query(`UPDATE delivery_attempt SET attempt = attempt - $2 WHERE notification_id = $1`, [notificationId, lift + max]);
    }
  }

  get(tx: Transaction, id: string): Promise<NotificationEntity> {
    return tx.findOneOrFail(NotificationEntity, { where: { id } });
  }

  /** The attempts of a batch of messages, oldest first. */
  attemptsOf(ids: readonly string[]): Promise<DeliveryAttemptEntity[]> {
    return this.on()
      .getRepository(DeliveryAttemptEntity)
      .find({ where: { notificationId: In([...ids]) }, order: { notificationId: 'ASC', attempt: 'ASC' } });
  }
}
