import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { DateTime } from 'luxon';
import { Clock, NotificationChannel } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { type Transaction, Transactions } from '@app/database';
import { MetricsRegistry } from '@app/health';
import { JobName, OnJob } from '@app/queues';
import { EmailChannel, SmsChannel } from '../channels/channels';
import { ComposerRegistry } from '../composer-registry';
import type { Composition, PreparedMessage } from '../composers';
import { NotificationStatus } from '../entities';
import { type DeliveryRow, NotificationRepository, type SentMessage } from '../notification.repository';
import { SmsOptOuts } from '../opt-outs/sms-opt-outs';
import type { OutboxRow } from '../outbox-message';
import { isTransactional, type MessageVariables } from '../templates/message-kinds';
import { renderMessage } from '../templates/render';
import { withUnsubscribeLink } from '../templates/unsubscribe-footer';
import { MailOptOuts } from '../unsubscribe/mail-opt-outs.service';
import { GroupCommit, type Settled } from './group-commit';

/** After this many failed attempts a message ends FAILED with its last error, for coordinators to see. */
export const MAX_DELIVERY_ATTEMPTS = 5;
const ZONE = 'Europe/Brussels';
/** Claims and retries write only the outbox and its attempts, which no public read shows. */
const DELIVERY_BOOKKEEPING = { changesPublicData: false } as const;
/** The reason on a mail not sent because its address unsubscribed: the messages desk shows it. */
export const UNSUBSCRIBED = 'not sent: the address unsubscribed from mail of this kind';

export type DeliveryResult = 'SENT' | 'CANCELLED' | 'DEFERRED' | 'NOT_DUE' | 'ALREADY_DONE';

/** A row claimed for sending: its attempt is recorded STARTED and committed. */
interface Claimed {
  result: 'CLAIMED';
  row: DeliveryRow;
  message: PreparedMessage;
  attempt: number;
}
type ClaimResult = Exclude<DeliveryResult, 'SENT'> | Claimed;

/** At most this many rows share a claim or a mark: one statement's arrays, one transaction's locks. */
const MAX_BATCH = 100;
/** Claims (and marks) in flight at once: each holds one of the pool's connections while it runs. */
const BATCHES_IN_FLIGHT = 2;

/** SMS wait for daytime: none between 21:00 and 08:00 Brussels time. */
export function nextSmsWindow(now: Date): Date | null {
  const local = DateTime.fromJSDate(now, { zone: ZONE });
  if (local.hour >= 8 && local.hour < 21) return null;
  const morning = local.hour >= 21 ? local.plus({ days: 1 }) : local;
  return morning.set({ hour: 8, minute: 0, second: 0, millisecond: 0 }).toJSDate();
}

/**
 * Sends outbox rows, one BullMQ job each. Each row is locked and re-checked first (no stale
 * messages), its attempt is recorded before the message leaves, and it is marked SENT after. A crash
 * between sending and marking leaves a STARTED attempt: the retry resends with the same Message-ID /
 * gateway reference, so the gateway drops the duplicate and mail clients can fold it (at-least-once
 * window).
 *
 * The jobs running at the same time share their database work (group commit, docs/architecture.md
 * "Delivery in batches"): the claims of the rows that arrive together are one transaction (one
 * locking read, one read per composer, one opt-out read, one statement recording the attempts), and
 * the marks of the messages that left together are one statement. Each message still leaves, fails
 * and is retried on its own, with its own job's backoff.
 */
@Injectable()
export class NotificationDelivery {
  private readonly logger = new Logger(NotificationDelivery.name);
  private readonly claims = new GroupCommit<string, ClaimResult>((ids) => this.claimBatch(ids), MAX_BATCH, BATCHES_IN_FLIGHT);
  private readonly marks = new GroupCommit<{ row: DeliveryRow; sent: SentMessage }, void>((items) => this.markBatch(items), MAX_BATCH, BATCHES_IN_FLIGHT);

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

  // One delivery for both channels; each has its own queue only to be worked at its own concurrency.
  @OnJob(JobName.DELIVER_NOTIFICATION, JobName.DELIVER_TEXT_MESSAGE)
  deliverJob({ notificationId }: { notificationId: string }): Promise<DeliveryResult> {
    return this.deliver(notificationId);
  }

  async deliver(notificationId: string): Promise<DeliveryResult> {
    const claim = await this.claims.submit(notificationId);
    if (typeof claim === 'string') return claim;

    const { row, message: prepared, attempt } = claim;
    let providerId: string;
    try {
      providerId = await this.send(row, prepared);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const final = attempt >= MAX_DELIVERY_ATTEMPTS;
      await this.transactions.run(
        async (manager) => {
          await this.notifications.attemptFailed(manager, row.id, attempt, message);
          await this.notifications.update(manager, row.id, { lastError: message, ...(final ? { status: NotificationStatus.FAILED } : {}) });
          if (final) await this.settled(manager, row);
          // A final failure lets its domain settle the row, which may be any write; a retry is bookkeeping.
        },
        final ? undefined : DELIVERY_BOOKKEEPING,
      );
      this.logger.warn({ notificationId: row.id, attempt, error: message }, final ? 'message failed for good' : 'message failed; will retry');
      if (final) this.metrics?.notificationFailed(row.channel);
      throw error;
    }
    const sentAt = this.clock.now();
    await this.marks.submit({ row, sent: { notificationId: row.id, attempt, providerId, sentAt } });
    this.metrics?.notificationSent(row.channel, prepared.measureLateness ? { dueAt: row.dueAt, sentAt } : undefined);
    return 'SENT';
  }

  /**
   * Claims the rows in one transaction: each is re-checked, composed fresh and checked against the
   * opt-outs; the ones to send get their attempt recorded. A row another transaction holds (a
   * coordinator's resend, a cancellation) is not waited for inside the batch but claimed again on its
   * own afterwards, waiting for the lock as a single delivery always did.
   */
  private async claimBatch(ids: readonly string[]): Promise<Settled<ClaimResult>[]> {
    const results = await this.transactions.run((manager) => this.claimLocked(manager, ids, ids.length > 1), DELIVERY_BOOKKEEPING);
    const skipped = ids.filter((id) => !results.has(id));
    if (skipped.length > 0) {
      const waited = await this.transactions.run((manager) => this.claimLocked(manager, skipped, false), DELIVERY_BOOKKEEPING);
      for (const [id, result] of waited) results.set(id, result);
    }
    // A row that no longer exists (or was never there) has nothing left to send.
    return ids.map((id) => ({ value: results.get(id) ?? 'ALREADY_DONE' }));
  }

  private async claimLocked(manager: Transaction, ids: readonly string[], skipLocked: boolean): Promise<Map<string, ClaimResult>> {
    const results = new Map<string, ClaimResult>();
    const now = this.clock.now();
    const live: DeliveryRow[] = [];
    for (const row of await this.notifications.lockForDelivery(manager, ids, skipLocked)) {
      if (row.status !== NotificationStatus.PENDING) results.set(row.id, 'ALREADY_DONE');
      else if (row.dueAt.getTime() > now.getTime() + 1000) results.set(row.id, 'NOT_DUE');
      else live.push(row);
    }
    const compositions = await this.composeAll(manager, live, now);
    // Whatever domain wrote it: a number that answered STOP gets no SMS but the stop's confirmation.
    const checksOptOut = (row: DeliveryRow, prepared: Composition): prepared is PreparedMessage =>
      !('stale' in prepared) && row.channel === NotificationChannel.SMS && !prepared.confirmsOptOut;
    const optedOut = await this.smsOptOuts.optedOutAmong(
      manager,
      live.flatMap((row, i) => {
        const prepared = compositions[i];
        return checksOptOut(row, prepared) ? [prepared.to] : [];
      }),
    );
    // Quiet hours are the same for the whole batch: one instant, one look at the clock of Brussels.
    const smsWindow = nextSmsWindow(now);
    const toClaim: { row: DeliveryRow; message: PreparedMessage }[] = [];
    for (const [i, row] of live.entries()) {
      const prepared = compositions[i];
      if ('stale' in prepared || (checksOptOut(row, prepared) && optedOut.has(prepared.to))) {
        const reason = 'stale' in prepared ? prepared.stale : 'the number answered STOP: no SMS goes to it any more';
        await this.cancel(manager, row, reason);
        results.set(row.id, 'CANCELLED');
        continue;
      }
      if (this.mayUnsubscribe(row) && (await this.mailOptOuts.hasUnsubscribed(prepared.to, manager))) {
        await this.cancel(manager, row, UNSUBSCRIBED);
        results.set(row.id, 'CANCELLED');
        continue;
      }
      // A message awaited right now (a registration code dies in ten minutes) ignores quiet hours.
      const window = row.channel === NotificationChannel.SMS && !prepared.ignoresQuietHours ? smsWindow : null;
      if (window) {
        await this.notifications.update(manager, row.id, { dueAt: window });
        results.set(row.id, 'DEFERRED');
        continue;
      }
      toClaim.push({ row, message: prepared });
    }
    if (toClaim.length > 0) {
      const attempts = await this.notifications.startAttempts(
        manager,
        toClaim.map(({ row }) => row.id),
        now,
      );
      for (const { row, message } of toClaim) results.set(row.id, { result: 'CLAIMED', row, message, attempt: attempts.get(row.id)! });
    }
    return results;
  }

  /** Each row's composition, in order; a composer that can compose a batch gets its rows together. */
  private async composeAll(manager: Transaction, rows: readonly DeliveryRow[], now: Date): Promise<Composition[]> {
    const compositions = new Array<Composition>(rows.length);
    const byComposer = new Map<ReturnType<ComposerRegistry['composerOf']>, number[]>();
    for (const [i, row] of rows.entries()) {
      const composer = this.composers.composerOf(row.kind);
      byComposer.set(composer, [...(byComposer.get(composer) ?? []), i]);
    }
    for (const [composer, indexes] of byComposer) {
      if (composer.composeMany) {
        const composed = await composer.composeMany(
          manager,
          indexes.map((i) => rows[i]),
          now,
        );
        indexes.forEach((rowIndex, k) => (compositions[rowIndex] = composed[k]));
      } else {
        for (const i of indexes) compositions[i] = await composer.compose(manager, rows[i], now);
      }
    }
    return compositions;
  }

  private async cancel(manager: Transaction, row: DeliveryRow, reason: string): Promise<void> {
    await this.notifications.update(manager, row.id, { status: NotificationStatus.CANCELLED, lastError: reason });
    await this.settled(manager, row);
  }

  /** Marks the messages SENT in one statement; in a transaction only when a composer has to settle a row with it. */
  private async markBatch(items: readonly { row: DeliveryRow; sent: SentMessage }[]): Promise<Settled<void>[]> {
    const sent = items.map((item) => item.sent);
    const settling = items.filter(({ row }) => this.composers.composerOf(row.kind).settled);
    if (settling.length === 0) await this.notifications.markSent(undefined, sent);
    else
      await this.transactions.run(async (manager) => {
        await this.notifications.markSent(manager, sent);
        for (const { row } of settling) await this.settled(manager, row);
      });
    return items.map(() => ({ value: undefined }));
  }

  /** The row is final: its domain may drop what it kept only for sending (a registration code). */
  private async settled(manager: Transaction, row: OutboxRow): Promise<void> {
    await this.composers.composerOf(row.kind).settled?.(manager, row);
  }

  private async send(row: OutboxRow, prepared: PreparedMessage): Promise<string> {
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
  private mayUnsubscribe(row: OutboxRow): boolean {
    return row.channel === NotificationChannel.EMAIL && !isTransactional(row.kind);
  }
}
