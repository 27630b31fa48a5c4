import { Module } from '@nestjs/common';
import { MessagingModule } from '@app/messaging';
import { AlertSweep } from './alert-sweep';
import { CapacityAlerts } from './capacity-alerts';
import { ParticipantMessageComposer } from './participant-composer';
import { NotificationOutbox } from './participant-messages';
import { RegistrationCodeComposer, RegistrationCodeMessages } from './registration-code-messages';
import { StaffMessageComposer } from './staff-messages';

/**
 * The messages of registrations: rows written in the transactions that cause them (the @OnEvent
 * handlers), the composers that fill them in when they leave, and the time-driven alerts (the worker
 * runs the sweep job). Needs a TypeORM DataSource and a Clock from the application.
 */
@Module({
  imports: [MessagingModule],
  providers: [NotificationOutbox, CapacityAlerts, RegistrationCodeMessages, AlertSweep, ParticipantMessageComposer, StaffMessageComposer, RegistrationCodeComposer],
  exports: [NotificationOutbox, AlertSweep],
})
export class RegistrationMessagesModule {}
