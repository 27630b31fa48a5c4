import { Module } from '@nestjs/common';
import { SchedulingModule } from '@app/scheduling';
import { AttendanceSettingsService } from './attendance/attendance-settings.service';
import { RegistrationEvents } from './events/registration-events';
import { ParticipantsService } from './participants/participants.service';
import { RegistrationsService } from './registrations/registrations.service';

const SERVICES = [ParticipantsService, RegistrationsService, RegistrationEvents, AttendanceSettingsService];

/** Needs a TypeORM DataSource and a Clock from the importing application. */
@Module({ imports: [SchedulingModule], providers: SERVICES, exports: SERVICES })
export class RegistrationsModule {}
