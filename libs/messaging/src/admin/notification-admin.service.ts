import { Injectable, Logger } from '@nestjs/common';
import { Actor, AppError, Clock, NotificationChannel, validate } from '@app/common';
import { Transactions } from '@app/database';
import { DeliveryAttemptEntity, NotificationEntity, NotificationStatus } from '../entities';
import { NotificationRepository } from '../notification.repository';
import { type MessagePreview, previewMessage } from './message-preview';
import { notificationPolicy } from './notification-policy';

export const DEFAULT_NOTIFICATIONS_PAGE = 50;
export const MAX_NOTIFICATIONS_PAGE = 200;

export interface NotificationFilter {
  sessionId?: string | null;
  participantId?: string | null;
  registrationId?: string | null;
  status?: NotificationStatus | null;
  kind?: string | null;
  channel?: NotificationChannel | null;
  language?: string | null;
  /** Messages due at or after this time. */
  since?: Date | null;
}

/** Without a subject (session, participant, registration) or a status, the desk shows this many days back. */
export const DEFAULT_OUTBOX_DAYS = 30;

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

  /**
   * Messages matching the filter, newest due first. Without a subject or a status the list keeps
   * to a period (since, by default the last DEFAULT_OUTBOX_DAYS days): the outbox grows forever.
   */
  listNotifications(actor: Actor | null, filter: NotificationFilter | null | undefined, first?: number | null): Promise<NotificationEntity[]> {
    notificationPolicy.requireCanAdminister(actor, 'see the outbox');
    const limit = validate.int('first', first ?? DEFAULT_NOTIFICATIONS_PAGE, 1, MAX_NOTIFICATIONS_PAGE);
    const { sessionId, participantId, registrationId, status, kind, channel, language, since } = filter ?? {};
    if (since !== undefined && since !== null && Number.isNaN(since.getTime())) throw AppError.badInput('since is not a valid time', 'filter.since');
    const narrow = !!(sessionId || participantId || registrationId || status);
    const period = since ?? (narrow ? undefined : new Date(this.clock.now().getTime() - DEFAULT_OUTBOX_DAYS * 24 * 3600 * 1000));
    return this.notifications.list(
      {
        sessionId: sessionId ? validate.uuid('filter.sessionId', sessionId) : undefined,
        participantId: participantId ? validate.uuid('filter.participantId', participantId) : undefined,
        registrationId: registrationId ? validate.uuid('filter.registrationId', registrationId) : undefined,
        status: status ?? undefined,
        kind: validate.optionalText('filter.kind', kind, 40) || undefined,
        channel: channel ?? undefined,
        language: validate.optionalText('filter.language', language, 10) || undefined,
        since: period,
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

  /** A message kind as a reader would get it, with demo values (the desk's preview). */
  previewMessage(actor: Actor | null, kind: string, language: string, channel: NotificationChannel): MessagePreview {
    notificationPolicy.requireCanAdminister(actor, 'preview messages');
    return previewMessage(kind, language, channel, this.clock.now());
  }

  /** The attempts of a batch of messages, oldest first, for a DataLoader. */
  attemptsByNotificationIds(ids: readonly string[]): Promise<DeliveryAttemptEntity[]> {
    return this.notifications.attemptsOf(ids);
  }
}
