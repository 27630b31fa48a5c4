import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { BaseRepository, findEntitiesByIds, Transaction } from '@app/database';
import { VenueEntity } from '../entities';

/** The venue table. */
@Injectable()
export class VenuesRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  findById(id: string, tx?: Transaction): Promise<VenueEntity | null> {
    return this.on(tx).findOneBy(VenueEntity, { id });
  }

  findByIdOrFail(id: string, tx?: Transaction): Promise<VenueEntity> {
    return this.on(tx).findOneByOrFail(VenueEntity, { id });
  }

  /** For DataLoaders: a statement written once, not built per call (findEntitiesByIds). */
  findByIds(ids: readonly string[], tx?: Transaction): Promise<VenueEntity[]> {
    return findEntitiesByIds(this.on(tx), VenueEntity, ids);
  }

  findByOrganisationIds(organisationIds: readonly string[], tx?: Transaction): Promise<VenueEntity[]> {
    return this.on(tx)
      .getRepository(VenueEntity)
      .find({ where: { organisationId: In([...organisationIds]) }, order: { name: 'ASC' } });
  }

  /** With its organisation, to know whether both are still active. */
  findWithOrganisation(id: string, tx?: Transaction): Promise<VenueEntity | null> {
    return this.on(tx)
      .getRepository(VenueEntity)
      .findOne({ where: { id }, relations: { organisation: true } });
  }

  listByName(includeInactive: boolean, organisationId: string | null, tx?: Transaction): Promise<VenueEntity[]> {
    return this.on(tx)
      .getRepository(VenueEntity)
      .find({
        where: { ...(includeInactive ? {} : { active: true }), ...(organisationId ? { organisationId } : {}) },
        order: { name: 'ASC' },
      });
  }

  save(venue: Partial<VenueEntity>, tx?: Transaction): Promise<VenueEntity> {
    return this.on(tx).getRepository(VenueEntity).save(venue);
  }
}
