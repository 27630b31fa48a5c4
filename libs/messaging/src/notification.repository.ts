import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { BaseRepository, type Transaction } from '@app/database';
import { DeliveryAttemptEntity, DeliveryOutcome, NotificationEntity, NotificationStatus } from './entities';

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
  due(until: Date, after: Date, afterId: string, limit: number): Promise<{ id: string; due_at: Date }[]> {
    return this.on().query<{ id: string; due_at: Date }[]>(
      `SELECT id, due_at FROM notification
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
