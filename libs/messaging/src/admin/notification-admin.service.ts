import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Actor, AppError, Clock, validate } from '@app/common';
import { DeliveryAttemptEntity, NotificationEntity, NotificationStatus } from '../entities';
import { notificationPolicy } from './notification-policy';

export const DEFAULT_NOTIFICATIONS_PAGE = 50;
export const MAX_NOTIFICATIONS_PAGE = 200;

export interface NotificationFilter {
  sessionId?: string | null;
  participantId?: string | null;
  registrationId?: string | null;
  status?: NotificationStatus | null;
  kind?: string | null;
}

/**
 * The outbox as coordinators see it: what was sent, what failed and why, and a second chance for
 * a FAILED message. ADMIN and COORDINATOR only.
 */
@Injectable()
export class NotificationAdminService {
  private readonly logger = new Logger(NotificationAdminService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Messages matching the filter, newest due first. The filter must narrow by subject or status. */
  listNotifications(actor: Actor | null, filter: NotificationFilter | null | undefined, first?: number | null): Promise<NotificationEntity[]> {
    notificationPolicy.requireCanAdminister(actor, 'see the outbox');
    const limit = validate.int('first', first ?? DEFAULT_NOTIFICATIONS_PAGE, 1, MAX_NOTIFICATIONS_PAGE);
    const { sessionId, participantId, registrationId, status, kind } = filter ?? {};
    if (!sessionId && !participantId && !registrationId && !status) {
      throw AppError.badInput('Give at least one of sessionId, participantId, registrationId or status', 'filter');
    }
    const query = this.dataSource.getRepository(NotificationEntity).createQueryBuilder('n');
    if (sessionId) query.andWhere('n.session_id = :sessionId', { sessionId: validate.uuid('filter.sessionId', sessionId) });
    if (participantId) query.andWhere('n.participant_id = :participantId', { participantId: validate.uuid('filter.participantId', participantId) });
    if (registrationId) query.andWhere('n.registration_id = :registrationId', { registrationId: validate.uuid('filter.registrationId', registrationId) });
    if (status) query.andWhere('n.status = :status', { status });
    const kindText = validate.optionalText('filter.kind', kind, 40);
    if (kindText) query.andWhere('n.kind = :kind', { kind: kindText });
    return query.orderBy('n.due_at', 'DESC').addOrderBy('n.id', 'DESC').limit(limit).getMany();
  }

  /**
   * Puts a FAILED message back in the outbox: PENDING, due now, with a fresh budget of attempts.
   * The dispatcher picks it up on its next run (every 20 s). Its earlier attempts stay in
   * delivery_attempt, renumbered to 0, -1, -2, … (latest first) so the new ones count from 1
   * again and the numbers still sort in the order the attempts were made.
   */
  async resendNotification(actor: Actor | null, id: string): Promise<NotificationEntity> {
    const resender = notificationPolicy.requireCanAdminister(actor, 'resend messages');
    const notificationId = validate.uuid('id', id);
    const resent = await this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(NotificationEntity, { where: { id: notificationId }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw AppError.notFound('Notification', notificationId);
      if (row.status !== NotificationStatus.FAILED) {
        throw AppError.badInput(`Only a FAILED message can be resent; this one is ${row.status}`, 'id');
      }
      const [{ min, max }] = await manager.query<{ min: number | null; max: number | null }[]>(
        `SELECT min(attempt) AS min, max(attempt) AS max FROM delivery_attempt WHERE notification_id = $1`,
        [notificationId],
      );
      if (min !== null && max !== null && max > 0) {
        // Two steps, because (notification_id, attempt) is unique at every row: first above the
        // current range, then down to max - max = 0 and below.
        const lift = max - min + 1;
        await manager.query(`UPDATE delivery_attempt SET attempt = attempt + $2 WHERE notification_id = $1`, [notificationId, lift]);
        await manager.query(`UPDATE delivery_attempt SET attempt = attempt - $2 WHERE notification_id = $1`, [notificationId, lift + max]);
      }
      await manager.update(NotificationEntity, notificationId, { status: NotificationStatus.PENDING, dueAt: this.clock.now(), attempts: 0 });
      return manager.findOneOrFail(NotificationEntity, { where: { id: notificationId } });
    });
    this.logger.log({ notificationId, by: resender.userId }, 'failed message put back in the outbox');
    return resent;
  }

  /** The attempts of a batch of messages, oldest first, for a DataLoader. */
  attemptsByNotificationIds(ids: readonly string[]): Promise<DeliveryAttemptEntity[]> {
    return this.dataSource.getRepository(DeliveryAttemptEntity).find({ where: { notificationId: In([...ids]) }, order: { notificationId: 'ASC', attempt: 'ASC' } });
  }
}
