import { Module } from '@nestjs/common';
import { OrganisationsRepository } from './organisations.repository';

/** Needs a TypeORM DataSource from the importing application. */
@Module({ providers: [OrganisationsRepository], exports: [OrganisationsRepository] })
export class OrganisationsModule {}
