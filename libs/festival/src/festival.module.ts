import { Module } from '@nestjs/common';
import { EventsModule } from '@app/events';
import { StandAvailabilityService } from './availability/stand-availability.service';
import { FestivalEvents } from './bookings/festival-events';
import { StandApplicationsRepository } from './bookings/stand-applications.repository';
import { StandBookingsRepository } from './bookings/stand-bookings.repository';
import { StandBookingsService } from './bookings/stand-bookings.service';
import { StandPlacementRepository } from './bookings/stand-placement.repository';
import { FestivalEditionsRepository } from './editions/festival-editions.repository';
import { FestivalEditionsService } from './editions/festival-editions.service';
import { StandExportRepository } from './export/stand-export.repository';
import { StandExportService } from './export/stand-export.service';
import { StandPlotsRepository } from './plots/stand-plots.repository';
import { StandPlotsService } from './plots/stand-plots.service';

const SERVICES = [FestivalEditionsService, StandPlotsService, StandBookingsService, StandAvailabilityService, StandExportService, FestivalEvents];
/** Only these run statements on the festival's tables; they stay inside the lib. */
const REPOSITORIES = [
  FestivalEditionsRepository,
  StandPlotsRepository,
  StandBookingsRepository,
  StandPlacementRepository,
  StandApplicationsRepository,
  StandExportRepository,
];

/** KortRIJK aan Culturen: editions, plots, applications and stand bookings. Needs the DatabaseModule and a Clock from the importing application. */
@Module({ imports: [EventsModule], providers: [...SERVICES, ...REPOSITORIES], exports: SERVICES })
export class FestivalModule {}
