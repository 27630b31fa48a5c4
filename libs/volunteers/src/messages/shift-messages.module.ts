import { Module } from '@nestjs/common';
import { MessagingModule } from '@app/messaging';
import { ShiftMessageComposer } from './shift-messages';
import { ShiftMessagesRepository } from './shift-messages.repository';
import { ShiftOutbox } from './shift-outbox';
import { TrajectoryFollowUpReminders } from './trajectory-follow-up-reminders';
import { TrajectoryMessagesRepository } from './trajectory-messages.repository';
import { UnderstaffedShiftAlerts } from './understaffed-shift-alerts';

/**
 * The shifts' messages: reminders and swap requests written in the assignment's transaction (API),
 * composed when sent, the under-staffed alert and the Picnik follow-up reminder (worker). Needs a DataSource, Transactions and a
 * Clock from the application.
 */
@Module({
  imports: [MessagingModule],
  providers: [ShiftMessagesRepository, ShiftOutbox, ShiftMessageComposer, UnderstaffedShiftAlerts, TrajectoryMessagesRepository, TrajectoryFollowUpReminders],
  exports: [ShiftOutbox, ShiftMessageComposer, UnderstaffedShiftAlerts, TrajectoryFollowUpReminders],
})
export class ShiftMessagesModule {}
