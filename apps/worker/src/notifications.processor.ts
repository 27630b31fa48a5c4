import { Processor } from '@nestjs/bullmq';
import { QueueName } from '@app/queues';
import { QueueProcessor } from './queue-processor';

/**
 * Mails in flight at once per worker. A mail that left but whose SENT mark was not yet committed is
 * sent again after a crash or a database restart, so this bounds the duplicates a fault can cause
 * (the chaos specs hold the worker to it) and the SMTP conversations a relay sees.
 */
export const MAILS_IN_FLIGHT = 10;
/**
 * Text messages in flight at once per worker: a resend after a fault carries the same reference,
 * which the gateway drops, so more in flight costs no duplicate and an evening's reminders leave
 * sooner (bench/reminders).
 */
export const TEXT_MESSAGES_IN_FLIGHT = 40;

// A short lock (renewed while a send runs) lets another worker take over a killed one's messages quickly.
const LOCKS = { lockDuration: 15_000, stalledInterval: 5_000 };

/** Sends mail, several at a time: each one is an SMTP conversation. */
@Processor(QueueName.NOTIFICATIONS, { concurrency: MAILS_IN_FLIGHT, ...LOCKS })
export class NotificationsProcessor extends QueueProcessor {
  protected readonly queue = QueueName.NOTIFICATIONS;
}

/** Sends text messages, many at a time: each one is a request to the SMS gateway. */
@Processor(QueueName.TEXT_MESSAGES, { concurrency: TEXT_MESSAGES_IN_FLIGHT, ...LOCKS })
export class TextMessagesProcessor extends QueueProcessor {
  protected readonly queue = QueueName.TEXT_MESSAGES;
}
