import { Module } from '@nestjs/common';
import { EventsModule } from '@app/events';
import { OrganisationsModule } from '@app/organisations';
import { ClosuresRepository } from './closures/closures.repository';
import { ClosuresService } from './closures/closures.service';
import { HostsRepository } from './hosts/hosts.repository';
import { OrganisationsService } from './organisations/organisations.service';
import { ProgrammesRepository } from './programmes/programmes.repository';
import { ProgrammesService } from './programmes/programmes.service';
import { SessionSeriesRepository } from './series/session-series.repository';
import { SessionSeriesService } from './series/session-series.service';
import { SessionsRepository } from './sessions/sessions.repository';
import { SessionsService } from './sessions/sessions.service';
import { VenuesRepository } from './venues/venues.repository';
import { VenuesService } from './venues/venues.service';

const SERVICES = [OrganisationsService, VenuesService, ProgrammesService, SessionsService, SessionSeriesService, ClosuresService];
const REPOSITORIES = [SessionsRepository, SessionSeriesRepository, ProgrammesRepository, VenuesRepository, HostsRepository, ClosuresRepository];

/**
 * Needs a TypeORM DataSource, Transactions (DatabaseModule) and a Clock provider from the importing
 * application. SessionsRepository is exported for the libs that lock and read sessions in their own transactions.
 */
@Module({ imports: [EventsModule, OrganisationsModule], providers: [...SERVICES, ...REPOSITORIES], exports: [...SERVICES, SessionsRepository] })
export class SchedulingModule {}
