import { Injectable, Logger } from '@nestjs/common';
import { Actor, AppError, Clock, validate } from '@app/common';
import { Transactions } from '@app/database';
import { DeliveryAttemptEntity, NotificationEntity, NotificationStatus } from '../entities';
import { NotificationRepository } from '../notification.repository';
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
    private readonly transactions: Transactions,
    private readonly notifications: NotificationRepository,
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
    return this.notifications.list(
      {
        sessionId: sessionId ? validate.uuid('filter.sessionId', sessionId) : undefined,
        participantId: participantId ? validate.uuid('filter.participantId', participantId) : undefined,
        registrationId: registrationId ? validate.uuid('filter.registrationId', registrationId) : undefined,
        status: status ?? undefined,
        kind: validate.optionalText('filter.kind', kind, 40) || undefined,
      },
      limit,
    );
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
    const resent = await this.transactions.run(async (tx) => {
      const row = await this.notifications.lock(tx, notificationId);
      if (!row) throw AppError.notFound('Notification', notificationId);
      if (row.status !== NotificationStatus.FAILED) {
        throw AppError.badInput(`Only a FAILED message can be resent; this one is ${row.status}`, 'id');
      }
      await this.notifications.renumberAttempts(tx, notificationId);
      await this.notifications.update(tx, notificationId, { status: NotificationStatus.PENDING, dueAt: this.clock.now(), attempts: 0 });
      return this.notifications.get(tx, notificationId);
    });
    this.logger.log({ notificationId, by: resender.userId }, 'failed message put back in the outbox');
    return resent;
  }

  /** The attempts of a batch of messages, oldest first, for a DataLoader. */
  attemptsByNotificationIds(ids: readonly string[]): Promise<DeliveryAttemptEntity[]> {
    return this.notifications.attemptsOf(ids);
  }
}
