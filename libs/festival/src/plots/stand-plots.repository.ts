import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, DeepPartial, In } from 'typeorm';
import { BaseRepository, Transaction } from '@app/database';
import { StandPlotEntity } from '../entities';

/** stand_plot. */
@Injectable()
export class StandPlotsRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** A code the edition already has fails with the unique violation (the service turns it into CONFLICT). */
  save(plot: DeepPartial<StandPlotEntity>, tx?: Transaction): Promise<StandPlotEntity> {
    return this.on(tx).getRepository(StandPlotEntity).save(plot);
  }

  saveMany(plots: DeepPartial<StandPlotEntity>[], tx?: Transaction): Promise<StandPlotEntity[]> {
    return this.on(tx).getRepository(StandPlotEntity).save(plots);
  }

  async update(id: string, changes: Partial<StandPlotEntity>, tx?: Transaction): Promise<void> {
    await this.on(tx).getRepository(StandPlotEntity).update(id, changes);
  }

  findById(id: string, tx?: Transaction): Promise<StandPlotEntity | null> {
    return this.on(tx).getRepository(StandPlotEntity).findOneBy({ id });
  }

  findByIds(ids: readonly string[], tx?: Transaction): Promise<StandPlotEntity[]> {
    return this.on(tx)
      .getRepository(StandPlotEntity)
      .findBy({ id: In([...ids]) });
  }

  /** The plots of an edition by code. */
  ofEdition(editionId: string, tx?: Transaction): Promise<StandPlotEntity[]> {
    return this.on(tx)
      .getRepository(StandPlotEntity)
      .find({ where: { editionId }, order: { code: 'ASC' } });
  }

  async codesOfEdition(editionId: string, tx?: Transaction): Promise<Set<string>> {
    return new Set((await this.on(tx).getRepository(StandPlotEntity).findBy({ editionId })).map((plot) => plot.code));
  }

  byEditionIds(editionIds: readonly string[], tx?: Transaction): Promise<StandPlotEntity[]> {
    return this.on(tx)
      .getRepository(StandPlotEntity)
      .find({ where: { editionId: In([...editionIds]) }, order: { code: 'ASC' } });
  }
}
