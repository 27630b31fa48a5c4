import { Module } from '@nestjs/common';
import { StaffDirectoryModule } from '@app/auth';
import { MessagingModule } from '@app/messaging';
import { PersonalLinks } from '../self-service/personal-links';
import { PersonalLinksRepository } from '../self-service/personal-links.repository';
import { AlertSweep } from './alert-sweep';
import { CapacityAlerts } from './capacity-alerts';
import { ParticipantMessageComposer } from './participant-composer';
import { NotificationOutbox } from './participant-messages';
import { RegistrationCodeComposer, RegistrationCodeMessages } from './registration-code-messages';
import { RegistrationMessagesRepository } from './registration-messages.repository';
import { StaffMessageComposer } from './staff-messages';
import { StaffRecipients } from './staff-recipients';

/**
 * The messages of registrations: rows written in the transactions that cause them (the @OnEvent
 * handlers), the composers that fill them in when they leave, and the time-driven alerts (the worker
 * runs the sweep job). Needs a TypeORM DataSource and a Clock from the application.
 */
@Module({
  imports: [MessagingModule, StaffDirectoryModule],
  providers: [
    RegistrationMessagesRepository,
    StaffRecipients,
    NotificationOutbox,
    CapacityAlerts,
    RegistrationCodeMessages,
    AlertSweep,
    ParticipantMessageComposer,
    StaffMessageComposer,
    RegistrationCodeComposer,
    PersonalLinks,
    PersonalLinksRepository,
  ],
  exports: [NotificationOutbox, AlertSweep],
})
export class RegistrationMessagesModule {}
