import { Module } from '@nestjs/common';
import { FestivalModule } from '@app/festival';
import { VolunteersModule } from '@app/volunteers';
import { QueuesModule } from '@app/queues';
import { RegistrationsModule } from '@app/registrations';
import { SchedulingModule } from '@app/scheduling';
import { AlertSweep } from './alerts/alert-sweep';
import { CapacityAlerts } from './alerts/capacity-alerts';
import { EmailChannel, SmsChannel } from './channels/channels';
import { NotificationDelivery } from './delivery/delivery.service';
import { NotificationDispatcher } from './delivery/dispatcher';
import { NotificationOutbox } from './outbox/notification-outbox';
import { RegistrationCodeMessages } from './self-registration/registration-code-messages';

/** Writes outbox rows inside registration, stand-booking and shift transactions (the API, and anything else that registers). */
@Module({ imports: [RegistrationsModule, SchedulingModule, FestivalModule, VolunteersModule], providers: [NotificationOutbox, CapacityAlerts, RegistrationCodeMessages], exports: [NotificationOutbox] })
export class NotificationsOutboxModule {}

/** Moves due rows into BullMQ and sends them (the worker). Needs SMTP_URL and SMS_GATEWAY_URL. */
@Module({
  imports: [QueuesModule],
  providers: [EmailChannel, SmsChannel, NotificationDelivery, NotificationDispatcher, AlertSweep],
  exports: [NotificationDelivery, NotificationDispatcher, AlertSweep],
})
export class NotificationsDeliveryModule {}
