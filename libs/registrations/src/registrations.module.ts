import { Module } from '@nestjs/common';
import { EventsModule } from '@app/events';
import { SchedulingModule } from '@app/scheduling';
import { AppSettingsRepository } from './attendance/app-settings.repository';
import { AttendanceSettingsService } from './attendance/attendance-settings.service';
import { RegistrationEvents } from './events/registration-events';
import { RegistrationEventsRepository } from './events/registration-events.repository';
import { ParticipantsRepository } from './participants/participants.repository';
import { ParticipantsService } from './participants/participants.service';
import { RegistrationsRepository } from './registrations/registrations.repository';
import { RegistrationsService } from './registrations/registrations.service';
import { SeatOffersRepository } from './seat-offers/seat-offers.repository';
import { SeatOffersService } from './seat-offers/seat-offers.service';
import { RegistrationCodeRequestsRepository } from './self-registration/registration-code-requests.repository';
import { SelfRegistrationService } from './self-registration/self-registration.service';
import { HolderActions } from './self-service/holder-actions.service';
import { PersonalLinkRows } from './self-service/personal-link-rows';
import { PersonalLinks } from './self-service/personal-links';
import { PersonalLinksRepository } from './self-service/personal-links.repository';

const SERVICES = [
  ParticipantsService,
  RegistrationsService,
  RegistrationEvents,
  AttendanceSettingsService,
  SelfRegistrationService,
  PersonalLinks,
  HolderActions,
  SeatOffersService,
];
/** Keeps each registration's link row (an event listener; nothing calls it). */
const LISTENERS = [PersonalLinkRows];
/** Only these run statements on the lib's tables; other libs read through the services. */
const REPOSITORIES = [
  ParticipantsRepository,
  RegistrationsRepository,
  RegistrationEventsRepository,
  AppSettingsRepository,
  RegistrationCodeRequestsRepository,
  PersonalLinksRepository,
  SeatOffersRepository,
];

/** Needs a TypeORM DataSource, Transactions (DatabaseModule) and a Clock from the importing application. */
@Module({ imports: [SchedulingModule, EventsModule], providers: [...SERVICES, ...LISTENERS, ...REPOSITORIES], exports: SERVICES })
export class RegistrationsModule {}
