import { Module } from '@nestjs/common';
import { OrganisationScreeningService } from './organisation-screening.service';
import { OrganisationsRepository } from './organisations.repository';

/** Needs a TypeORM DataSource, Transactions and a Clock from the importing application. */
@Module({ providers: [OrganisationsRepository, OrganisationScreeningService], exports: [OrganisationsRepository, OrganisationScreeningService] })
export class OrganisationsModule {}
