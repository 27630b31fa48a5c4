import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { QueuesModule } from '@app/queues';
import { EmailChannel, SmsChannel } from './channels/channels';
import { ComposerRegistry } from './composer-registry';
import { NotificationDelivery } from './delivery/delivery.service';
import { NotificationDispatcher } from './delivery/dispatcher';
import { NotificationRepository } from './notification.repository';
import { SmsOptOuts } from './opt-outs/sms-opt-outs';
import { Outbox } from './outbox';
import { MailOptOutRepository } from './unsubscribe/mail-opt-out.repository';
import { MailOptOuts } from './unsubscribe/mail-opt-outs.service';

/** The outbox the domains write to in their transactions (the API, the worker, anything that changes data). */
@Module({ providers: [Outbox, SmsOptOuts], exports: [Outbox, SmsOptOuts] })
export class MessagingModule {}

/** One-click unsubscribe (the API's /u/<token>) and the opt-out check before a mail leaves (the worker). */
@Module({ providers: [MailOptOutRepository, MailOptOuts], exports: [MailOptOuts] })
export class MailOptOutsModule {}

/**
 * Moves due rows into BullMQ and sends them (the worker). Needs SMTP_URL and SMS_GATEWAY_URL, and
 * the domain modules whose composers fill in the messages: the registry refuses to start without them.
 */
@Module({
  imports: [QueuesModule, DiscoveryModule, MailOptOutsModule],
  providers: [NotificationRepository, EmailChannel, SmsChannel, ComposerRegistry, NotificationDelivery, NotificationDispatcher, SmsOptOuts],
  exports: [NotificationDelivery, NotificationDispatcher],
})
export class MessagingDeliveryModule {}
