import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { BaseRepository, Transaction } from '@app/database';
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

  findByIds(ids: readonly string[], tx?: Transaction): Promise<ProgrammeEntity[]> {
    return this.on(tx)
      .getRepository(ProgrammeEntity)
      .findBy({ id: In([...ids]) });
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
