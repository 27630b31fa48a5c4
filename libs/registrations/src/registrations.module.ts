import { Module } from '@nestjs/common';
import { SchedulingModule } from '@app/scheduling';
import { AttendanceSettingsService } from './attendance/attendance-settings.service';
import { RegistrationEvents } from './events/registration-events';
import { ParticipantsService } from './participants/participants.service';
import { RegistrationsService } from './registrations/registrations.service';
import { RegistrationCodeOutbox } from './self-registration/registration-code-outbox';
import { SelfRegistrationService } from './self-registration/self-registration.service';

const SERVICES = [ParticipantsService, RegistrationsService, RegistrationEvents, AttendanceSettingsService, SelfRegistrationService, RegistrationCodeOutbox];

/** Needs a TypeORM DataSource and a Clock from the importing application. */
@Module({ imports: [SchedulingModule], providers: SERVICES, exports: SERVICES })
export class RegistrationsModule {}
