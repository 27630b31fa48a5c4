import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BaseRepository, findEntitiesByIds, Transaction } from '@app/database';
import { ProgrammeEntity } from '../entities';

/** The programme table. */
@Injectable()
export class ProgrammesRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  findById(id: string, tx?: Transaction): Promise<ProgrammeEntity | null> {
    return this.on(tx).getRepository(ProgrammeEntity).findOneBy({ id });
  }

  findByIdOrFail(id: string, tx?: Transaction): Promise<ProgrammeEntity> {
    return this.on(tx).findOneByOrFail(ProgrammeEntity, { id });
  }

  /** For DataLoaders: a statement written once, not built per call (findEntitiesByIds). */
  findByIds(ids: readonly string[], tx?: Transaction): Promise<ProgrammeEntity[]> {
    return findEntitiesByIds(this.on(tx), ProgrammeEntity, ids);
  }

  listByName(includeInactive: boolean, tx?: Transaction): Promise<ProgrammeEntity[]> {
    return this.on(tx)
      .getRepository(ProgrammeEntity)
      .find({ where: includeInactive ? {} : { active: true }, order: { name: 'ASC' } });
  }

  save(programme: Partial<ProgrammeEntity>, tx?: Transaction): Promise<ProgrammeEntity> {
    return this.on(tx).getRepository(ProgrammeEntity).save(programme);
  }
}
