import { Module } from '@nestjs/common';
import { EventsModule } from '@app/events';
import { SchedulingModule } from '@app/scheduling';
import { ReportsService } from './reports/reports.service';
import { ShiftEvents } from './shifts/shift-events';
import { ShiftPlaces } from './shifts/shift-places';
import { ShiftSwapsService } from './shifts/shift-swaps.service';
import { ShiftsService } from './shifts/shifts.service';
import { TrajectoriesService } from './trajectories/trajectories.service';
import { VolunteersService } from './volunteers/volunteers.service';

const SERVICES = [VolunteersService, ShiftsService, ShiftPlaces, ShiftSwapsService, ShiftEvents, TrajectoriesService, ReportsService];

/** Volunteers, shifts, Picnik trajectories and reports. Needs a TypeORM DataSource and a Clock from the importing application. */
@Module({ imports: [SchedulingModule, EventsModule], providers: SERVICES, exports: SERVICES })
export class VolunteersModule {}
