import { Module } from '@nestjs/common';
import { ClosuresService } from './closures/closures.service';
import { OrganisationsService } from './organisations/organisations.service';
import { ProgrammesService } from './programmes/programmes.service';
import { SessionSeriesService } from './series/session-series.service';
import { SessionHooks } from './sessions/session-hooks';
import { SessionsService } from './sessions/sessions.service';
import { VenuesService } from './venues/venues.service';

const SERVICES = [OrganisationsService, VenuesService, ProgrammesService, SessionsService, SessionSeriesService, ClosuresService, SessionHooks];

/** Needs a TypeORM DataSource and a Clock provider from the importing application. */
@Module({ providers: SERVICES, exports: SERVICES })
export class SchedulingModule {}
