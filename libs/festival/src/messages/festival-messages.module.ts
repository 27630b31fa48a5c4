import { Module } from '@nestjs/common';
import { MessagingModule } from '@app/messaging';
import { FestivalDeadlineAlerts } from './festival-deadline-alerts';
import { FestivalMessageComposer } from './festival-messages';
import { FestivalMessagesRepository } from './festival-messages.repository';
import { FestivalOutbox } from './festival-outbox';

/**
 * The festival's messages: written in the booking's transaction (API), composed when sent and the
 * deadline alert (worker). Needs a DataSource, Transactions and a Clock from the application.
 */
@Module({
  imports: [MessagingModule],
  providers: [FestivalMessagesRepository, FestivalOutbox, FestivalMessageComposer, FestivalDeadlineAlerts],
  exports: [FestivalOutbox, FestivalMessageComposer, FestivalDeadlineAlerts],
})
export class FestivalMessagesModule {}
