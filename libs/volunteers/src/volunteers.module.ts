import { Module } from '@nestjs/common';
import { EventsModule } from '@app/events';
import { OrganisationsModule } from '@app/organisations';
import { RegistrationsModule } from '@app/registrations';
import { SchedulingModule } from '@app/scheduling';
import { ReportsRepository } from './reports/reports.repository';
import { ReportsService } from './reports/reports.service';
import { ShiftEvents } from './shifts/shift-events';
import { ShiftPlaces } from './shifts/shift-places';
import { ShiftSwapsRepository } from './shifts/shift-swaps.repository';
import { ShiftSwapsService } from './shifts/shift-swaps.service';
import { ShiftsRepository } from './shifts/shifts.repository';
import { ShiftsService } from './shifts/shifts.service';
import { HostSuggestionsService } from './trajectories/host-suggestions.service';
import { TrajectoriesRepository } from './trajectories/trajectories.repository';
import { TrajectoriesService } from './trajectories/trajectories.service';
import { VolunteersRepository } from './volunteers/volunteers.repository';
import { VolunteersService } from './volunteers/volunteers.service';

const SERVICES = [VolunteersService, ShiftsService, ShiftPlaces, ShiftSwapsService, ShiftEvents, TrajectoriesService, ReportsService, HostSuggestionsService];
const REPOSITORIES = [VolunteersRepository, ShiftsRepository, ShiftSwapsRepository, TrajectoriesRepository, ReportsRepository];

/** Volunteers, shifts, Picnik trajectories and reports. Needs the DatabaseModule (TypeORM and Transactions) and a Clock from the importing application. */
@Module({ imports: [SchedulingModule, EventsModule, RegistrationsModule, OrganisationsModule], providers: [...SERVICES, ...REPOSITORIES], exports: SERVICES })
export class VolunteersModule {}
