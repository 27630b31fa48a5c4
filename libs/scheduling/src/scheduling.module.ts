import { Module } from '@nestjs/common';
import { EventsModule } from '@app/events';
import { ClosuresService } from './closures/closures.service';
import { OrganisationsService } from './organisations/organisations.service';
import { ProgrammesService } from './programmes/programmes.service';
import { SessionSeriesService } from './series/session-series.service';
import { SessionsService } from './sessions/sessions.service';
import { VenuesService } from './venues/venues.service';

const SERVICES = [OrganisationsService, VenuesService, ProgrammesService, SessionsService, SessionSeriesService, ClosuresService];

/** Needs a TypeORM DataSource and a Clock provider from the importing application. */
@Module({ imports: [EventsModule], providers: SERVICES, exports: SERVICES })
export class SchedulingModule {}
