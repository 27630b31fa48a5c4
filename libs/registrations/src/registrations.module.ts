import { Module } from '@nestjs/common';
import { EventsModule } from '@app/events';
import { SchedulingModule } from '@app/scheduling';
import { AttendanceSettingsService } from './attendance/attendance-settings.service';
import { RegistrationEvents } from './events/registration-events';
import { ParticipantsService } from './participants/participants.service';
import { RegistrationsService } from './registrations/registrations.service';
import { SelfRegistrationService } from './self-registration/self-registration.service';

const SERVICES = [ParticipantsService, RegistrationsService, RegistrationEvents, AttendanceSettingsService, SelfRegistrationService];

/** Needs a TypeORM DataSource and a Clock from the importing application. */
@Module({ imports: [SchedulingModule, EventsModule], providers: SERVICES, exports: SERVICES })
export class RegistrationsModule {}
