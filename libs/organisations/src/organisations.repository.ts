import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { BaseRepository, findEntitiesByIds, Transaction } from '@app/database';
import { OrganisationEntity, OrganisationKind, OrganisationTrainingEntity } from './entities';

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

  /** For DataLoaders: a statement written once, not built per call (findEntitiesByIds). */
  findByIds(ids: readonly string[], tx?: Transaction): Promise<OrganisationEntity[]> {
    return findEntitiesByIds(this.on(tx), OrganisationEntity, ids);
  }

  findById(id: string, tx?: Transaction): Promise<OrganisationEntity | null> {
    return this.on(tx).getRepository(OrganisationEntity).findOneBy({ id });
  }

  exists(id: string, tx?: Transaction): Promise<boolean> {
    return this.on(tx).existsBy(OrganisationEntity, { id });
  }

  /** The row, locked for the rest of the transaction (a screening and the matches that check it do not cross). */
  lock(id: string, tx: Transaction): Promise<OrganisationEntity | null> {
    return tx.getRepository(OrganisationEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_read' } });
  }

  activeOfKinds(kinds: readonly OrganisationKind[], tx?: Transaction): Promise<OrganisationEntity[]> {
    return this.on(tx)
      .getRepository(OrganisationEntity)
      .find({ where: { active: true, kind: In([...kinds]) }, order: { name: 'ASC' } });
  }

  saveTraining(training: Partial<OrganisationTrainingEntity>, tx?: Transaction): Promise<OrganisationTrainingEntity> {
    return this.on(tx).getRepository(OrganisationTrainingEntity).save(training);
  }

  findTraining(id: string, tx?: Transaction): Promise<OrganisationTrainingEntity | null> {
    return this.on(tx).getRepository(OrganisationTrainingEntity).findOneBy({ id });
  }

  async deleteTraining(id: string, tx?: Transaction): Promise<void> {
    await this.on(tx).getRepository(OrganisationTrainingEntity).delete({ id });
  }

  /** Newest first. */
  trainingsByOrganisationIds(ids: readonly string[], tx?: Transaction): Promise<OrganisationTrainingEntity[]> {
    return this.on(tx)
      .getRepository(OrganisationTrainingEntity)
      .find({ where: { organisationId: In([...ids]) }, order: { followedOn: 'DESC', createdAt: 'DESC' } });
  }
}
