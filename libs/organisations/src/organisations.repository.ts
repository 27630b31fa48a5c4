import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { BaseRepository, Transaction } from '@app/database';
import { OrganisationEntity } from './entities';

/** The organisation table; auth and scheduling read and create organisations only through here. */
@Injectable()
export class OrganisationsRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  save(organisation: Partial<OrganisationEntity>, tx?: Transaction): Promise<OrganisationEntity> {
    return this.on(tx).getRepository(OrganisationEntity).save(organisation);
  }

  listByName(includeInactive = false, tx?: Transaction): Promise<OrganisationEntity[]> {
    return this.on(tx)
      .getRepository(OrganisationEntity)
      .find({ where: includeInactive ? {} : { active: true }, order: { name: 'ASC' } });
  }

  findByIds(ids: readonly string[], tx?: Transaction): Promise<OrganisationEntity[]> {
    return this.on(tx)
      .getRepository(OrganisationEntity)
      .findBy({ id: In([...ids]) });
  }

  findById(id: string, tx?: Transaction): Promise<OrganisationEntity | null> {
    return this.on(tx).getRepository(OrganisationEntity).findOneBy({ id });
  }

  exists(id: string, tx?: Transaction): Promise<boolean> {
    return this.on(tx).existsBy(OrganisationEntity, { id });
  }
}
