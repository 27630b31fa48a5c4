import { Module } from '@nestjs/common';
import { MessagingModule } from '@app/messaging';
import { ShiftMessageComposer } from './shift-messages';
import { ShiftMessagesRepository } from './shift-messages.repository';
import { ShiftOutbox } from './shift-outbox';
import { UnderstaffedShiftAlerts } from './understaffed-shift-alerts';

/**
 * The shifts' messages: reminders and swap requests written in the assignment's transaction (API),
 * composed when sent and the under-staffed alert (worker). Needs a DataSource, Transactions and a
 * Clock from the application.
 */
@Module({
  imports: [MessagingModule],
  providers: [ShiftMessagesRepository, ShiftOutbox, ShiftMessageComposer, UnderstaffedShiftAlerts],
  exports: [ShiftOutbox, ShiftMessageComposer, UnderstaffedShiftAlerts],
})
export class ShiftMessagesModule {}
