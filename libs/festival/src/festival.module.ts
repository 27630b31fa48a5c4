import { Module } from '@nestjs/common';
import { EventsModule } from '@app/events';
import { StandAvailabilityService } from './availability/stand-availability.service';
import { FestivalEvents } from './bookings/festival-events';
import { StandBookingsService } from './bookings/stand-bookings.service';
import { FestivalEditionsService } from './editions/festival-editions.service';
import { StandExportService } from './export/stand-export.service';
import { StandPlotsService } from './plots/stand-plots.service';

const SERVICES = [FestivalEditionsService, StandPlotsService, StandBookingsService, StandAvailabilityService, StandExportService, FestivalEvents];

/** KortRIJK aan Culturen: editions, plots, applications and stand bookings. Needs a TypeORM DataSource and a Clock from the importing application. */
@Module({ imports: [EventsModule], providers: SERVICES, exports: SERVICES })
export class FestivalModule {}
