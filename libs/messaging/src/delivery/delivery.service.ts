import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { DateTime } from 'luxon';
import { Clock, NotificationChannel } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { type Transaction, Transactions } from '@app/database';
import { MetricsRegistry } from '@app/health';
import { JobName, OnJob } from '@app/queues';
import { EmailChannel, SmsChannel } from '../channels/channels';
import { ComposerRegistry } from '../composer-registry';
import type { PreparedMessage } from '../composers';
import { NotificationEntity, NotificationStatus } from '../entities';
import { NotificationRepository } from '../notification.repository';
import { SmsOptOuts } from '../opt-outs/sms-opt-outs';
import { isTransactional, type MessageVariables } from '../templates/message-kinds';
import { renderMessage } from '../templates/render';
import { withUnsubscribeLink } from '../templates/unsubscribe-footer';
import { MailOptOuts } from '../unsubscribe/mail-opt-outs.service';

/** After this many failed attempts a message ends FAILED with its last error, for coordinators to see. */
export const MAX_DELIVERY_ATTEMPTS = 5;
const ZONE = 'Europe/Brussels';
/** The reason on a mail not sent because its address unsubscribed: the messages desk shows it. */
export const UNSUBSCRIBED = 'not sent: the address unsubscribed from mail of this kind';

export type DeliveryResult = 'SENT' | 'CANCELLED' | 'DEFERRED' | 'NOT_DUE' | 'ALREADY_DONE';

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
    private readonly transactions: Transactions,
    private readonly notifications: NotificationRepository,
    private readonly email: EmailChannel,
    private readonly sms: SmsChannel,
    private readonly clock: Clock,
    private readonly composers: ComposerRegistry,
    private readonly mailOptOuts: MailOptOuts,
    private readonly smsOptOuts: SmsOptOuts,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    // Absent where no /metrics is served (e.g. a bench's bare worker context).
    @Optional() private readonly metrics?: MetricsRegistry,
  ) {}

  @OnJob(JobName.DELIVER_NOTIFICATION)
  deliverJob({ notificationId }: { notificationId: string }): Promise<DeliveryResult> {
    return this.deliver(notificationId);
  }

  async deliver(notificationId: string): Promise<DeliveryResult> {
    const claim = await this.transactions.run(async (manager) => {
      const row = await this.notifications.lock(manager, notificationId);
      if (!row || row.status !== NotificationStatus.PENDING) return { result: 'ALREADY_DONE' as const };
      const now = this.clock.now();
      if (row.dueAt.getTime() > now.getTime() + 1000) return { result: 'NOT_DUE' as const };
      const prepared = await this.composers.composerOf(row.kind).compose(manager, row, now);
      // Whatever domain wrote it: a number that answered STOP gets no SMS but the stop's confirmation.
      const optedOut =
        'stale' in prepared || row.channel !== NotificationChannel.SMS || prepared.confirmsOptOut
          ? false
          : await this.smsOptOuts.isOptedOut(manager, prepared.to);
      if ('stale' in prepared || optedOut) {
        const reason = 'stale' in prepared ? prepared.stale : 'the number answered STOP: no SMS goes to it any more';
        await this.notifications.update(manager, row.id, { status: NotificationStatus.CANCELLED, lastError: reason });
        await this.settled(manager, row);
        return { result: 'CANCELLED' as const };
      }
      if (this.mayUnsubscribe(row) && (await this.mailOptOuts.hasUnsubscribed(prepared.to, manager))) {
        await this.notifications.update(manager, row.id, { status: NotificationStatus.CANCELLED, lastError: UNSUBSCRIBED });
        await this.settled(manager, row);
        return { result: 'CANCELLED' as const };
      }
      // A message awaited right now (a registration code dies in ten minutes) ignores quiet hours.
      const window = row.channel === NotificationChannel.SMS && !prepared.ignoresQuietHours ? nextSmsWindow(now) : null;
      if (window) {
        await this.notifications.update(manager, row.id, { dueAt: window });
        return { result: 'DEFERRED' as const };
      }
      const attempt = row.attempts + 1;
      await this.notifications.update(manager, row.id, { attempts: attempt });
      await this.notifications.startAttempt(manager, row.id, attempt, now);
      return { result: 'CLAIMED' as const, row, message: prepared, attempt };
    });
    if (claim.result !== 'CLAIMED') return claim.result;

    const { row, message: prepared, attempt } = claim;
    let providerId: string;
    try {
      providerId = await this.send(row, prepared);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const final = attempt >= MAX_DELIVERY_ATTEMPTS;
      await this.transactions.run(async (manager) => {
        await this.notifications.attemptFailed(manager, row.id, attempt, message);
        await this.notifications.update(manager, row.id, { lastError: message, ...(final ? { status: NotificationStatus.FAILED } : {}) });
        if (final) await this.settled(manager, row);
      });
      this.logger.warn({ notificationId: row.id, attempt, error: message }, final ? 'message failed for good' : 'message failed; will retry');
      if (final) this.metrics?.notificationFailed(row.channel);
      throw error;
    }
    const sentAt = this.clock.now();
    await this.transactions.run(async (manager) => {
      await this.notifications.attemptSucceeded(manager, row.id, attempt, providerId);
      await this.notifications.update(manager, row.id, { status: NotificationStatus.SENT, sentAt, lastError: null });
      await this.settled(manager, row);
    });
    this.metrics?.notificationSent(row.channel, prepared.measureLateness ? { dueAt: row.dueAt, sentAt } : undefined);
    return 'SENT';
  }

  /** The row is final: its domain may drop what it kept only for sending (a registration code). */
  private async settled(manager: Transaction, row: NotificationEntity): Promise<void> {
    await this.composers.composerOf(row.kind).settled?.(manager, row);
  }

  private async send(row: NotificationEntity, prepared: PreparedMessage): Promise<string> {
    // Whom to call to "let us know": the host organisation's number, else the integration service's (mail only).
    const given = prepared.vars as unknown as MessageVariables;
    const vars = { ...given, contactPhone: given.contactPhone ?? this.config.contactPhone };
    const rendered = renderMessage(row.kind, row.language, vars);
    if (row.channel === NotificationChannel.SMS) return this.sms.send({ to: prepared.to, text: rendered.sms, reference: row.dedupeKey });
    const unsubscribeUrl = this.mayUnsubscribe(row) ? this.mailOptOuts.unsubscribeUrl(prepared.to, rendered.language) : undefined;
    const message = unsubscribeUrl ? withUnsubscribeLink(rendered, unsubscribeUrl) : rendered;
    return this.email.send({
      to: prepared.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      id: row.id,
      language: row.language,
      dedupeKey: row.dedupeKey,
      calendar: prepared.calendar ?? undefined,
      unsubscribeUrl,
    });
  }

  /** Mail a reader can live without (MESSAGE_KIND_INFO): it carries an unsubscribe link and respects an opt-out. SMS have their own STOP. */
  private mayUnsubscribe(row: NotificationEntity): boolean {
    return row.channel === NotificationChannel.EMAIL && !isTransactional(row.kind);
  }
}
